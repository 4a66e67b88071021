import { REVIEWER_ROLES, UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { jsonRowsOf, rowsFromJson } from "../../db/json-rows.ts";
import {
  type ReportEventAction,
  type ReportStatus,
  type UnitReportRow,
  unitReports,
} from "../../db/schema.ts";
import { auditInsert } from "../audit/audit.repository.ts";
import {
  type Audience,
  deliver,
  deliveriesOf,
  deliveryWrites,
  notifyPeople,
  peopleWith,
  type Recipient,
  type WorkflowMessage,
} from "../notify/notify.ts";
import { reportStepText } from "../notify/wording.ts";
import { publicDataChanged } from "../plans/plan-summaries.ts";
import { reportStatusUpsert } from "../summary/reporting-status.ts";
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
    /** The caller locked the report's period with the report (lockReport): the figures' refresh need not. */
    periodLocked?: boolean;
    /** Who hears of it (transitionAudience), when the caller read them with the report. */
    recipients?: Recipient[];
  },
): Promise<UnitReportRow> {
  const actorId = scope.ctx.actor.id;
  const set = {
    ...change.set,
    status: change.to,
    version: report.version + 1,
    updatedAt: change.now,
    updatedBy: actorId,
  };
  // One statement writes the row (version bumped), its status row of the period's
  // completeness and timeliness (from the row as the update leaves it), a line in its
  // history and one in the audit log — and, when the caller read who hears of it with the
  // report, their notifications and e-mails (deliveryWrites; a round trip less each step).
  const after: UnitReportRow = { ...report, ...set };
  const told =
    !scope.quiet && change.recipients
      ? deliveryWrites(
          tx,
          report.tenantId,
          deliveriesOf(
            change.recipients,
            transitionMessage(scope, report, change.action, change.comment ?? null, after.version),
          ),
          change.now,
        )
      : null;
  const [written] = await queryRows<{ report: unknown }>(
    tx,
    sql`WITH u AS (UPDATE unit_reports SET ${setList(set)}
                    WHERE tenant_id = ${report.tenantId} AND id = ${report.id} RETURNING *),
      s AS (${reportStatusUpsert(scope.period, after)}),
      e AS (INSERT INTO report_events (tenant_id, report_id, period_id, unit_id, action, from_status, to_status,
                                       actor_id, comment, at)
            VALUES (${report.tenantId}, ${report.id}, ${report.periodId}, ${report.unitId}, ${change.action},
                    ${report.status}, ${change.to}, ${actorId}, ${change.comment ?? null}, ${change.now.toISOString()})),
      a AS (${auditInsert([
        {
          tenantId: report.tenantId,
          actorId,
          action: `report.${change.action}`,
          entity: "unit_report",
          entityId: report.id,
          unitId: report.unitId,
          before: { status: report.status, version: report.version },
          after: {
            status: change.to,
            version: after.version,
            planCode: scope.period.planCode,
            period: scope.period.key,
            comment: change.comment ?? null,
            ...change.extra,
          },
        },
      ])})
      ${sql.join(
        (told?.writes ?? []).map((write, i) => sql`, ${sql.identifier(`n${i}`)} AS (${write})`),
        sql``,
      )}
    SELECT ${jsonRowsOf(unitReports, sql`u`)} AS report`,
  );
  const [updated] = rowsFromJson(unitReports, written.report);
  // Approved figures are what the public page shows: approving or reopening changes it.
  if (change.to === "approved" || report.status === "approved") await publicDataChanged(tx, report.tenantId);
  // The report counts (submitted, approved) or stops counting: the period's stored figures follow.
  if (!scope.replay)
    await refreshTargetFigures(tx, {
      tenantId: report.tenantId,
      planCode: report.planCode,
      periodIds: [report.periodId],
      periodsLocked: change.periodLocked,
      reportId: report.id,
      targetKeys: change.targetKeys,
      aggregations: aggregationsOf(scope.basis, change.targetKeys),
    });
  if (told) {
    if (told.rest.length) await deliver(tx, report.tenantId, told.rest, change.now);
  } else if (!scope.quiet)
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

/** `column = value, …` of a report's changed fields (Dates as ISO text, as drizzle sends them). */
function setList(set: Partial<UnitReportRow>): SQL {
  const columns = getTableColumns(unitReports);
  return sql.join(
    Object.entries(set).map(([field, value]) => {
      const column = columns[field as keyof typeof columns];
      return sql`${sql.identifier(column.name)} = ${value instanceof Date ? value.toISOString() : (value ?? null)}`;
    }),
    sql`, `,
  );
}

/**
 * The indicator rule of each target of the published version the scope was read from; none
 * when the scope does not cover every target in `keys` (a unit's scope holds its own targets,
 * and a draft may keep figures of a target since assigned elsewhere): the refresh reads them.
 */
function aggregationsOf(
  { targets, indicators }: ReportScope["basis"],
  keys: readonly string[] | undefined,
): Map<string, IndicatorAggregation> | undefined {
  const out = new Map<string, IndicatorAggregation>();
  const known = new Set<string>();
  for (const t of targets) {
    known.add(t.key);
    const indicator = t.indicatorCode ? indicators.get(t.indicatorCode) : undefined;
    if (indicator) out.set(t.key, indicator.aggregation as IndicatorAggregation);
  }
  if (!keys || keys.some((k) => !known.has(k))) return undefined;
  return out;
}

/** Who hears of a transition: the reviewers of the plan when a unit submits; the unit's reporters otherwise. */
export function transitionAudience(
  scope: ReportScope,
  unitId: string,
  action: Exclude<ReportEventAction, "created">,
): Audience {
  const { plan, actor } = scope.ctx;
  const toReviewers = action === "submitted";
  return {
    tenantId: plan.tenantId,
    unitIds: toReviewers ? lineage(scope.basis.units, plan.unitId) : [unitId],
    permission: toReviewers ? "reports.review" : "reports.submit",
    // Reviewers' and the unit's own work, not the administrators' who may also act.
    roles: toReviewers ? REVIEWER_ROLES : UNIT_STAFF_ROLES,
    except: actor.id,
  };
}

async function notifyTransition(
  tx: Database,
  scope: ReportScope,
  report: UnitReportRow,
  action: Exclude<ReportEventAction, "created">,
  comment: string | null,
  version: number,
  now: Date,
): Promise<void> {
  const recipients = await peopleWith(tx, transitionAudience(scope, report.unitId, action));
  await notifyPeople(
    tx,
    report.tenantId,
    recipients,
    transitionMessage(scope, report, action, comment, version),
    now,
  );
}

/** What a transition tells: the step, by whom, on which unit's report of which period. */
function transitionMessage(
  scope: ReportScope,
  report: UnitReportRow,
  action: Exclude<ReportEventAction, "created">,
  comment: string | null,
  version: number,
): WorkflowMessage {
  const { plan, actor } = scope.ctx;
  const unit = scope.ru.unit;
  const period = scope.period;
  return {
    kind: `report.${action}`,
    eventKey: `${report.id}:${version}`,
    link: `/periods/${encodeURIComponent(plan.code)}/${encodeURIComponent(period.key)}/units/${unit.id}`,
    ...reportStepText(action, { actor: actor.fullName, unit: unit.name, plan: plan.title, period, comment }),
  };
}

/** A unit and every unit above it: whoever holds a role on one of them holds it on the unit. */
function lineage(units: ReadonlyMap<string, { parentId: string | null }>, unitId: string): string[] {
  const ids: string[] = [];
  for (let id: string | null = unitId; id && !ids.includes(id); id = units.get(id)?.parentId ?? null)
    ids.push(id);
  return ids;
}
