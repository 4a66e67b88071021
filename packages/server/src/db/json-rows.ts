import { createHash } from "node:crypto";
import { Column, getTableColumns, getTableName, type InferSelectModel, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./database.ts";

/**
 * Several reads of a request in one statement: each part is a scalar subquery giving a JSON
 * value (the rows of one table with `jsonRows`, or any `json_agg` of the caller's), and the
 * request pays one round trip instead of one per table. The rows come back as drizzle gives
 * them (`rowsFromJson`), so the code that judges them is the same whichever way they came.
 */
export async function readTogether<K extends string>(
  db: Database,
  parts: Record<K, SQL>,
  /** A WITH clause the parts refer to (rows they share, a recursive walk of the tree). */
  withClause?: SQL,
): Promise<Record<K, unknown>> {
  return runNamed<K>(db, named(internalsOf(db).dialect.sqlToQuery(selectOf(parts, withClause))));
}

/**
 * `readTogether` for a statement whose text never changes, only its values: `build` gives its
 * parts with each value as `sql.placeholder(name)`; it is built and compiled once (building
 * the long text — every column of every table read — cost more than the rest of a small
 * request), then each call sends the named statement with `values`.
 */
export function preparedRead<K extends string>(
  build: () => { parts: Record<K, SQL>; with?: SQL },
): (db: Database, values: Record<string, unknown>) => Promise<Record<K, unknown>> {
  const compiled = new WeakMap<object, NamedQuery>();
  return (db, values) => {
    const { dialect } = internalsOf(db);
    let query = compiled.get(dialect);
    if (!query) {
      const { parts, with: withClause } = build();
      query = named(dialect.sqlToQuery(selectOf(parts, withClause)));
      compiled.set(dialect, query);
    }
    return runNamed<K>(db, query, values);
  };
}

/** Statements of `readTogetherBuiltOnce` kept per key, at most this many (the oldest go first). */
const BUILT_ONCE_MAX = 512;
const builtOnce = new WeakMap<object, Map<string, NamedQuery>>();

/**
 * `readTogether` for a statement that its values decide entirely, built once per `key` — which
 * must name every value `build` puts in it (the province, the plan's code, the period asked
 * for, today …) — and reused as it is, text and values, for the next request with the same
 * key: building and compiling a long statement (every column of every table read) cost more
 * than half a millisecond of a request. The data is read afresh each time; only the SQL is kept.
 */
export async function readTogetherBuiltOnce<K extends string>(
  db: Database,
  key: string,
  build: () => { parts: Record<K, SQL>; with?: SQL },
): Promise<Record<K, unknown>> {
  const { dialect } = internalsOf(db);
  let kept = builtOnce.get(dialect);
  if (!kept) {
    kept = new Map();
    builtOnce.set(dialect, kept);
  }
  let query = kept.get(key);
  if (query) kept.delete(key);
  else {
    const { parts, with: withClause } = build();
    query = named(dialect.sqlToQuery(selectOf(parts, withClause)));
    if (kept.size >= BUILT_ONCE_MAX) kept.delete(kept.keys().next().value as string);
  }
  kept.set(key, query);
  return runNamed<K>(db, query);
}

function selectOf(parts: Record<string, SQL>, withClause: SQL | undefined): SQL {
  return sql`${withClause ?? sql``} SELECT ${sql.join(
    Object.keys(parts).map((k) => sql`${parts[k]} AS ${sql.identifier(k)}`),
    sql`, `,
  )}`;
}

interface NamedQuery {
  sql: string;
  params: unknown[];
  name: string;
}

interface Internals {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      q: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ): { execute(values?: Record<string, unknown>): Promise<{ rows: Record<string, unknown>[] }> };
  };
}

const internalsOf = (db: Database) => db as unknown as Internals;

// A named statement, named after its text: PostgreSQL parses and plans it once per
// connection instead of on every request (the text is long: every column of every table
// read). Equal names mean equal texts, so a connection never meets two under one name.
const named = (compiled: { sql: string; params: unknown[] }): NamedQuery => ({
  ...compiled,
  name: `dtplan_read_${createHash("sha1").update(compiled.sql).digest("base64url")}`,
});

async function runNamed<K extends string>(
  db: Database,
  query: NamedQuery,
  values?: Record<string, unknown>,
): Promise<Record<K, unknown>> {
  const { rows } = await internalsOf(db)
    .session.prepareQuery(query, undefined, query.name, false)
    .execute(values);
  return rows[0] as Record<K, unknown>;
}

