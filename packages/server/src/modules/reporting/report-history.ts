import type { TReportHistory } from "@dtplan/contracts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type ReportEventRow, reportEvents } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { ReportScope } from "./get-report.ts";
import { timelinessOf } from "./period-status.ts";
import { person } from "./reporting.presenter.ts";
import { findReport, userNames } from "./reporting.repository.ts";

function summaryOf(e: ReportEventRow, scope: ReportScope): string {
  switch (e.action) {
    case "created":
      return "Lập báo cáo (bản nháp)";
    case "submitted": {
      const { timeliness, daysLate } = timelinessOf(
        scope.period,
        { firstSubmittedAt: e.at },
        vietnamDate(e.at),
      );
      const again = e.fromStatus === "returned" ? "Nộp lại báo cáo" : "Nộp báo cáo";
      return timeliness === "late" ? `${again} (sau hạn ${daysLate} ngày)` : `${again} (đúng hạn)`;
    }
    case "returned":
      return `Trả lại báo cáo: ${e.comment ?? ""}`.trim();
    case "approved":
      return "Duyệt báo cáo, khoá số liệu kỳ";
    case "reopened":
      return `Mở lại báo cáo đã duyệt: ${e.comment ?? ""}`.trim();
  }
}

/** Lịch sử báo cáo, oldest first. */
export async function reportHistory(db: Database, scope: ReportScope): Promise<TReportHistory> {
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
      summary: summaryOf(e, scope),
    })),
  };
}
