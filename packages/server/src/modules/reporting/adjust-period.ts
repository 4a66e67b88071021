import type { TAdjustPeriod } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { reportingPeriods } from "../../db/schema.ts";
import { AppError, forbidden } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";
import type { ReportingPlan } from "./reporting.guards.ts";
import { findPeriod } from "./reporting.repository.ts";

export function assertManage(ctx: ReportingPlan): void {
  if (!ctx.canReview) throw forbidden("Chỉ chuyên viên đầu mối hoặc lãnh đạo được điều chỉnh kỳ báo cáo.");
}

/** Điều chỉnh kỳ báo cáo — the focal officer moves a period's dates or renames it; audited. */
export async function adjustPeriod(
  db: Database,
  { ctx, key, input }: { ctx: ReportingPlan; key: string; input: TAdjustPeriod },
) {
  assertManage(ctx);
  const period = await findPeriod(db, ctx.plan, key);
  const next = {
    label: input.label ?? period.label,
    startDate: input.start ?? period.startDate,
    endDate: input.end ?? period.endDate,
    dueDate: input.dueDate ?? period.dueDate,
  };
  const details = [];
  if (next.startDate > next.endDate)
    details.push({ path: "body.end", message: "Ngày kết thúc phải sau ngày bắt đầu" });
  if (next.dueDate < next.startDate)
    details.push({ path: "body.dueDate", message: "Hạn báo cáo phải sau ngày bắt đầu kỳ" });
  if (details.length) {
    throw new AppError(
      "validation_failed",
      `Kỳ báo cáo không hợp lệ — ${details.map((d) => d.message).join("; ")}`,
      details,
    );
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(reportingPeriods)
      .set({ ...next, adjustedBy: ctx.actor.id, adjustedAt: new Date(), adjustReason: input.reason || null })
      .where(and(eq(reportingPeriods.tenantId, period.tenantId), eq(reportingPeriods.id, period.id)))
      .returning();
    // A new due date moves timeliness, a new end date who reports (a unit merged before it).
    await refreshReportingStatus(tx, {
      tenantId: period.tenantId,
      planCodes: [period.planCode],
      periodIds: [period.id],
    });
    await recordAudit(tx, {
      tenantId: period.tenantId,
      actorId: ctx.actor.id,
      action: "reporting.period.adjust",
      entity: "reporting_period",
      entityId: period.id,
      unitId: ctx.plan.unitId,
      before: {
        key,
        label: period.label,
        start: period.startDate,
        end: period.endDate,
        dueDate: period.dueDate,
      },
      after: {
        key,
        label: row.label,
        start: row.startDate,
        end: row.endDate,
        dueDate: row.dueDate,
        reason: input.reason ?? null,
      },
    });
    return row;
  });
}
