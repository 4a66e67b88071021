/**
 * Public answers are read by anyone, often, and change only when a plan is published
 * or amended, a report approved or reopened, or a task's progress moves. Each answer is
 * kept per query for a fixed freshness, and dropped as soon as the public data version
 * (public_data_versions, bumped in those transactions) moves, so every dtplan process
 * serves the change on its next request. A public request also reads where it cannot write
 * and each statement has a time limit: it can never write, nor hold the database.
 */
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import {
  clientDatabase,
  type Database,
  isDatabaseItself,
  queryRows,
  readOnlyPool,
} from "../../db/database.ts";
import { jsonRows, rowsFromJson } from "../../db/json-rows.ts";
import { type OrgUnitRow, orgUnits } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";

interface Entry {
  version: string;
  expiresAt: number;
  value: unknown;
}

/** Most distinct public queries kept at once; the oldest go first. */
const MAX_ENTRIES = 2000;

/**
 * Runs `read` where it can only read and its statements stop after `timeoutMs`: on
 * PostgreSQL on a read-only pool whose connections carry both (readOnlyPool), elsewhere
 * (PGlite, a transaction already open) in a read-only transaction.
 */
export async function readPublic<T>(db: Database, timeoutMs: number, read: (tx: Database) => Promise<T>) {
  const pool = isDatabaseItself(db) ? readOnlyPool(db, timeoutMs) : null;
  if (pool) return readPublicOnPool(pool, read);
  const timeout = `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`;
  return db.transaction(
    async (tx) => {
      // PGlite runs statements on this process's one thread and has no timer to stop them;
      // PostgreSQL cancels the statement (57014), which the error handler answers with 503.
      await tx.execute(sql.raw(timeout));
      return read(tx as unknown as Database);
    },
    { accessMode: "read only" },
  );
}

/**
 * The provinces' root units, as the one statement that opens a public read gives them: no
 * parameters, so it can travel in the simple query that opens the transaction.
 */
const ROOTS = new PgDialect().sqlToQuery(
  sql`SELECT ${jsonRows(
    orgUnits,
    acrossTenants(
      "every province's root unit, for the public pages",
      sql`${orgUnits.id} = ${orgUnits.tenantId}`,
    ),
    sql`${orgUnits.code}`,
  )} AS roots`,
).sql;

const onClient = new WeakMap<pg.PoolClient, Database>();
const rootsRead = new WeakMap<Database, OrgUnitRow[]>();

/**
 * On PostgreSQL's read-only pool: the provinces' root units (what every public page looks its
 * province up in), then the read, on one connection — two round trips. No transaction: each
 * statement reads committed data as of its start, as it would in a read-committed one.
 */
async function readPublicOnPool<T>(pool: pg.Pool, read: (tx: Database) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ roots: unknown }>(ROOTS);
    let tx = onClient.get(client);
    if (!tx) {
      tx = clientDatabase(client);
      onClient.set(client, tx);
    }
    rootsRead.set(tx, rowsFromJson(orgUnits, rows[0].roots));
    return await read(tx);
  } finally {
    client.release();
  }
}

/** The provinces' root units read when this public read's transaction opened (a copy), if it was. */
export function rootsReadWith(tx: Database): OrgUnitRow[] | null {
  const roots = rootsRead.get(tx);
  return roots ? [...roots] : null;
}

export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly freshnessMs: number) {}

  /** The version of everything public: it moves whenever any province's public data changes. */
  private async currentVersion(db: Database): Promise<string> {
    const [row] = await queryRows<{ v: string | number | null; n: string | number }>(
      db,
      sql`SELECT sum(version) AS v, count(*) AS n FROM public_data_versions
           WHERE ${acrossTenants("the public cache's version spans every province", undefined)}`,
    );
    return `${row?.v ?? 0}:${row?.n ?? 0}`;
  }

  /** The answer for `key`, from the cache when it is fresh and nothing changed since. */
  async get<T>(db: Database, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    if (this.freshnessMs <= 0) return compute();
    const version = await this.currentVersion(db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expiresAt > now) return hit.value as T;
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { version, expiresAt: now + this.freshnessMs, value });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
