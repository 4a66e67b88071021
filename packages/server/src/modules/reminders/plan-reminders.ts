import { REPORTER_ROLES } from "@dtplan/domain/access/roles.ts";
import { daysBetween } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, inArray } from "drizzle-orm";
import type { RemindersConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { type PlanHead, plans, type ReportingPeriodRow, roleGrants, users } from "../../db/schema.ts";
import { acrossTenants, todayIso } from "../../db/sql.ts";
import { type Delivery, deliver, RECIPIENT_COLUMNS } from "../notify/notify.ts";
import { reportsOfPeriods, unitStatusRows } from "../reporting/period-status.ts";
import { listPeriods, loadBasis, type ReportingBasis } from "../reporting/reporting.repository.ts";
import { type ReminderKind, reminderText, reportPath } from "./reminder-text.ts";

/** Overdue reminders stop this long after the due date: a period forgotten for a quarter needs a person, not mail. */
export const OVERDUE_STOP_DAYS = 90;

export interface ReminderCounts {
  units: number;
  notifications: number;
  emails: number;
}

/**
 * Which reminder a period calls for today, with the bucket that makes its key: once
 * before the due date, then once per `overdueEveryDays` window after it.
 */
export function reminderDue(
  period: Pick<ReportingPeriodRow, "dueDate">,
  today: string,
  config: Pick<RemindersConfig, "daysBefore" | "overdueEveryDays">,
): { kind: ReminderKind; bucket: string } | null {
  const daysLeft = daysBetween(today, period.dueDate);
  if (daysLeft > config.daysBefore) return null;
  if (daysLeft >= 0) return { kind: "before_due", bucket: period.dueDate };
  const late = -daysLeft;
  if (late > OVERDUE_STOP_DAYS) return null;
  return { kind: "overdue", bucket: `w${Math.floor((late - 1) / config.overdueEveryDays)}` };
}

/**
 * Scans every published plan's periods and writes the reminders due today: an in-app
 * notification and an outbox e-mail per reporter of each unit that has not submitted.
 * Every row carries an idempotency key (`reminder:{period}:{unit}:{user}:{kind}:{bucket}`)
 * and is inserted with ON CONFLICT DO NOTHING, so running it again — another tick,
 * another process, a restart — adds nothing.
 */
export async function planReminders(
  db: Database,
  config: RemindersConfig,
  now = new Date(),
): Promise<ReminderCounts> {
  const today = todayIso(now);
  const total: ReminderCounts = { units: 0, notifications: 0, emails: 0 };
  const published = await db
    .select()
    .from(plans)
    .where(
      acrossTenants(
        "the reminder pass walks every province's published plans",
        eq(plans.status, "published"),
      ),
    );
  for (const plan of published) {
    const periods = await listPeriods(db, plan);
    const due = periods.flatMap((period) => {
      const when = reminderDue(period, today, config);
      return when ? [{ period, ...when }] : [];
    });
    if (due.length === 0) continue;
    const basis = await loadBasis(db, plan);
    for (const { period, kind, bucket } of due) {
      add(total, await remindPeriod(db, { plan, basis, period, kind, bucket, now, config }));
    }
  }
  return total;
}

/** "Nhắc ngay": the focal officer reminds every unit of the period that has not submitted, once a day. */
export async function remindNow(
  db: Database,
  {
    plan,
    period,
    config,
    now = new Date(),
  }: { plan: PlanHead; period: ReportingPeriodRow; config: RemindersConfig; now?: Date },
): Promise<ReminderCounts> {
  const today = todayIso(now);
  const basis = await loadBasis(db, plan);
  return remindPeriod(db, { plan, basis, period, kind: "manual", bucket: today, now, config });
}

function add(total: ReminderCounts, counts: ReminderCounts) {
  total.units += counts.units;
  total.notifications += counts.notifications;
  total.emails += counts.emails;
}

async function remindPeriod(
  db: Database,
  input: {
    plan: PlanHead;
    basis: ReportingBasis;
    period: ReportingPeriodRow;
    kind: ReminderKind;
    bucket: string;
    now: Date;
    config: RemindersConfig;
  },
): Promise<ReminderCounts> {
  const { plan, basis, period, kind, bucket, now, config } = input;
  const today = todayIso(now);
  const reports = await reportsOfPeriods(db, [period]);
  // Not yet submitted: never opened, a draft, or returned for correction.
  const missing = unitStatusRows(basis, period, reports, today).filter(
    (r) => r.status === null || r.status === "draft" || r.status === "returned",
  );
  const counts: ReminderCounts = { units: 0, notifications: 0, emails: 0 };
  if (missing.length === 0) return counts;
  const reporters = await db
    .selectDistinct({ unitId: roleGrants.unitId, ...RECIPIENT_COLUMNS })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.tenantId, period.tenantId),
        inArray(
          roleGrants.unitId,
          missing.map((m) => m.unit.id),
        ),
        inArray(roleGrants.role, REPORTER_ROLES),
        eq(users.active, true),
      ),
    );
  const daysLeft = daysBetween(today, period.dueDate);
  const deliveries: Delivery[] = [];
  for (const row of missing) {
    const unit = basis.units.get(row.unit.id);
    if (!unit) continue;
    const people = reporters.filter((r) => r.unitId === unit.id);
    if (people.length) counts.units++;
    const path = reportPath(plan.code, period.key, unit.id);
    for (const person of people) {
      const facts = {
        kind,
        plan,
        period,
        unit,
        recipient: person.fullName,
        daysLeft,
        link: `${config.publicUrl}${path}`,
      };
      const vi = reminderText(facts, "vi");
      const en = reminderText(facts, "en");
      deliveries.push({
        recipient: person,
        kind: `reminder.${kind}`,
        key: `reminder:${period.id}:${unit.id}:${person.id}:${kind}:${bucket}`,
        title: { vi: vi.title, en: en.title },
        summary: { vi: vi.summary, en: en.summary },
        link: path,
        email: { vi: { subject: vi.subject, body: vi.body }, en: { subject: en.subject, body: en.body } },
      });
    }
  }
  // The caller's clock stamps the e-mails, so a pass that plans and then delivers sees its own rows as due.
  const written = await db.transaction((tx) => deliver(tx, period.tenantId, deliveries, now));
  counts.notifications = written.notifications;
  counts.emails = written.emails;
  return counts;
}
