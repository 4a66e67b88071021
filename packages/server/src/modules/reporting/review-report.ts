import type { TReportAction, TReturnReport } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import type { UnitReportRow } from "../../db/schema.ts";
import { conflict, forbidden, notFound } from "../../errors.ts";
import type { ReportScope } from "./get-report.ts";
import { findReport } from "./reporting.repository.ts";
import { assertVersion } from "./save-draft.ts";
import { transition } from "./workflow.ts";

export function assertReviewer(scope: Pick<ReportScope, "ctx">, message: string): void {
  if (!scope.ctx.canReview) throw forbidden(message);
}

/** Trả lại (with the officer's comment) or duyệt (locks the unit's data for the period). */
export async function reviewReport(
  db: Database,
  {
    scope,
    decision,
    input,
    now = new Date(),
  }: { scope: ReportScope; decision: "return" | "approve"; input: TReportAction | TReturnReport; now?: Date },
): Promise<UnitReportRow> {
  assertReviewer(scope, "Chỉ chuyên viên đầu mối hoặc lãnh đạo được duyệt hoặc trả lại báo cáo.");
  return db.transaction(async (tx) => {
    const report = await findReport(tx, scope.period, scope.ru.unit.id, true);
    if (!report) throw notFound("Đơn vị chưa lập báo cáo kỳ này.");
    if (report.status !== "submitted") {
      throw conflict(
        report.status === "approved"
          ? "Báo cáo đã được duyệt."
          : "Chỉ duyệt hoặc trả lại được báo cáo đã nộp.",
      );
    }
    await assertVersion(tx, report, input.version);
    const reviewed = { reviewedAt: now, reviewedBy: scope.ctx.actor.id };
    if (decision === "return") {
      const comment = (input as TReturnReport).comment;
      return transition(tx, scope, report, {
        action: "returned",
        to: "returned",
        comment,
        now,
        set: { ...reviewed, returnComment: comment, locked: false },
      });
    }
    return transition(tx, scope, report, {
      action: "approved",
      to: "approved",
      now,
      set: { ...reviewed, locked: true },
    });
  });
}
