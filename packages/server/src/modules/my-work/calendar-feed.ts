import { buildCalendar, type CalendarEvent } from "@dtplan/domain/reminders/ics.ts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import { todayIso } from "../../db/sql.ts";
import { actorOfUser } from "../auth/session.repository.ts";
import { calendarOwner } from "../notify/settings.ts";
import { listPeriods, loadBasis } from "../reporting/reporting.repository.ts";
import { owedReports, publishedPlansOf, reportLink, staffUnitsOf } from "./my-todo.ts";
import { myWork } from "./my-work.ts";

/**
 * Lịch hạn của tôi — the private feed behind a calendar token: the report deadlines of the
 * person's units (each period, each unit) and the deadlines of the tasks of "Nhiệm vụ của
 * tôi" not yet done. UIDs come from the period and unit or the task's
 * lasting key, so a subscriber's calendar updates events instead of copying them.
 */
export async function calendarFeed(
  db: Database,
  { token, publicUrl, now = new Date() }: { token: string; publicUrl: string; now?: Date },
): Promise<string> {
  const user = await calendarOwner(db, token);
  const actor = await actorOfUser(db, user, "calendar");
  const today = todayIso(now);
  const events: CalendarEvent[] = [];
  const staffUnits = await staffUnitsOf(db, actor);
  if (staffUnits.size) {
    const { published, trees } = await publishedPlansOf(db, actor);
    for (const plan of published) {
      const periods = await listPeriods(db, plan);
      if (periods.length === 0) continue;
      const basis = await loadBasis(db, plan, trees.get(plan.tenantId));
      for (const { period, unitId } of owedReports(basis, periods, staffUnits)) {
        const unit = basis.units.get(unitId)?.name ?? "";
        events.push({
          uid: `report-${period.id}-${unitId}@dtplan`,
          date: period.dueDate,
          summary: `Hạn nộp báo cáo ${period.label} — ${unit}`,
          description: `${plan.title}\nKỳ báo cáo: ${period.label}, hạn nộp ${formatDate(period.dueDate)}.`,
          url: `${publicUrl}${reportLink(plan.code, period.key, unitId)}`,
        });
      }
    }
  }
  const work = await myWork(db, actor, today);
  for (const t of [...work.overdue, ...work.dueSoon, ...work.inProgress]) {
    if (!t.deadline?.date || t.recurring) continue;
    events.push({
      uid: `task-${t.key}@dtplan`,
      date: t.deadline.date,
      summary: `Hạn nhiệm vụ: ${t.text}`,
      description: `${t.plan.title}${t.lead ? `\nChủ trì: ${t.lead.name}` : ""}`,
      url: `${publicUrl}/my-tasks?task=${t.id}`,
    });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
  return buildCalendar({ name: `Lịch hạn dtplan — ${user.fullName}`, events, now });
}
