import type { TReopenReport } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import type { UnitReportRow } from "../../db/schema.ts";
import { conflict, notFound } from "../../errors.ts";
import type { ReportScope } from "./get-report.ts";
import { findReport } from "./reporting.repository.ts";
import { assertReviewer } from "./review-report.ts";
import { transition } from "./workflow.ts";

/**
 * Mở lại báo cáo đã duyệt: unlocks the unit's data and hands the report back to the
 * unit (status `returned`, the reason as the comment). Audited as `report.reopened`.
 */
export async function reopenReport(
  db: Database,
  { scope, input, now = new Date() }: { scope: ReportScope; input: TReopenReport; now?: Date },
): Promise<UnitReportRow> {
  assertReviewer(scope, "Chỉ chuyên viên đầu mối hoặc lãnh đạo được mở lại báo cáo đã duyệt.");
  return db.transaction(async (tx) => {
    const report = await findReport(tx, scope.period, scope.ru.unit.id, true);
    if (!report) throw notFound("Đơn vị chưa lập báo cáo kỳ này.");
    if (report.status !== "approved") throw conflict("Chỉ mở lại được báo cáo đã duyệt.");
    return transition(tx, scope, report, {
      action: "reopened",
      to: "returned",
      comment: input.reason,
      now,
      set: { locked: false, returnComment: input.reason },
    });
  });
}
