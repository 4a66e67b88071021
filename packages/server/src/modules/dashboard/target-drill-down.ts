import type { TDashboardTargetDetail, TEvidenceFile } from "@dtplan/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { unitReports, unitReportValues } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { type ReportingPlan, readsUnitReport } from "../reporting/reporting.guards.ts";
import { findPeriod, loadUnits } from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { presentedEvidenceFiles } from "../tasks/task-history.ts";
import { presentDashboardTarget } from "./plan-figures.ts";

/**
 * Drill-down of one target: its figure in each unit of the tree (planAttainment's tree)
 * and, for the units that reported it, the evidence files attached to the figure
 * (`evidenceFileIds` of the value in the unit's submitted or approved report). Files
 * are listed only to those who may read that unit's report, as the download route
 * decides. With `ownUnitsOnly` (a caller who does not oversee the plan's unit) the tree keeps
 * only the units whose report the caller may read.
 */
export async function dashboardTarget(
  db: Database,
  {
    ctx,
    targetKey,
    periodKey,
    nearThreshold,
    ownUnitsOnly = false,
  }: {
    ctx: ReportingPlan;
    targetKey: string;
    periodKey?: string;
    nearThreshold: number;
    ownUnitsOnly?: boolean;
  },
): Promise<TDashboardTargetDetail> {
  const result = await planAttainment(db, { ctx, periodKey, nearThreshold });
  const target = result.targets.find((t) => t.targetKey === targetKey);
  if (!target) throw notFound("Không tìm thấy chỉ tiêu trong kế hoạch.");
  const tenantId = ctx.plan.tenantId;

  const evidenceOf = new Map<string, string[]>();
  if (result.period) {
    const period = await findPeriod(db, ctx.plan, result.period.key);
    const rows = await db
      .select({ unitId: unitReports.unitId, fileIds: unitReportValues.evidenceFileIds })
      .from(unitReportValues)
      .innerJoin(
        unitReports,
        and(
          eq(unitReports.tenantId, unitReportValues.tenantId),
          eq(unitReports.id, unitReportValues.reportId),
        ),
      )
      .where(
        and(
          eq(unitReports.tenantId, tenantId),
          eq(unitReports.periodId, period.id),
          eq(unitReportValues.targetKey, targetKey),
          inArray(unitReports.status, ["submitted", "approved"]),
        ),
      );
    for (const r of rows) evidenceOf.set(r.unitId, r.fileIds);
  }
  const fileIds = [...new Set([...evidenceOf.values()].flat())];
  const presented = await presentedEvidenceFiles(db, tenantId, fileIds);
  const units = ctx.units ?? (await loadUnits(db, tenantId));
  const mayRead = (unitId: string) => readsUnitReport(ctx, units, unitId);

  // The plan's unit first, then the others by name.
  const shown = ownUnitsOnly ? target.tree.filter((node) => mayRead(node.unit.id)) : target.tree;
  const shownIds = new Set(shown.map((node) => node.unit.id));
  const tree = [...shown].sort(
    (a, b) =>
      Number(a.parentId !== null) - Number(b.parentId !== null) ||
      a.unit.name.localeCompare(b.unit.name, "vi"),
  );
  return {
    period: result.period,
    target: presentDashboardTarget(target),
    series: target.series,
    ownUnitsOnly,
    units: tree.map((node) => {
      const canReadEvidence = mayRead(node.unit.id);
      const ids = canReadEvidence ? (evidenceOf.get(node.unit.id) ?? []) : [];
      return {
        ...node,
        // A unit whose parent is not listed stands at the top of what is shown.
        parentId: node.parentId !== null && shownIds.has(node.parentId) ? node.parentId : null,
        canReadEvidence,
        evidence: ids.map((id) => presented.get(id)).filter((f): f is TEvidenceFile => Boolean(f)),
      };
    }),
  };
}
