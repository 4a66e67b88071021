import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import { formatDate, type Lang } from "@dtplan/domain/text/format.ts";
import type { OrgUnitRow, PlanHead, ReportingPeriodRow } from "../../db/schema.ts";

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

/** A reminder's text, in Vietnamese or English, for the e-mail and the in-app notification. */
export function reminderText(
  input: {
    kind: ReminderKind;
    plan: Pick<PlanHead, "title">;
    period: Pick<ReportingPeriodRow, "key" | "label" | "dueDate">;
    unit: Pick<OrgUnitRow, "name">;
    recipient: string;
    daysLeft: number;
    link: string;
  },
  lang: Lang = "vi",
): ReminderText {
  const { kind, plan, unit, daysLeft } = input;
  const due = vnDay(input.period.dueDate);
  const period = periodLabel(input.period, lang);
  if (lang === "en") {
    const title =
      kind === "overdue" ? `Report ${period} overdue — due ${due}` : `Report ${period} due — by ${due}`;
    const when =
      daysLeft > 0
        ? `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`
        : daysLeft === 0
          ? "due today"
          : `${-daysLeft} ${daysLeft === -1 ? "day" : "days"} overdue`;
    const summary = `${unit.name} has not submitted the report ${period} (${when}).`;
    const body = [
      `Dear ${input.recipient},`,
      "",
      `${unit.name} has not submitted the report ${period} of the plan "${plan.title}".`,
      `Due date: ${due} (${when}).`,
      `Fill in and submit the report at: ${input.link}`,
      "",
      "This e-mail was sent automatically by dtplan; please do not reply.",
    ].join("\n");
    return { title, subject: `[dtplan] ${title}`, summary, body };
  }
  const title =
    kind === "overdue"
      ? `Quá hạn nộp báo cáo ${period} — hạn ${due}`
      : `Nhắc nộp báo cáo ${period} — hạn ${due}`;
  const when =
    daysLeft > 0
      ? `còn ${daysLeft} ngày`
      : daysLeft === 0
        ? "hạn là hôm nay"
        : `đã quá hạn ${-daysLeft} ngày`;
  const summary = `${unit.name} chưa nộp báo cáo ${period} (${when}).`;
  const body = [
    `Kính gửi ${input.recipient},`,
    "",
    `Đơn vị ${unit.name} chưa nộp báo cáo ${period} của kế hoạch "${plan.title}".`,
    `Hạn nộp: ${due} (${when}).`,
    `Lập và nộp báo cáo tại: ${input.link}`,
    "",
    "Thư này được gửi tự động từ dtplan; vui lòng không trả lời.",
  ].join("\n");
  return { title, subject: `[dtplan] ${title}`, summary, body };
}
