import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { DatabaseConfig } from "../config.ts";
import { acquireDataDirLock, type DataDirLock } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;

/**
 * The one database type the server uses: a drizzle instance over PGlite or over a
 * PostgreSQL pool. A transaction (`db.transaction(async (tx) => …)`) is also a
 * `Database`, so repository functions take either.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

interface Handle {
  kind: DatabaseKind;
  /** The driver underneath, for maintenance that drizzle cannot do (backups). */
  driver: { kind: "pglite"; client: PGlite } | { kind: "postgres"; pool: pg.Pool };
  /** PostgreSQL: the read-only pools made by readOnlyPool, by time limit. */
  readOnly: Map<number, pg.Pool>;
  close(): Promise<void>;
}
const handles = new WeakMap<object, Handle>();

/**
 * The embedded database's own memory (its WebAssembly heap, which never shrinks once grown):
 * PostgreSQL's default 128 MB of shared buffers became ~130 MB of resident memory for a
 * demo database of under 30 MB. 16 MB keeps the demo's working set; the pages beyond it
 * come from the operating system's file cache. A province-size installation runs on
 * PostgreSQL (DATABASE_URL), sized by its administrator.
 */
const PGLITE_OPTIONS = { postgresqlconf: ["shared_buffers=16MB"] };

/**
 * A new data directory is made by PGlite's initdb, which holds ~650 MB of WebAssembly heap
 * for a few seconds — memory a Node process keeps as resident long after it is freed (it
 * was 870 MB of the server's peak at the demo's first start). So a short-lived child
 * process makes the directory (under this process's lock), exits and gives all of it back;
 * the server then opens the directory like any existing one.
 */
async function initDataDirElsewhere(dataDir: string): Promise<void> {
  // The package is found from this module's folder (a bare import in the child resolves
  // from its working directory): import.meta.resolve is missing under test runners.
  const script =
    'const { PGlite } = await import("@electric-sql/pglite");' +
    "const db = await PGlite.create(process.argv[1]); await db.close();";
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, dataDir], {
    cwd: path.dirname(fileURLToPath(import.meta.url)),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`PGlite initdb of ${dataDir} failed (exit ${code}): ${stderr.slice(-500)}`);
}

/** Opens the configured database. PGlite data directories are locked to this process. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    const db = wrapPgPool(pool);
    await pool.query("select 1");
    return db;
  }
  let lock: DataDirLock | null = null;
  if (config.dataDir) {
    mkdirSync(path.dirname(config.dataDir), { recursive: true });
    lock = acquireDataDirLock(config.dataDir);
  }
  try {
    if (config.dataDir && !existsSync(path.join(config.dataDir, "PG_VERSION"))) {
      await initDataDirElsewhere(config.dataDir);
    }
    const client = config.dataDir
      ? await PGlite.create(config.dataDir, PGLITE_OPTIONS)
      : await PGlite.create(PGLITE_OPTIONS);
    return wrapPglite(client, async () => {
      await client.close();
      lock?.release();
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Wraps an open PGlite (e.g. a test's `clone()`) as a `Database`. */
export function wrapPglite(client: PGlite, close: () => Promise<void> = () => client.close()): Database {
  return register(
    drizzlePglite({ client, schema }) as unknown as Database,
    { kind: "pglite", client },
    close,
  );
}

/**
 * Operations run independent reads with `Promise.all`; inside a transaction those share
 * one client, which pg 8 queues itself but pg 9 refuses. Queue them here, in order, so
 * the same code stays correct on both (PGlite is one connection and queues anyway).
 */
function queueQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    // Callback and submittable (cursor, stream) forms keep pg's own handling.
    if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function")
      return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Wraps a PostgreSQL pool as a `Database`. */
export function wrapPgPool(pool: pg.Pool): Database {
  // An idle client's error (a restarted server, a dropped test database) must not
  // crash the process; the next query on that client reports it instead.
  pool.on("error", () => {});
  pool.on("connect", queueQueries);
  return register(
    drizzlePg({ client: pool, schema }) as unknown as Database,
    { kind: "postgres", pool },
    () => pool.end(),
  );
}

/**
 * A `Database` over one connection of a pool, for a transaction opened by hand (several
 * statements in one round trip); the caller keeps the connection until it is done with it.
 */
export function clientDatabase(client: pg.PoolClient): Database {
  return drizzlePg({ client, schema }) as unknown as Database;
}

