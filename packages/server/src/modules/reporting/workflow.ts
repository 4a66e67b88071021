import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
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
import { notifyPeople, peopleWith } from "../notify/notify.ts";
import { reportStepText } from "../notify/wording.ts";
import { publicDataChanged } from "../plans/plan-summaries.ts";
import { refreshReportStatus } from "../summary/reporting-status.ts";
import { refreshTargetFigures } from "../summary/target-figures.ts";
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
    /** The targets the report has figures for, when the caller has just read them. */
    targetKeys?: readonly string[];
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
  // The report counts (submitted, approved) or stops counting: the period's stored figures follow.
  if (!scope.replay)
    await refreshTargetFigures(tx, {
      tenantId: report.tenantId,
      planCode: report.planCode,
      periodIds: [report.periodId],
      reportId: report.id,
      targetKeys: change.targetKeys,
      aggregations: aggregationsOf(scope.basis),
    });
  // Its status and, once first submitted, its days late: the period's completeness and timeliness.
  await refreshReportStatus(tx, scope.period, updated);
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
  if (!scope.quiet)
    await notifyTransition(
      tx,
      scope,
      report,
      change.action,
      change.comment ?? null,
      updated.version,
      change.now,
    );
  return updated;
}

/** The indicator rule of each target of the published version the scope was read from. */
function aggregationsOf({ targets, indicators }: ReportScope["basis"]): Map<string, IndicatorAggregation> {
  const out = new Map<string, IndicatorAggregation>();
  for (const t of targets) {
    const indicator = t.indicatorCode ? indicators.get(t.indicatorCode) : undefined;
    if (indicator) out.set(t.key, indicator.aggregation as IndicatorAggregation);
  }
  return out;
}

/** Who hears of a transition: the reviewers of the plan when a unit submits; the unit's reporters otherwise. */
async function notifyTransition(
  tx: Database,
  scope: ReportScope,
  report: UnitReportRow,
  action: Exclude<ReportEventAction, "created">,
  comment: string | null,
  version: number,
  now: Date,
): Promise<void> {
  const { plan, actor } = scope.ctx;
  const unit = scope.ru.unit;
  const period = scope.period;
  const link = `/periods/${encodeURIComponent(plan.code)}/${encodeURIComponent(period.key)}/units/${unit.id}`;
  const toReviewers = action === "submitted";
  const recipients = await peopleWith(tx, {
    tenantId: report.tenantId,
    unitIds: toReviewers ? lineage(scope.basis.units, plan.unitId) : [report.unitId],
    permission: toReviewers ? "reports.review" : "reports.submit",
    except: actor.id,
  });
  await notifyPeople(
    tx,
    report.tenantId,
    recipients,
    {
      kind: `report.${action}`,
      eventKey: `${report.id}:${version}`,
      link,
      ...reportStepText(action, {
        actor: actor.fullName,
        unit: unit.name,
        plan: plan.title,
        period,
        comment,
      }),
    },
    now,
  );
}

/** A unit and every unit above it: whoever holds a role on one of them holds it on the unit. */
function lineage(units: ReadonlyMap<string, { parentId: string | null }>, unitId: string): string[] {
  const ids: string[] = [];
  for (let id: string | null = unitId; id && !ids.includes(id); id = units.get(id)?.parentId ?? null)
    ids.push(id);
  return ids;
}
