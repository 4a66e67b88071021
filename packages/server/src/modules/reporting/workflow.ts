import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type ReportEventAction,
  type ReportStatus,
  reportEvents,
  type UnitReportRow,
  unitReports,
} from "../../db/schema.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { publicDataChanged } from "../plans/plan-summaries.ts";
import type { ReportScope } from "./get-report.ts";

/**
 * One transition of a report: the row (version bumped), a line in its history and
 * one in the audit log, in the caller's transaction.
 */
export async function transition(
  tx: Database,
  scope: ReportScope,
  report: UnitReportRow,
  change: {
    action: Exclude<ReportEventAction, "created">;
    to: ReportStatus;
    comment?: string | null;
    set?: Partial<typeof unitReports.$inferInsert>;
    now: Date;
    extra?: Record<string, unknown>;
  },
): Promise<UnitReportRow> {
  const actorId = scope.ctx.actor.id;
  const [updated] = await tx
    .update(unitReports)
    .set({
      ...change.set,
      status: change.to,
      version: report.version + 1,
      updatedAt: change.now,
      updatedBy: actorId,
    })
    .where(and(eq(unitReports.tenantId, report.tenantId), eq(unitReports.id, report.id)))
    .returning();
  // Approved figures are what the public page shows: approving or reopening changes it.
  if (change.to === "approved" || report.status === "approved") await publicDataChanged(tx, report.tenantId);
  await tx.insert(reportEvents).values({
    tenantId: report.tenantId,
    reportId: report.id,
    periodId: report.periodId,
    unitId: report.unitId,
    action: change.action,
    fromStatus: report.status,
    toStatus: change.to,
    actorId,
    comment: change.comment ?? null,
    at: change.now,
  });
  await recordAudit(tx, {
    tenantId: report.tenantId,
    actorId,
    action: `report.${change.action}`,
    entity: "unit_report",
    entityId: report.id,
    unitId: report.unitId,
    before: { status: report.status, version: report.version },
    after: {
      status: change.to,
      version: updated.version,
      planCode: scope.period.planCode,
      period: scope.period.key,
      comment: change.comment ?? null,
      ...change.extra,
    },
  });
  return updated;
}