function register(db: Database, driver: Handle["driver"], close: () => Promise<void>): Database {
  let closed: Promise<void> | null = null;
  const readOnly = new Map<number, pg.Pool>();
  handles.set(db, {
    kind: driver.kind,
    driver,
    readOnly,
    close: () => (closed ??= Promise.all([...readOnly.values()].map((p) => p.end())).then(() => close())),
  });
  return db;
}

/** Connections a read-only pool keeps at most: the public pages' share of the server's. */
const READ_ONLY_POOL_SIZE = 4;

/**
 * PostgreSQL: a second, smaller pool on the same database whose connections can only read
 * (default_transaction_read_only) and whose every statement stops after `timeoutMs`
 * (statement_timeout), both set when the connection opens. The public pages read through it:
 * the same guarantees as a read-only transaction with a time limit, without the BEGIN and
 * COMMIT round trips around each read. Its connections get what the main pool's get when
 * they open (its listeners: the query queue, and in tests the tenant guard). Null on PGlite.
 */
export function readOnlyPool(db: Database, timeoutMs: number): pg.Pool | null {
  const handle = handleOf(db);
  if (handle.driver.kind !== "postgres") return null;
  const limit = Math.max(1, Math.floor(timeoutMs));
  let pool = handle.readOnly.get(limit);
  if (!pool) {
    const main = handle.driver.pool as pg.Pool & { options: pg.PoolConfig };
    const { connectionString, options } = withoutUrlOptions(main.options);
    pool = new pg.Pool({
      ...main.options,
      connectionString,
      max: Math.min(main.options.max ?? 10, READ_ONLY_POOL_SIZE),
      // After the server's own startup options (a search_path in DATABASE_URL, say), kept.
      options: [options, `-c default_transaction_read_only=on -c statement_timeout=${limit}`]
        .filter(Boolean)
        .join(" "),
    });
    for (const listener of main.listeners("connect"))
      pool.on("connect", listener as (client: pg.PoolClient) => void);
    pool.on("error", () => {});
    handle.readOnly.set(limit, pool);
  }
  return pool;
}

/**
 * A pool's startup options with those of its connection string moved out of the string: pg
 * lets the string's `options` replace the configuration's, which would drop the read-only
 * pool's own. A string that is not a URL is left as it is.
 */
function withoutUrlOptions(config: pg.PoolConfig): { connectionString?: string; options?: string } {
  const { connectionString, options } = config;
  if (!connectionString) return { connectionString, options };
  try {
    const url = new URL(connectionString);
    const inUrl = url.searchParams.get("options");
    if (inUrl === null) return { connectionString, options };
    url.searchParams.delete("options");
    return { connectionString: url.toString(), options: [options, inUrl].filter(Boolean).join(" ") };
  } catch {
    return { connectionString, options };
  }
}

function handleOf(db: Database): Handle {
  const handle = handles.get(db);
  if (!handle) throw new Error("Not a database opened by openDatabase()");
  return handle;
}

/** Whether `db` is a database opened here, not a transaction on one. */
export function isDatabaseItself(db: Database): boolean {
  return handles.has(db);
}

export function databaseKind(db: Database): DatabaseKind {
  return handleOf(db).kind;
}

/** The PGlite instance or the PostgreSQL pool under a database (not a transaction). */
export function databaseDriver(db: Database): Handle["driver"] {
  return handleOf(db).driver;
}

/** Closes the database (and releases the PGlite lock). Safe to call twice. */
export async function closeDatabase(db: Database): Promise<void> {
  await handles.get(db)?.close();
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: Database, query: Parameters<Database["execute"]>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A text value (`text`, a scalar expression) as its UTF-8 bytes, or null: read as bytea, which
 * the drivers hand over as bytes (PostgreSQL sends it as hex, decoded in one pass), so a large
 * value — a whole CSV file — reaches the reply without being decoded into a JavaScript string
 * and encoded back (for 2 MB of Vietnamese text ~15 ms of Node time).
 */
export async function queryTextBytes(db: Database, text: SQL): Promise<Buffer | null> {
  const [row] = await queryRows<{ bytes: Uint8Array | null }>(
    db,
    sql`SELECT convert_to(${text}, 'UTF8') AS bytes`,
  );
  const bytes = row?.bytes ?? null;
  return (
    bytes && (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  );
}
