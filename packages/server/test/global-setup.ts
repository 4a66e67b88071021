// Starts a throwaway PostgreSQL 15 for the whole test run and hands its URL to the
// test files (`inject("postgresUrl")`). Migrations run once per run, not once per
// suite: into a template database that each suite's database is copied from
// (`CREATE DATABASE … TEMPLATE`), and into a PGlite whose data directory is dumped to
// a file that each PGlite suite loads (see openTestDatabase in helpers.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { closeDatabase, wrapPglite, wrapPgPool } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";

const PG_BIN = "/usr/lib/postgresql/15/bin";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A migrated PostgreSQL database to copy with `CREATE DATABASE … TEMPLATE`; nobody connects to it. */
    postgresTemplate: string;
    /** A file holding a migrated PGlite data directory (`dumpDataDir`), for `loadDataDir`. */
    pgliteTemplate: string;
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

/** Migrates an in-memory PGlite and writes its data directory to `file`. */
async function dumpMigratedPglite(file: string): Promise<void> {
  const client = await PGlite.create();
  try {
    await migrateToLatest(wrapPglite(client));
    const dump = await client.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(args: string[]): string[] {
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...args] : args;
}

function run(args: string[]): void {
  const [cmd, ...rest] = asPostgres(args);
  const result = spawnSync(cmd, rest, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(PG_BIN, "initdb"))) {
    throw new Error(
      `PostgreSQL 15 is missing (${PG_BIN}/initdb). Run \`npm test\` (scripts/test.sh installs it) ` +
        "or `apt-get install -y postgresql-15`.",
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "dtplan-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  // The PGlite template is made while PostgreSQL starts (it is written by this process, not the postgres user).
  const pgliteDir = mkdtempSync(path.join(tmpdir(), "dtplan-pglite-template-"));
  const pgliteTemplate = path.join(pgliteDir, "migrated.tar");
  const pgliteReady = dumpMigratedPglite(pgliteTemplate);
  pgliteReady.catch(() => {}); // awaited below; this only keeps an early failure from being unhandled

  const port = await freePort();
  run([
    `${PG_BIN}/initdb`,
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const options = [
    `-p ${port}`,
    "-h 127.0.0.1",
    `-k ${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  run([`${PG_BIN}/pg_ctl`, "-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);

  const stop = () => {
    try {
      run([`${PG_BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(pgliteDir, { recursive: true, force: true });
    }
  };
  const postgresUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await Promise.all([migratePostgresTemplate(postgresUrl), pgliteReady]);
  } catch (error) {
    stop();
    throw error;
  }

  project.provide("postgresUrl", postgresUrl);
  project.provide("postgresTemplate", POSTGRES_TEMPLATE);
  project.provide("pgliteTemplate", pgliteTemplate);
  return async () => stop();
}
