// Starts a throwaway PostgreSQL 15 (db/throwaway-postgres.ts) for the whole test run and hands its URL to the
// test files (`inject("postgresUrl")`). Migrations run once per run, not once per
// suite: into a template database that each suite's database is copied from
// (`CREATE DATABASE … TEMPLATE`), and into a PGlite data directory that each PGlite suite,
// `dtplan` commands in tests and the demo's seed copy (see openTestDatabase in helpers.ts;
// demo-snapshot.ts `migratedDataDir`). A suite that
// reads the demo copies one seeded at most once per run (demo-snapshot.ts, under `demoRoot`).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { closeDatabase, wrapPgPool } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { startThrowawayPostgres } from "../src/db/throwaway-postgres.ts";
import { demoRoot, migratedDataDir, removeDemoRoot } from "./demo-snapshot.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A migrated PostgreSQL database to copy with `CREATE DATABASE … TEMPLATE`; nobody connects to it. */
    postgresTemplate: string;
    /** The run's directory for the demo seeded once (demo-snapshot.ts `demoDataDir`). */
    demoRoot: string;
  }
}

const POSTGRES_TEMPLATE = "dtplan_template";

/** Creates and migrates the template database, then disconnects from it (a template must be idle). */
async function migratePostgresTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${POSTGRES_TEMPLATE}`;
  const db = wrapPgPool(new pg.Pool({ connectionString: url.toString(), max: 1 }));
  try {
    await migrateToLatest(db);
  } finally {
    await closeDatabase(db);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The PGlite template is made while PostgreSQL starts (it is written by this process, not
  // the postgres user): a migrated data directory under the run's demo root, which PGlite
  // suites, `dtplan` commands and the demo's seed copy.
  const pgliteReady = migratedDataDir(demoRoot());
  pgliteReady.catch(() => {}); // awaited below; this only keeps an early failure from being unhandled

  const postgres = await startThrowawayPostgres();
  const stop = () => {
    try {
      postgres.stop();
    } finally {
      removeDemoRoot();
    }
  };
  const postgresUrl = postgres.url;
  try {
    await Promise.all([migratePostgresTemplate(postgresUrl), pgliteReady]);
  } catch (error) {
    stop();
    throw error;
  }

  project.provide("postgresUrl", postgresUrl);
  project.provide("postgresTemplate", POSTGRES_TEMPLATE);
  project.provide("demoRoot", demoRoot());
  return async () => stop();
}
