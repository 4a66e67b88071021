import { createHash } from "node:crypto";
import type { TUnitReport } from "@dtplan/contracts";
import { unitTargets } from "@dtplan/domain/reporting/who-reports.ts";
import { and, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { atSnapshot } from "../../db/data-snapshot.ts";
import type { Database } from "../../db/database.ts";
import { jsonRows, preparedRead, rowsFromJson } from "../../db/json-rows.ts";
import {
  type EvidenceFileRow,
  evidenceFiles,
  type ReportingPeriodRow,
  reportEvents,
  reportingPeriods,
  type UnitReportRow,
  type UnitReportTaskRow,
  type UnitReportValueRow,
  unitReports,
  unitReportTasks,
  unitReportValues,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { actorTenants, planNotFound } from "../plans/plan-access.ts";
import { findPlanVersions } from "../plans/plans.repository.ts";
import { refreshReportStatus } from "../summary/reporting-status.ts";
import { presentEvidence } from "../tasks/task-history.ts";
import { presentPeriodRef, timelinessOf } from "./period-status.ts";
import { REPORT_STATUS_LABELS } from "./report-labels.ts";
import {
  callerKey,
  type ReportingPlan,
  reportingPlan,
  reportingPlanOf,
  reportingUnitOf,
} from "./reporting.guards.ts";
import { person } from "./reporting.presenter.ts";
import {
  findPeriod,
  findReport,
  type LoadedReport,
  loadBasis,
  loadUnitBasis,
  periodNotFound,
  type ReportingBasis,
  type ReportingUnit,
  type UnitBasis,
  unitsWithReporters,
  userNames,
} from "./reporting.repository.ts";

/** Everything an operation on one unit's report needs. */
export interface ReportScope {
  ctx: ReportingPlan;
  basis: ReportingBasis;
  period: ReportingPeriodRow;
  ru: ReportingUnit;
  canEdit: boolean;
  /** Nhập thay: the caller is the focal officer entering the report of a unit without an account. */
  onBehalf: boolean;
  /** Tells nobody of its transitions: the demo seed replays months of history that was never news. */
  quiet?: boolean;
  /** Months replayed at once (the demo seed): the plan's stored figures are written when it is done, not at each transition. */
  replay?: boolean;
}

export async function reportScope(
  db: Database,
  ctx: ReportingPlan,
  key: string,
  unitId: string,
): Promise<ReportScope> {
  const found = await atSnapshot(
    db,
    ctx.actor.readAt,
    `reportScope|${callerKey(ctx.actor)}|${ctx.plan.id}|${key}|${unitId}`,
    async () => {
      const unit = await loadUnitBasis(db, ctx.plan, key, unitId, { report: false });
      return withoutCtx(await unitScope(db, ctx, unit, unitId));
    },
    64 * 1024,
  );
  return { ...found, ctx };
}

/**
 * A unit's report named as the URL names it (the plan's code, the period's key, the unit):
 * the plan's versions, the part of its basis that concerns the unit (loadUnitBasis) and with
 * `report` the saved report as the form shows it, all in one statement when the caller works
 * in one province (the plan's versions are looked up first otherwise). The same 404 / 409 /
 * 403 as reportingPlan then reportScope. Read once per database snapshot for this caller.
 */
export async function reportScopeByCode(
  db: Database,
  { actor, code, key, unitId }: { actor: Actor; code: string; key: string; unitId: string },
  report: boolean,
): Promise<{ scope: ReportScope; loaded: LoadedReport | null }> {
  const found = await atSnapshot(
    db,
    actor.readAt,
    `reportScopeByCode|${callerKey(actor)}|${code}|${key}|${unitId}|${report}`,
    async () => {
      const tenants = actorTenants(actor);
      const tenantId =
        tenants.length === 1
          ? tenants[0]
          : (await findPlanVersions(db, tenants, code, actor.tenantId))[0]?.tenantId;
      if (!tenantId) throw planNotFound();
      const unit = await loadUnitBasis(db, { tenantId, code }, key, unitId, { report });
      const ctx = await reportingPlanOf(db, actor, unit.versions);
      const { actor: _, ...ctxRest } = ctx;
      return { ctxRest, scope: withoutCtx(await unitScope(db, ctx, unit, unitId)), loaded: unit.loaded };
    },
    64 * 1024,
  );
  const ctx = { ...found.ctxRest, actor };
  return { scope: { ...found.scope, ctx }, loaded: found.loaded };
}

/** The unit's scope from its part of the plan, with the errors reportScope gives. */
async function unitScope(db: Database, ctx: ReportingPlan, unit: UnitBasis, unitId: string) {
  if (!unit.period) throw periodNotFound();
  const scope = (
    await scopesIn(db, ctx, { ...(unit.basis as ReportingBasis), plan: ctx.plan }, unit.period, [unitId])
  ).get(unitId);
  if (scope instanceof Error) throw scope;
  return scope as ReportScope;
}

const withoutCtx = ({ ctx: _, ...rest }: ReportScope) => rest;

/**
 * The scopes of several units' reports in one period (a bulk act): the period, the basis
 * and who has an account read once; a unit the caller may not reach or that does not
 * report in the period gets the error `reportScope` would throw for it.
 */
export async function reportScopes(
  db: Database,
  ctx: ReportingPlan,
  key: string,
  unitIds: readonly string[],
): Promise<Map<string, ReportScope | AppError>> {
  const [period, basis] = await Promise.all([
    findPeriod(db, ctx.plan, key),
    loadBasis(db, ctx.plan, { units: ctx.units }),
  ]);
  return scopesIn(db, ctx, basis, period, unitIds);
}

/** The units' scopes from a basis that covers them: who reports, who may edit, who enters for whom. */
async function scopesIn(
  db: Database,
  ctx: ReportingPlan,
  basis: ReportingBasis,
  period: ReportingPeriodRow,
  unitIds: readonly string[],
): Promise<Map<string, ReportScope | AppError>> {
  const out = new Map<string, ReportScope | AppError>();
  const found = new Map<string, { ru: ReportingUnit; canEdit: boolean }>();
  for (const unitId of unitIds) {
    try {
      found.set(unitId, reportingUnitOf(ctx, basis, period, unitId));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      out.set(unitId, error);
    }
  }
  const notEditable = [...found].filter(([, f]) => !f.canEdit).map(([id]) => id);
  const staffed =
    ctx.canManage && notEditable.length
      ? await unitsWithReporters(db, basis.units, ctx.plan.tenantId, notEditable)
      : new Set<string>();
  for (const [unitId, { ru, canEdit }] of found) {
    const onBehalf = !canEdit && ctx.canManage && !staffed.has(unitId);
    out.set(unitId, { ctx, basis, period, ru, canEdit: canEdit || onBehalf, onBehalf });
  }
  return out;
}

/**
 * A report reached by its id (an evidence file's owner) rather than its URL: the same
 * scope and read rule as `/plans/:code/periods/:key/reports/:unitId`. 404 when the
 * report or its plan is not visible; 403 when the plan is but the unit's report is not.
 */
export async function reportScopeById(
  db: Database,
  actor: Actor,
  tenantId: string,
  reportId: string,
): Promise<{ scope: ReportScope; report: UnitReportRow }> {
  const missing = () => notFound("Không tìm thấy báo cáo.");
  const [report] = await db
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.tenantId, tenantId), eq(unitReports.id, reportId)))
    .limit(1);
  if (!report) throw missing();
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, report.periodId)))
    .limit(1);
  if (!period) throw missing();
  const ctx = await reportingPlan(db, actor, report.planCode);
  // The same plan code may exist in another tenant the actor can see.
  if (ctx.plan.tenantId !== tenantId) throw missing();
  return { scope: await reportScope(db, ctx, period.key, report.unitId), report };
}

