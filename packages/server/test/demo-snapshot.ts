/**
 * The demo, seeded at most once per test run and copied by every file that reads it:
 * a seed costs tens of seconds of CPU, a copy a fraction of one. Made on first use, by
 * whichever test worker asks first while the others wait for it, so a run of files that
 * never read the demo pays nothing:
 * - `demoDataDir(root)`: a PGlite data directory, by the same start-up as
 *   `dtplan serve --demo` (browser servers and `dtplan` commands copy the directory;
 *   data-layer suites open a copy, helpers.ts);
 * - `postgresDemoTemplate(…)`: a PostgreSQL database seeded the same way, which suites
 *   clone with `CREATE DATABASE … TEMPLATE`.
 * - `migratedDataDir(root)`: a PGlite data directory migrated and empty, for a `dtplan`
 *   command or server that starts on an existing database (copy it: milliseconds, where
 *   PGlite's initdb and the migrations cost seconds of CPU in each new directory).
 * `root` is one directory per run (`demoRoot`), shared by both projects' global set-ups.
 * `demoSeedResult` tells what each seed returned (demo.test.ts checks it).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { testConfig } from "../src/config.ts";
import { closeDatabase, wrapPglite, wrapPgPool } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedDemo } from "../src/modules/demo/seed.ts";
import { createEvidenceStore } from "../src/modules/evidence/evidence-store.ts";
import { startServer } from "../src/server.ts";

/** The demo accounts' password in every copy. */
export const DEMO_PASSWORD = "dtplan-demo-2025";

/**
 * A directory on /dev/shm where the system has one: a PGlite on a disk directory
 * writes through to the disk on every commit.
 */
export function scratchRoot(): string {
  return existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
}

const shared = globalThis as typeof globalThis & { dtplanDemoRoot?: string };

/**
 * The run's directory for the PGlite demo, made once in vitest's own process (where
 * every project's global set-up runs) so both projects' files share one seed.
 */
export function demoRoot(): string {
  shared.dtplanDemoRoot ??= mkdtempSync(path.join(scratchRoot(), "dtplan-demo-"));
  return shared.dtplanDemoRoot;
}

/** Deletes the run's demo directory (global set-ups' teardown; safe to call twice). */
export function removeDemoRoot(): void {
  if (shared.dtplanDemoRoot) rmSync(shared.dtplanDemoRoot, { recursive: true, force: true });
  shared.dtplanDemoRoot = undefined;
}

const errorText = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** Waits for `file` (another worker is seeding) and fails with that worker's error when it failed. */
async function waitForFile(file: string, what: string, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${what} did not finish`);
    await sleep(200);
  }
  const state = JSON.parse(readFileSync(file, "utf8")) as { ok: boolean; error?: string };
  if (!state.ok) throw new Error(`${what} failed: ${state.error}`);
}

/**
 * Runs `make` once per run in whichever process asks first (mkdir is atomic); the others
 * wait for its `ready` file and fail with its error when it failed.
 */
async function onceAcrossWorkers(
  root: string,
  name: string,
  what: string,
  make: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const ready = path.join(root, `${name}.json`);
  try {
    mkdirSync(path.join(root, `${name}.making`));
  } catch {
    await waitForFile(ready, what);
    return;
  }
  try {
    writeFileSync(ready, JSON.stringify({ ok: true, ...(await make()) }));
  } catch (error) {
    writeFileSync(ready, JSON.stringify({ ok: false, error: errorText(error) }));
    throw error;
  }
}

let pgliteMigrated: Promise<string> | null = null;

/**
 * `root`/migrated holding a migrated, empty PGlite data directory, made by the first process
 * that asks (the main project's global set-up); copy it, never open it.
 */
export function migratedDataDir(root: string): Promise<string> {
  pgliteMigrated ??= (async () => {
    const dataDir = path.join(root, "migrated");
    await onceAcrossWorkers(root, "migrated", "The migrated PGlite directory", async () => {
      const client = await PGlite.create(dataDir);
      try {
        await migrateToLatest(wrapPglite(client));
      } finally {
        await client.close();
      }
      return {};
    });
    return dataDir;
  })();
  return pgliteMigrated;
}

let pgliteDemo: Promise<string> | null = null;

/**
 * `root`/pgdata holding the demo (accounts' password `DEMO_PASSWORD`, evidence files in
 * testConfig's store), seeded by the first worker that asks; copy it, never open it.
 */
export function demoDataDir(root: string): Promise<string> {
  pgliteDemo ??= (async () => {
    const dataDir = path.join(root, "pgdata");
    await onceAcrossWorkers(root, "ready", "The demo seed (PGlite)", async () => {
      // The same start-up as `dtplan serve --demo`, on a migrated empty data directory,
      // stopped once seeded.
      cpSync(await migratedDataDir(root), dataDir, { recursive: true });
      const config = testConfig({
        webDist: root,
        demoPassword: DEMO_PASSWORD,
        database: { kind: "pglite", dataDir },
      });
      const server = await startServer(config, { demo: true });
      await server.close();
      return { created: server.demo?.loaded === true };
    });
    return dataDir;
  })();
  return pgliteDemo;
}

let postgresDemo: Promise<string> | null = null;
/** Any number, the same in every worker: the advisory lock the PostgreSQL demo's seed holds. */
const SEED_LOCK = 72_019_001;

/**
 * A database on the server at `adminUrl` holding the demo (seeded by the first worker that
 * asks, on a copy of the migrated `template`): clone it with `CREATE DATABASE … TEMPLATE`.
 */
export function postgresDemoTemplate(adminUrl: string, template: string, root: string): Promise<string> {
  postgresDemo ??= (async () => {
    const name = `${template}_demo`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // The other workers wait here; the database gets its name only once seeded whole.
      await admin.query("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
      const made = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (made.rowCount) return name;
      const seeding = `${name}_seeding`;
      await admin.query(`DROP DATABASE IF EXISTS ${seeding}`);
      await admin.query(`CREATE DATABASE ${seeding} TEMPLATE ${template}`);
      const url = new URL(adminUrl);
      url.pathname = `/${seeding}`;
      const db = wrapPgPool(new pg.Pool({ connectionString: url.toString(), max: 1 }));
      try {
        const { created } = await seedDemo(db, {
          password: DEMO_PASSWORD,
          evidence: createEvidenceStore(testConfig({}).evidence.store),
        });
        writeFileSync(path.join(root, "postgres-seed.json"), JSON.stringify({ created }));
      } finally {
        // A template must be idle when it is renamed or copied.
        await closeDatabase(db);
      }
      await admin.query(`ALTER DATABASE ${seeding} RENAME TO ${name}`);
      return name;
    } finally {
      await admin.end(); // also releases the lock
    }
  })();
  return postgresDemo;
}

/** What the seed of the run's demo copies returned, once a copy of that kind was made. */
export function demoSeedResult(kind: "pglite" | "postgres", root: string): { created: boolean } {
  const file = path.join(root, kind === "pglite" ? "ready.json" : "postgres-seed.json");
  return { created: (JSON.parse(readFileSync(file, "utf8")) as { created?: boolean }).created === true };
}
