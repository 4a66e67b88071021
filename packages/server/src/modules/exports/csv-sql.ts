import { type SQL, sql } from "drizzle-orm";

/**
 * CSV cells written by PostgreSQL exactly as `toCsv` (tabular.ts) writes the same values, for
 * an export whose rows PostgreSQL lays out itself: a large export is then one text value
 * instead of thousands of rows parsed, mapped and joined in Node (exports.test.ts holds the
 * two ways to the same bytes).
 */

/** A text cell: quoted when it holds a quote, a comma or a line break (RFC 4180); NULL is empty. */
export function csvText(value: SQL): SQL {
  return sql`CASE WHEN ${value} ~ '[",\r\n]' THEN '"' || replace(${value}, '"', '""') || '"' ELSE coalesce(${value}, '') END`;
}

/**
 * A number as JavaScript's `String(Number(x))` writes it: the shortest digits that read back
 * as the same double (float8's text when extra_float_digits > 0, PostgreSQL's default — see
 * `SHORTEST_FLOAT_DIGITS`), plain from 1e-6 up to 1e21 and with an exponent outside, as JavaScript does
 * (PostgreSQL switches at 1e-4 and 1e15 and pads the exponent to two digits). NULL is empty.
 */
export function csvNumber(value: SQL): SQL {
  const f = sql`(${value})::float8`;
  return sql`CASE WHEN ${value} IS NULL THEN ''
    WHEN strpos(${f}::text, 'e') = 0 THEN ${f}::text
    WHEN abs(${f}) >= 1e-6::float8 AND abs(${f}) < 1e21::float8 THEN (${f}::text)::numeric::text
    ELSE regexp_replace(${f}::text, 'e([+-])0*', 'e\\1') END`;
}

/** A date as yyyy-mm-dd whatever the session's DateStyle (`toCsv` writes a Date so). */
export const csvDate = (value: SQL): SQL => sql`coalesce(to_char(${value}, 'YYYY-MM-DD'), '')`;

/** The day in Vietnam (UTC+7, as vietnamDate) of a timestamp, as a date cell. */
export const csvVietnamDay = (value: SQL): SQL =>
  csvDate(sql`(${value} AT TIME ZONE 'UTC') + interval '7 hours'`);

/**
 * A closed list's labels (or any text → value map) as a table `(key, value)` to join, sent as
 * one JSON parameter and read once per statement (a lookup in the JSON itself would parse it
 * again on every row of a generic plan).
 */
export const jsonTable = (map: ReadonlyMap<string, string | number> | Record<string, string>): SQL =>
  sql`(SELECT key, value FROM json_each_text(${JSON.stringify(
    map instanceof Map ? Object.fromEntries(map) : map,
  )}::json))`;

/**
 * The extra_float_digits under which float8's text is its shortest round-trip form (any value
 * above 0; 1 is PostgreSQL's default): csvNumber relies on it, so a statement using it sets it.
 */
export const SHORTEST_FLOAT_DIGITS = 1;
