import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { type SQL, sql } from "drizzle-orm";

/** `(a, b, c)` for `IN` lists; callers guard against an empty list. */
export function sqlList(values: readonly string[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
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