/**
 * The rows of `table` that `where` keeps, in `orderBy`'s order, as one JSON array of arrays
 * (its columns in the table's order): a part of `readTogether`. `where` must filter by
 * tenant_id (Citus), as every statement on a tenant table does.
 */
export function jsonRows(
  table: PgTable,
  where: SQL | undefined,
  orderBy?: SQL,
  /** Fields left out (a plan's whole document, say), as `rowsFromJson` is told too. */
  omit: readonly string[] = [],
): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_array(${columnList(table, omit)})${orderBy ? sql` ORDER BY ${orderBy}` : sql``}), '[]') FROM ${table} WHERE ${where})`;
}

/** The table's columns but `omit`, as [field, column] pairs in the table's order. */
function columnsOf(table: PgTable, omit: readonly string[]) {
  return Object.entries(getTableColumns(table)).filter(([field]) => !omit.includes(field));
}

/** What `make` works out from a table's columns but `omit`, once per table and `omit` (kept in `kept`). */
function oncePerColumns<V>(
  kept: WeakMap<PgTable, Map<string, V>>,
  table: PgTable,
  omit: readonly string[],
  make: (columns: ReturnType<typeof columnsOf>) => V,
): V {
  let byOmit = kept.get(table);
  if (!byOmit) {
    byOmit = new Map();
    kept.set(table, byOmit);
  }
  const key = omit.join(",");
  let value = byOmit.get(key);
  if (value === undefined) {
    value = make(columnsOf(table, omit));
    byOmit.set(key, value);
  }
  return value;
}

const columnLists = new WeakMap<PgTable, Map<string, SQL>>();

/** The table's columns, qualified, as one piece of SQL text: built once, not on every request. */
function columnList(table: PgTable, omit: readonly string[]): SQL {
  const name = getTableName(table).replace(/"/g, '""');
  return oncePerColumns(columnLists, table, omit, (columns) =>
    sql.raw(columns.map(([, c]) => `"${name}"."${c.name.replace(/"/g, '""')}"`).join(", ")),
  );
}

/**
 * `jsonRows`' answer as the rows drizzle's `select().from(table)` gives: each value through
 * its column's own mapping (timestamps to Date …). JSON carries numbers and jsonb values as
 * PostgreSQL writes them, so the rows are equal to those read directly.
 */
export function rowsFromJson<T extends PgTable, O extends keyof InferSelectModel<T> & string = never>(
  table: T,
  value: unknown,
  omit: readonly O[] = [],
): Omit<InferSelectModel<T>, O>[] {
  const { fields, maps } = rowMapperOf(table, omit);
  const n = fields.length;
  const rows = value as unknown[][];
  const out: Omit<InferSelectModel<T>, O>[] = new Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const v = r[i];
      const map = maps[i];
      row[fields[i]] = v === null || v === undefined ? null : map ? map(v) : v;
    }
    out[j] = row as Omit<InferSelectModel<T>, O>;
  }
  return out;
}

interface RowMapper {
  fields: string[];
  /** Each column's mapping, null where it gives the driver's value as it is (text, uuid, boolean …). */
  maps: (((v: unknown) => unknown) | null)[];
}

const rowMappers = new WeakMap<PgTable, Map<string, RowMapper>>();

/** The table's fields but `omit` and their mappings, worked out once (rows are mapped on every read). */
const rowMapperOf = (table: PgTable, omit: readonly string[]): RowMapper =>
  oncePerColumns(rowMappers, table, omit, (columns) => ({
    fields: columns.map(([field]) => field),
    maps: columns.map(([, c]) =>
      c.mapFromDriverValue === Column.prototype.mapFromDriverValue ? null : (v) => c.mapFromDriverValue(v),
    ),
  }));

/**
 * `jsonRows` of rows with `table`'s columns that come from elsewhere than the table itself
 * (`from`: a CTE of the statement, an UPDATE … RETURNING): its columns by name, unqualified.
 */
export function jsonRowsOf(table: PgTable, from: SQL): SQL {
  const columns = Object.values(getTableColumns(table));
  return sql`(SELECT coalesce(json_agg(json_build_array(${sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  )})), '[]') FROM ${from})`;
}
