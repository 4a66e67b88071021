import { foldedTokens } from "@dtplan/domain/text/fold.ts";
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

/**
 * Whether the text `folded` (already folded, as a stored search column) holds every word of
 * `q`, folded here; null when `q` has no word. Stored text is folded by foldVietnamese (the
 * public list's summaries) or by its letter steps in generated columns (FOLD_TRANSLATION,
 * migration 0020), so it and the words agree.
 */
export function holdsFoldedWords(folded: SQL, q: string): SQL | null {
  const words = foldedTokens(q);
  if (words.length === 0) return null;
  return sql`${folded} LIKE ALL (ARRAY[${sql.join(
    words.map((w) => sql`${`%${w}%`}`),
    sql`, `,
  )}]::text[])`;
}

/**
 * An ORDER BY term putting first the rows whose folded text (stored search columns, see
 * `storedFolded`) holds the words of `q` together, in order.
 */
export function foldedPhraseFirst(folded: SQL, q: string): SQL {
  return sql`(${folded} LIKE ${`%${foldedTokens(q).join(" ")}%`}) DESC`;
}

/**
 * The stored folded columns of `columns` (generated `search_text` columns, migration 0020)
 * as one text, a missing one (an outer join's) as nothing: what `holdsFoldedWords` reads.
 */
export function storedFolded(columns: readonly SQL[]): SQL {
  return sql.join(
    columns.map((c) => sql`coalesce(${c}, '')`),
    sql` || ' ' || `,
  );
}
