import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import { LATEST_MIGRATION, MIGRATIONS, migrateToLatest, migrationStatus } from "../src/db/migrate.ts";
import { sqlList } from "../src/db/sql.ts";
import { DATABASE_KINDS, openTestDatabase } from "./helpers.ts";

describe.each(DATABASE_KINDS)("migrations (%s)", (kind) => {
  it("migrates an empty database to the latest version, then does nothing on a second run", async () => {
    const { db, close } = await openTestDatabase(kind, { migrate: false });
    try {
      expect((await migrationStatus(db)).current).toBeNull();
      const first = await migrateToLatest(db);
      expect(first.applied).toEqual([...MIGRATIONS]);
      expect(first.status).toMatchObject({ current: LATEST_MIGRATION, upToDate: true });
      const second = await migrateToLatest(db);
      expect(second.applied).toEqual([]);
      expect(second.status.current).toBe(LATEST_MIGRATION);
    } finally {
      await close();
    }
  });

  // Tables that stay local on the coordinator (DISTRIBUTED.md): schema versions, and failed
  // sign-ins, which may name no account and so no tenant.
  const LOCAL_TABLES = ["schema_migrations", "sign_in_failures"];

  it("puts the tenant key first in every table's primary key", async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      const rows = await queryRows<{ table_name: string; first_key: string }>(
        db,
        sql`SELECT c.relname AS table_name, a.attname AS first_key
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
             WHERE i.indisprimary AND c.relname NOT IN ${sqlList(LOCAL_TABLES)}`,
      );
      expect(rows.map((r) => r.table_name).sort()).toEqual([
        "audit_log",
        "budget_items",
        "calendar_feeds",
        "consolidated_reports",
        "dti_entries",
        "dti_frameworks",
        "dti_nodes",
        "dti_round_units",
        "dti_rounds",
        "evidence_files",
        "indicators",
        "notification_channels",
        "notifications",
        "org_unit_lineage",
        "org_units",
        "outbox",
        "plan_budget",
        "plan_legal_bases",
        "plan_reporting_rules",
        "plan_summaries",
        "plan_target_links",
        "plan_target_units",
        "plan_targets",
        "plan_tasks",
        "plan_versions",
        "plans",
        "public_data_versions",
        "report_events",
        "reporting_periods",
        "reporting_status",
        "role_grants",
        "sessions",
        "target_figures",
        "task_comments",
        "task_updates",
        "unit_report_tasks",
        "unit_report_values",
        "unit_reports",
        "users",
      ]);
      for (const row of rows) expect(row.first_key, row.table_name).toBe("tenant_id");
    } finally {
      await close();
    }
  });

  it("refuses a database migrated by a newer dtplan", async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      await db.execute(sql`INSERT INTO schema_migrations (version) VALUES ('9999_from_the_future')`);
      await expect(migrateToLatest(db)).rejects.toThrow(/mới hơn/);
    } finally {
      await close();
    }
  });
});
