import { FOLD_TRANSLATION, foldedTokens } from "@dtplan/domain/text/fold.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { type SQL, sql } from "drizzle-orm";

/** `(a, b, c)` for `IN` lists; callers guard against an empty list. */
export function sqlList(values: readonly string[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * The ids as one parameter, a set of uuids for `IN (…)`: a statement's text (and its named
 * statement) is then the same however many ids there are, and a hundred of them cost one
 * parameter instead of a hundred. Callers guard against an empty list.
 */
export function uuidSet(ids: readonly string[]): SQL {
  return sql`SELECT unnest(string_to_array(${ids.join(",")}, ',')::uuid[])`;
}

/** Today as an ISO date in Vietnam (UTC+7), the calendar the plans speak. */
export const todayIso = (now: Date = new Date()): string => vietnamDate(now);

/**
 * A condition of a statement that reads or writes tenant tables of every province on
 * purpose (a look-up by a globally unique id, the public list, the outbox claim). The
 * comment it carries marks the statement for the tenant guard of the tests and for
 * whoever reads DISTRIBUTED.md's list of multi-shard statements; every other statement
 * on a tenant table filters by tenant_id.
 */
export function acrossTenants(why: string, condition: SQL | undefined): SQL {
  if (why.includes("*/")) throw new Error("acrossTenants: the reason cannot close the comment");
  return condition
    ? sql`${sql.raw(`/* all tenants: ${why} */`)} (${condition})`
    : sql`${sql.raw(`/* all tenants: ${why} */`)} true`;
}

/** The text of `parts` folded by the statement with the domain's letter steps (FOLD_TRANSLATION). */
function foldedSql(parts: readonly SQL[]): SQL {
  const text = sql.join(
    parts.map((p) => sql`coalesce(${p}, '')`),
    sql` || ' ' || `,
  );
  return sql`translate(lower(normalize(${text}, NFD)), ${FOLD_TRANSLATION.from}::text, ${FOLD_TRANSLATION.to}::text)`;
}

/**
 * Whether every word of `q` appears in the text of `parts`, both folded (no diacritics, no
 * case; "hoá" = "hóa", "Uỷ" = "Ủy", đ = d). The stored text is folded by the statement
 * with the domain's own letter table, so SQL and foldVietnamese agree; the words are
 * folded here. A search of no word matches nothing.
 */
export function matchesFoldedWords(parts: readonly SQL[], q: string): SQL {
  return holdsFoldedWords(foldedSql(parts), q) ?? sql`false`;
}

/**
 * Whether the text `folded` (already folded, as a stored search column) holds every word of
 * `q`, folded here; null when `q` has no word.
 */
export function holdsFoldedWords(folded: SQL, q: string): SQL | null {
  const words = foldedTokens(q);
  if (words.length === 0) return null;
  return sql`${folded} LIKE ALL (ARRAY[${sql.join(
    words.map((w) => sql`${`%${w}%`}`),
    sql`, `,
  )}]::text[])`;
}

/** An ORDER BY term putting first the rows whose folded text holds the words of `q` together, in order. */
export function foldedPhraseFirst(parts: readonly SQL[], q: string): SQL {
  return sql`(${foldedSql(parts)} LIKE ${`%${foldedTokens(q).join(" ")}%`}) DESC`;
}