/**
 * A new draft: the led tasks start from their current progress, so a unit only
 * changes what moved. Recorded as `created` in the report's history.
 */
export async function createReport(
  db: Database,
  scope: ReportScope,
  actorId: string,
): Promise<UnitReportRow> {
  const { period, ru } = scope;
  const [created] = await db
    .insert(unitReports)
    .values({
      tenantId: period.tenantId,
      id: reportIdFor(period, ru.unit.id),
      periodId: period.id,
      planCode: period.planCode,
      unitId: ru.unit.id,
      updatedBy: actorId,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) return (await findReport(db, period, ru.unit.id)) as UnitReportRow;
  await refreshReportStatus(db, period, created);
  const lines = startingTaskLines(scope);
  if (lines.length) {
    await db.insert(unitReportTasks).values(
      lines.map((line) => ({
        tenantId: period.tenantId,
        reportId: created.id,
        taskKey: line.taskKey,
        progress: line.progress,
      })),
    );
  }
  await db.insert(reportEvents).values({
    tenantId: period.tenantId,
    reportId: created.id,
    periodId: period.id,
    unitId: ru.unit.id,
    action: "created",
    toStatus: "draft",
    actorId,
  });
  return created;
}

/**
 * The unit's report form. Before the unit's first save its reporters see the form a new
 * draft starts as (led tasks at their current progress, no figures) and nothing is
 * written: the draft is created by the first save (or upload), not by reading.
 */
export async function getReport(
  db: Database,
  ref: { actor: Actor; code: string; key: string; unitId: string },
): Promise<TUnitReport> {
  const { scope, loaded } = await reportScopeByCode(db, ref, true);
  if (loaded) {
    const { report, taskRows, valueRows, files, names } = loaded;
    return presentLoaded(scope, report, { taskRows, valueRows }, files, names);
  }
  if (!scope.canEdit) throw notFound("Đơn vị chưa mở báo cáo kỳ này.");
  return presentUnsavedReport(scope);
}

/**
 * The id a unit's report in a period has from the start: derived from the period and the
 * unit (a UUID of version 8), so the unsaved form and the draft its first save creates
 * carry the same id.
 */
export function reportIdFor(period: Pick<ReportingPeriodRow, "tenantId" | "id">, unitId: string): string {
  const hex = createHash("sha256")
    .update(`unit_report:${period.tenantId}:${period.id}:${unitId}`)
    .digest("hex");
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The led tasks' lines a new draft starts with: each task's current progress. */
function startingTaskLines(scope: ReportScope) {
  return scope.ru.tasks
    .filter((t) => t.role === "lead")
    .map((t) => ({ taskKey: t.task.key, progress: t.task.progress, note: null }));
}

/** The form of a report not saved yet: what `createReport` would store, unwritten. */
function presentUnsavedReport(scope: ReportScope): TUnitReport {
  const now = new Date();
  const draft = {
    id: reportIdFor(scope.period, scope.ru.unit.id),
    status: "draft" as const,
    version: 1,
    difficulties: "",
    proposals: "",
    locked: false,
    firstSubmittedAt: null,
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    returnComment: null,
    updatedAt: now,
    updatedBy: null,
    onBehalfBy: null,
  };
  return presentForm(
    scope,
    draft,
    { taskRows: startingTaskLines(scope), valueRows: [] },
    new Map(),
    new Map(),
  );
}

/** The report's saved task lines and figure rows. */
export type ReportRows = Awaited<ReturnType<typeof loadReportRows>>;

export async function loadReportRows(db: Database, report: UnitReportRow) {
  return reportRowsFromJson(await readReportRows(db, { t: report.tenantId, report: report.id }));
}

const readReportRows = preparedRead(() => ({
  parts: reportRowsParts(sql.placeholder("t"), sql.placeholder("report")),
}));

/** A report's task lines and figures as parts of a statement (`report`: its id, or a subquery giving it). */
export function reportRowsParts(t: SQLWrapper, report: SQLWrapper): Record<"tasks" | "figures", SQL> {
  return {
    tasks: jsonRows(
      unitReportTasks,
      and(eq(unitReportTasks.tenantId, t), eq(unitReportTasks.reportId, report)),
    ),
    figures: jsonRows(
      unitReportValues,
      and(eq(unitReportValues.tenantId, t), eq(unitReportValues.reportId, report)),
    ),
  };
}

/** reportRowsParts' answer. */
export function reportRowsFromJson(read: Record<"tasks" | "figures", unknown>) {
  return {
    taskRows: rowsFromJson(unitReportTasks, read.tasks),
    valueRows: rowsFromJson(unitReportValues, read.figures),
  };
}

/** The report as the form shows it; `rows` when the caller has just read them for this version. */
export async function presentReport(
  db: Database,
  scope: ReportScope,
  report: UnitReportRow,
  rows?: ReportRows,
): Promise<TUnitReport> {
  const { taskRows, valueRows } = rows ?? (await loadReportRows(db, report));
  const fileIds = [...new Set(valueRows.flatMap((v) => v.evidenceFileIds))];
  const files = fileIds.length
    ? await db
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.tenantId, report.tenantId), inArray(evidenceFiles.id, fileIds)))
    : [];
  // The caller's own name is known (a submission names only its submitter): no look-up for it.
  const { actor } = scope.ctx;
  const people = [
    report.submittedBy,
    report.reviewedBy,
    report.updatedBy,
    report.onBehalfBy,
    ...files.map((f) => f.uploadedBy),
  ];
  const names = await userNames(
    db,
    people.filter((id) => id !== actor.id),
  );
  if (people.includes(actor.id)) names.set(actor.id, actor.fullName);
  return presentLoaded(scope, report, { taskRows, valueRows }, files, names);
}

