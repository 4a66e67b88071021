import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import {
  CITUS_TRANSACTION_SETUP,
  citusPlacementStatements,
  isCitusCoordinator,
  tablesCreatedBy,
} from "./citus.ts";
import { type Database, queryRows } from "./database.ts";
import { up as backfillPeriods } from "./migrations/0007_periods_from_publication.ts";
import { up as backfillPlanSummaries } from "./migrations/0008_public_summaries.ts";
import { up as seedCatalogues } from "./migrations/0010_indicator_catalogue.ts";
import { up as backfillTargetUnits } from "./migrations/0013_target_reporting_units.ts";
import { up as seedDtiFrameworks } from "./migrations/0014_dti.ts";
import { up as backfillTargetFigures } from "./migrations/0016_target_figures.ts";
import { up as backfillReportingStatus } from "./migrations/0019_reporting_status.ts";

/** Numbered SQL migrations, applied in this order. Add a file, then register it here. */
export const MIGRATIONS = [
  "0001_foundation",
  "0002_plans",
  "0003_task_activity",
  "0004_reporting",
  "0005_reminders",
  "0006_consolidated_reports",
  "0007_periods_from_publication",
  "0008_public_summaries",
  "0009_plan_item_cells",
  "0010_indicator_catalogue",
  "0011_sign_in_failures",
  "0012_item_versions",
  "0013_target_reporting_units",
  "0014_dti",
  "0015_plan_cascade",
  "0016_target_figures",
  "0017_notification_channels",
  "0018_notification_language",
  "0019_reporting_status",
  "0020_search_text",
] as const;

/**
 * Code a migration runs after its SQL, in the same transaction, for data SQL cannot
 * derive (a plan's periods come from the domain's calendar).
 */
const DATA_STEPS: Partial<Record<(typeof MIGRATIONS)[number], (tx: Database) => Promise<void>>> = {
  "0007_periods_from_publication": backfillPeriods,
  "0008_public_summaries": backfillPlanSummaries,
  "0010_indicator_catalogue": seedCatalogues,
  "0013_target_reporting_units": backfillTargetUnits,
  "0014_dti": seedDtiFrameworks,
  "0016_target_figures": backfillTargetFigures,
  "0019_reporting_status": backfillReportingStatus,
};

export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1];

// One number for every dtplan process, so two servers starting against the same
// PostgreSQL apply each migration once.
const MIGRATION_LOCK = 774_201_001;

function migrationSql(name: string): string[] {
  const text = readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8");
  return text
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, "").trim().length > 0);
}

export interface MigrationStatus {
  current: string | null;
  latest: string;
  upToDate: boolean;
  applied: string[];
}

async function ensureMigrationsTable(db: Database): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
}

async function appliedVersions(db: Database): Promise<string[]> {
  const rows = await queryRows<{ version: string }>(
    db,
    sql`SELECT version FROM schema_migrations ORDER BY version`,
  );
  return rows.map((r) => r.version);
}

/** Where the schema stands; never changes anything. */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  const applied = exists[0]?.present ? await appliedVersions(db) : [];
  const current = applied.length ? applied[applied.length - 1] : null;
  return { current, latest: LATEST_MIGRATION, upToDate: current === LATEST_MIGRATION, applied };
}

/**
 * Migrates to the latest version or throws. Each migration runs in its own
 * transaction with its record in `schema_migrations`; a database newer than this
 * code (an unknown version applied) is refused rather than guessed at.
 *
 * On a Citus coordinator (detected by its extension, or `citus: true`) each table is
 * placed on the cluster right after the statement that creates it (db/citus.ts).
 */
export async function migrateToLatest(
  db: Database,
  options: { citus?: boolean } = {},
): Promise<{ applied: string[]; status: MigrationStatus }> {
  const citus = options.citus ?? (await isCitusCoordinator(db));
  await ensureMigrationsTable(db);
  const known = new Set<string>(MIGRATIONS);
  const unknown = (await appliedVersions(db)).filter((v) => !known.has(v));
  if (unknown.length) {
    throw new Error(
      `Cơ sở dữ liệu có phiên bản lược đồ mới hơn mã nguồn (${unknown.join(", ")}); hãy cập nhật dtplan.`,
    );
  }
  const applied: string[] = [];
  for (const version of MIGRATIONS) {
    const statements = migrationSql(version);
    const ran = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(String(MIGRATION_LOCK))})`);
      const done = await queryRows(tx, sql`SELECT 1 FROM schema_migrations WHERE version = ${version}`);
      if (done.length) return false;
      if (citus) await tx.execute(sql.raw(CITUS_TRANSACTION_SETUP));
      for (const statement of statements) {
        await tx.execute(sql.raw(statement));
        if (!citus) continue;
        for (const table of tablesCreatedBy(statement)) {
          for (const placement of citusPlacementStatements(table)) await tx.execute(sql.raw(placement));
        }
      }
      await DATA_STEPS[version]?.(tx);
      await tx.execute(sql`INSERT INTO schema_migrations (version) VALUES (${version})`);
      return true;
    });
    if (ran) applied.push(version);
  }
  return { applied, status: await migrationStatus(db) };
}
