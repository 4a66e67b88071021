// Where each table lives on a Citus cluster, applied by `dtplan migrate` when the database
// has the `citus` extension: right after the statement that creates a table, in the same
// migration and transaction, before a later table's foreign key can reference it while it is
// still local (Citus refuses to distribute a table that local tables reference).
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "./database.ts";

/**
 * - `distributed`: a tenant table, sharded by tenant_id and co-located with org_units, so a
 *   province's rows and their joins stay on one worker;
 * - `reference`: replicated to every node (accounts: looked up by username before any tenant);
 * - `local`: stays on the coordinator (not tenant data; see DISTRIBUTED.md).
 * Every table a migration creates has its line here; citus-migrate.test.ts checks it.
 */
export const CITUS_PLACEMENT = {
  org_units: "distributed",
  org_unit_lineage: "distributed",
  users: "reference",
  role_grants: "distributed",
  sessions: "distributed",
  audit_log: "distributed",
  indicators: "distributed",
  plans: "distributed",
  plan_versions: "distributed",
  plan_targets: "distributed",
  plan_tasks: "distributed",
  plan_legal_bases: "distributed",
  plan_reporting_rules: "distributed",
  plan_budget: "distributed",
  task_updates: "distributed",
  task_comments: "distributed",
  evidence_files: "distributed",
  budget_items: "distributed",
  reporting_periods: "distributed",
  unit_reports: "distributed",
  unit_report_tasks: "distributed",
  unit_report_values: "distributed",
  report_events: "distributed",
  notifications: "distributed",
  outbox: "distributed",
  consolidated_reports: "distributed",
  plan_summaries: "distributed",
  public_data_versions: "distributed",
  sign_in_failures: "local",
  plan_target_units: "distributed",
  dti_frameworks: "distributed",
  dti_nodes: "distributed",
  dti_rounds: "distributed",
  dti_round_units: "distributed",
  dti_entries: "distributed",
  plan_target_links: "distributed",
  target_figures: "distributed",
  notification_channels: "distributed",
  calendar_feeds: "distributed",
  reporting_status: "distributed",
} as const satisfies Record<string, "distributed" | "reference" | "local">;

/** The table every distributed table is co-located with (the first one created). */
const COLOCATION_ROOT = "org_units";

/** The tables a migration statement creates, in order. */
export function tablesCreatedBy(statement: string): string[] {
  const names = statement
    .replace(/--[^\n]*/g, "")
    .matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi);
  return [...names].map((m) => m[1]);
}

/** The statements that place a newly created table on the cluster (none for a local table). */
export function citusPlacementStatements(table: string): string[] {
  const placement = (CITUS_PLACEMENT as Record<string, string>)[table];
  if (!placement) {
    throw new Error(
      `Bảng ${table} chưa có vị trí trên cụm Citus: thêm một dòng vào CITUS_PLACEMENT (db/citus.ts).`,
    );
  }
  if (placement === "reference") return [`SELECT create_reference_table('${table}')`];
  if (placement === "local") return [];
  return table === COLOCATION_ROOT
    ? [`SELECT create_distributed_table('${table}', 'tenant_id')`]
    : [`SELECT create_distributed_table('${table}', 'tenant_id', colocate_with => '${COLOCATION_ROOT}')`];
}

/**
 * Run first in each migration's transaction on Citus: distributing a table and writing a
 * reference table in one transaction needs one connection per worker, not parallel ones.
 */
export const CITUS_TRANSACTION_SETUP = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";

/**
 * For a transaction that writes `users` (a reference table) after a statement that read
 * several provinces: Citus refuses the write after a parallel multi-shard statement, so
 * the transaction asks for one connection per worker. On PostgreSQL and PGlite it sets an
 * unused placeholder setting, for the transaction only.
 */
export async function oneConnectionPerWorker(tx: Database): Promise<void> {
  await tx.execute(sql.raw(CITUS_TRANSACTION_SETUP));
}

/** Whether the database is a Citus coordinator (the `citus` extension is installed). */
export async function isCitusCoordinator(db: Database): Promise<boolean> {
  const rows = await queryRows(db, sql`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  return rows.length > 0;
}