/** The form from a report with its rows, files and the names of the people they name. */
function presentLoaded(
  scope: ReportScope,
  report: UnitReportRow,
  rows: Pick<ReportRows, "taskRows" | "valueRows">,
  files: readonly EvidenceFileRow[],
  names: Map<string, string>,
): TUnitReport {
  const filesById = new Map(files.map((f) => [f.id, presentEvidence(f, names)]));
  return presentForm(scope, report, rows, names, filesById);
}

type FormReport = Pick<
  UnitReportRow,
  | "status"
  | "version"
  | "difficulties"
  | "proposals"
  | "locked"
  | "firstSubmittedAt"
  | "submittedAt"
  | "submittedBy"
  | "reviewedAt"
  | "reviewedBy"
  | "returnComment"
  | "updatedAt"
  | "updatedBy"
  | "onBehalfBy"
> & { id: string };

/** The form from a report (saved or not), its lines, the people and files it names. */
function presentForm(
  scope: ReportScope,
  report: FormReport,
  rows: {
    taskRows: readonly Pick<UnitReportTaskRow, "taskKey" | "progress" | "note">[];
    valueRows: readonly UnitReportValueRow[];
  },
  names: Map<string, string>,
  filesById: Map<string, ReturnType<typeof presentEvidence>>,
): TUnitReport {
  const { ctx, period, ru, basis } = scope;
  const { taskRows, valueRows } = rows;
  const tasksByKey = new Map(taskRows.map((t) => [t.taskKey, t]));
  const valuesByKey = new Map(valueRows.map((v) => [v.targetKey, v]));
  const editable = report.status === "draft" || report.status === "returned";
  return {
    id: report.id,
    plan: { code: ctx.plan.code, title: ctx.plan.title },
    period: presentPeriodRef(period),
    unit: { id: ru.unit.id, name: ru.unit.name },
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    version: report.version,
    difficulties: report.difficulties,
    proposals: report.proposals,
    locked: report.locked,
    timeliness: timelinessOf(period, report, todayIso()).timeliness,
    firstSubmittedAt: report.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    submittedBy: person(report.submittedBy, names),
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reviewedBy: person(report.reviewedBy, names),
    returnComment: report.returnComment,
    updatedAt: report.updatedAt.toISOString(),
    updatedBy: person(report.updatedBy, names),
    onBehalfBy: person(report.onBehalfBy, names),
    tasks: ru.tasks.map(({ task, role }) => {
      const row = tasksByKey.get(task.key);
      return {
        key: task.key,
        taskId: task.id,
        text: task.text,
        pillar: task.pillar,
        role,
        deadline: { text: task.deadlineText, date: task.deadlineDate },
        recurring: task.recurring,
        lastProgress: task.progress,
        progress: row?.progress ?? null,
        note: row?.note ?? null,
        progressRequired: role === "lead",
      };
    }),
    values: unitTargets(basis, ru).map(({ target, indicator }) => {
      const row = valuesByKey.get(target.key);
      return {
        targetKey: target.key,
        targetText: target.text,
        pillar: target.pillar,
        target: { comparator: target.comparator, value: target.value, unit: target.unit, year: target.year },
        indicator: {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          aggregation: indicator.aggregation,
          direction: indicator.direction,
          numeratorLabel: indicator.numeratorLabel,
          denominatorLabel: indicator.denominatorLabel,
        },
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        value: row?.value ?? null,
        note: row?.note ?? null,
        evidence: (row?.evidenceFileIds ?? []).flatMap((id) => filesById.get(id) ?? []),
        required: true,
      };
    }),
    can: {
      edit: scope.canEdit && editable,
      submit: scope.canEdit && editable,
      onBehalf: scope.onBehalf,
      review: ctx.canReview && report.status === "submitted",
      reopen: ctx.canReview && report.status === "approved",
    },
  };
}
