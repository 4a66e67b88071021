import type { RemindersConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { forbidden } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { reportingPlan } from "../reporting/reporting.guards.ts";
import { findPeriod } from "../reporting/reporting.repository.ts";
import { type ReminderCounts, remindNow } from "./plan-reminders.ts";

/**
 * Nhắc ngay: a focal officer or leader reminds every unit that has not submitted for a
 * period. `onEmails` runs once the reminders are queued when some went to e-mail.
 */
export async function remindPeriod(
  db: Database,
  opts: { actor: Actor; code: string; key: string; config: RemindersConfig; onEmails?: () => void },
): Promise<ReminderCounts> {
  const ctx = await reportingPlan(db, opts.actor, opts.code);
  if (!ctx.canReview) throw forbidden("Chỉ chuyên viên đầu mối hoặc lãnh đạo được nhắc các đơn vị.");
  const period = await findPeriod(db, ctx.plan, opts.key);
  const counts = await remindNow(db, { plan: ctx.plan, period, config: opts.config });
  if (counts.emails > 0) opts.onEmails?.();
  return counts;
}
