import { formatDate } from "@dtplan/domain/text/format.ts";
import type { OrgUnitRow, PlanRow, ReportingPeriodRow } from "../../db/schema.ts";

/** before_due: N days before the due date; overdue: every N days after it; manual: the focal officer's "nhắc ngay". */
export type ReminderKind = "before_due" | "overdue" | "manual";

/** dd/mm/yyyy of an ISO date. */
export const vnDay = (iso: string) => formatDate(iso);

/** Where the unit opens its report in the web app. */
export const reportPath = (planCode: string, periodKey: string, unitId: string) =>
  `/periods/${encodeURIComponent(planCode)}/${encodeURIComponent(periodKey)}/units/${unitId}`;

export interface ReminderText {
  title: string;
  subject: string;
  summary: string;
  body: string;
}

/** The Vietnamese text of a reminder, for the e-mail and the in-app notification. */
export function reminderText(input: {
  kind: ReminderKind;
  plan: Pick<PlanRow, "title">;
  period: Pick<ReportingPeriodRow, "label" | "dueDate">;
  unit: Pick<OrgUnitRow, "name">;
  recipient: string;
  daysLeft: number;
  link: string;
}): ReminderText {
  const { kind, plan, period, unit, daysLeft } = input;
  const due = vnDay(period.dueDate);
  const title =
    kind === "overdue"
      ? `Quá hạn nộp báo cáo ${period.label} — hạn ${due}`
      : `Nhắc nộp báo cáo ${period.label} — hạn ${due}`;
  const when =
    daysLeft > 0
      ? `còn ${daysLeft} ngày`
      : daysLeft === 0
        ? "hạn là hôm nay"
        : `đã quá hạn ${-daysLeft} ngày`;
  const summary = `${unit.name} chưa nộp báo cáo ${period.label} (${when}).`;
  const body = [
    `Kính gửi ${input.recipient},`,
    "",
    `Đơn vị ${unit.name} chưa nộp báo cáo ${period.label} của kế hoạch "${plan.title}".`,
    `Hạn nộp: ${due} (${when}).`,
    `Lập và nộp báo cáo tại: ${input.link}`,
    "",
    "Thư này được gửi tự động từ dtplan; vui lòng không trả lời.",
  ].join("\n");
  return { title, subject: `[dtplan] ${title}`, summary, body };
}
