import { vietnamDateTimeText } from "@dtplan/domain/time/vietnam.ts";
import type { Database } from "./db/database.ts";
import { conflict } from "./errors.ts";
import { userNames } from "./modules/reporting/reporting.repository.ts";

/**
 * 409 for a save made on a version someone else has replaced since — naming who saved
 * last and when, as the consolidated narrative and the unit report do.
 */
export async function staleVersion(
  db: Database,
  what: string,
  row: { updatedBy: string | null; updatedAt: Date | null },
): Promise<Error> {
  const names = await userNames(db, [row.updatedBy]);
  const who = row.updatedBy ? (names.get(row.updatedBy) ?? "người khác") : "người khác";
  const when = row.updatedAt ? ` lúc ${vietnamDateTimeText(row.updatedAt)}` : "";
  return conflict(`${what} đã được ${who} lưu${when}; hãy tải lại trước khi lưu.`);
}
