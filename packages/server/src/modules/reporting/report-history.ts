import type { TReportHistory } from "@dtplan/contracts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type ReportEventRow, reportEvents } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { ReportScope } from "./get-report.ts";
import { timelinessOf } from "./period-status.ts";
import { person } from "./reporting.presenter.ts";
import { findReport, userNames } from "./reporting.repository.ts";

/** One line of the history in the reader's language (the comment itself stays as written). */
function summaryOf(e: ReportEventRow, scope: ReportScope, lang: Lang): string {
  const en = lang === "en";
  const withComment = (text: string) => `${text}: ${e.comment ?? ""}`.trim().replace(/:$/, "");
  switch (e.action) {
    case "created":
      return en ? "Report drafted" : "Lập báo cáo (bản nháp)";
    case "submitted": {
      const { timeliness, daysLate } = timelinessOf(
        scope.period,
        { firstSubmittedAt: e.at },
        vietnamDate(e.at),
      );
      const again = e.fromStatus === "returned";
      if (en) {
        const what = again ? "Report submitted again" : "Report submitted";
        return timeliness === "late"
          ? `${what} (${daysLate} ${daysLate === 1 ? "day" : "days"} late)`
          : `${what} (on time)`;
      }
      const what = again ? "Nộp lại báo cáo" : "Nộp báo cáo";
      return timeliness === "late" ? `${what} (sau hạn ${daysLate} ngày)` : `${what} (đúng hạn)`;
    }
    case "returned":
      return withComment(en ? "Report returned" : "Trả lại báo cáo");
    case "approved":
      return en ? "Report approved, the period's figures locked" : "Duyệt báo cáo, khoá số liệu kỳ";
    case "reopened":
      return withComment(en ? "Approved report reopened" : "Mở lại báo cáo đã duyệt");
  }
}

/** Lịch sử báo cáo, oldest first. */
export async function reportHistory(
  db: Database,
  scope: ReportScope,
  lang: Lang = "vi",
): Promise<TReportHistory> {
  const report = await findReport(db, scope.period, scope.ru.unit.id);
  if (!report) throw notFound("Đơn vị chưa lập báo cáo kỳ này.");
  const rows = await db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.tenantId, report.tenantId), eq(reportEvents.reportId, report.id)))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
  const names = await userNames(
    db,
    rows.map((r) => r.actorId),
  );
  return {
    reportId: report.id,
    events: rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: person(e.actorId, names),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      summary: summaryOf(e, scope, lang),
    })),
  };
}
