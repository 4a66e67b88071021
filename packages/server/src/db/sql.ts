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
