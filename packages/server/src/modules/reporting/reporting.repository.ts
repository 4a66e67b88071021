import { UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import {
  type ReportingUnitOf,
  reportingUnits,
  type UnitTaskOf,
} from "@dtplan/domain/reporting/who-reports.ts";
import { and, asc, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/database.ts";
import { jsonRows, jsonRowsOf, preparedRead, readTogether, rowsFromJson } from "../../db/json-rows.ts";
import {
  type EvidenceFileRow,
  evidenceFiles,
  type IndicatorRow,
  indicators,
  type LineageRow,
  type OrgUnitRow,
  orgUnitLineage,
  orgUnits,
  PLAN_DOCUMENT,
  type PlanHead,
  type PlanTargetRow,
  type PlanTargetUnitRow,
  type PlanTaskRow,
  plans,
  planTargets,
  planTargetUnits,
  planTasks,
  type ReportingPeriodRow,
  reportingPeriods,
  roleGrants,
  type UnitReportRow,
  type UnitReportTaskRow,
  type UnitReportValueRow,
  unitReports,
  unitReportTasks,
  unitReportValues,
  users,
} from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { pathIn } from "../access/tree-access.ts";
import { listTenantUnits, tenantLineage } from "../org/org.repository.ts";

export const periodNotFound = () => notFound("Không tìm thấy kỳ báo cáo.");

export async function loadUnits(db: Database, tenantId: string): Promise<Map<string, OrgUnitRow>> {
  return new Map((await listTenantUnits(db, tenantId)).map((u) => [u.id, u]));
}

/**
 * Columns of a plan's tasks, targets and indicators that reporting never uses — how the import
 * read them from the document and what it suggested, the catalogue's matching words — left
 * out of every basis read (a third of an indicator's row; an imported task's suggestions more).
 */
const BASIS_TASK_OMIT = [
  "leadSuggestions",
  "leadScore",
  "sourceStart",
  "sourceEnd",
  "sourceCell",
  "confidence",
] as const;
const BASIS_TARGET_OMIT = [
  "indicatorSuggestions",
  "indicatorScore",
  "sourceStart",
  "sourceEnd",
  "sourceCell",
  "confidence",
] as const;
const BASIS_INDICATOR_OMIT = ["keywords", "scopeKeywords", "searchText", "createdBy", "createdAt"] as const;
/** A plan's task as reporting reads it (BASIS_TASK_OMIT left out). */
export type BasisTask = Omit<PlanTaskRow, (typeof BASIS_TASK_OMIT)[number]>;
export type BasisTarget = Omit<PlanTargetRow, (typeof BASIS_TARGET_OMIT)[number]>;
export type BasisIndicator = Omit<IndicatorRow, (typeof BASIS_INDICATOR_OMIT)[number]>;

/** A task as one unit sees it in its report. */
export type UnitTask = UnitTaskOf<BasisTask>;

export type ReportingUnit = ReportingUnitOf<OrgUnitRow, BasisTask>;

/** What deciding who reports needs, loaded once per request. */
export interface ReportingBasis {
  /** The published version, without its document (PLAN_DOCUMENT): reports never show it. */
  plan: PlanHead;
  tasks: BasisTask[];
  targets: BasisTarget[];
  indicators: Map<string, BasisIndicator>;
  units: Map<string, OrgUnitRow>;
  lineage: LineageRow[];
  /** Đơn vị báo cáo chỉ tiêu, as stored for this plan version. */
  assignments: PlanTargetUnitRow[];
}

/** The province's org tree and lineage, loaded once when many of its plans are read together. */
export type TenantTree = Pick<ReportingBasis, "units" | "lineage">;

export async function loadTenantTree(db: Database, tenantId: string): Promise<TenantTree> {
  const [units, lineage] = await Promise.all([loadUnits(db, tenantId), tenantLineage(db, tenantId)]);
  return { units, lineage };
}

export async function loadBasis(
  db: Database,
  plan: PlanHead,
  /** What the caller has already read of the province's tree (the rest is read here). */
  tree?: { units?: Map<string, OrgUnitRow>; lineage?: LineageRow[] },
): Promise<ReportingBasis> {
  return (await loadBasisWith(db, plan, tree, {})).basis;
}

export type TreeRead = { units?: Map<string, OrgUnitRow>; lineage?: LineageRow[] } | undefined;

/**
 * The plan's basis and what else the request reads (`more`: parts of readTogether), in one
 * statement: the tasks, targets with their indicators, units, lineage and target
 * assignments come in the same round trip as the request's own data.
 */
export async function loadBasisWith<K extends string>(
  db: Database,
  plan: PlanHead,
  tree: TreeRead,
  more: Record<K, SQL>,
): Promise<{ basis: ReportingBasis; more: Record<K, unknown> }> {
  const read = await readTogether(db, { ...more, ...basisParts(plan.tenantId, sql`${plan.id}`, tree) });
  return { basis: basisFrom(plan, read, tree), more: read as Record<K, unknown> };
}

/**
 * loadBasisWith for a plan found in the same statement: the plan of province `tenantId`
 * that `where` (a condition on plans) keeps — the first by id when several do — with its
 * basis; null when there is none. `more` is given the plan's id (a subquery) for its own parts.
 */
export async function findPlanWithBasis<K extends string>(
  db: Database,
  { tenantId, where }: { tenantId: string; where: SQL },
  tree: TreeRead,
  more: (planId: SQL) => Record<K, SQL>,
): Promise<{ basis: ReportingBasis | null; more: Record<K, unknown> }> {
  const planId = sql`(SELECT ${plans.id} FROM ${plans} WHERE ${plans.tenantId} = ${tenantId} AND ${where}
                       ORDER BY ${plans.id} LIMIT 1)`;
  const read = await readTogether(db, {
    ...more(planId),
    basis_plan: jsonRows(
      plans,
      and(eq(plans.tenantId, tenantId), sql`${plans.id} = ${planId}`),
      undefined,
      PLAN_DOCUMENT,
    ),
    ...basisParts(tenantId, planId, tree),
  });
  const [plan] = rowsFromJson(plans, read.basis_plan, PLAN_DOCUMENT);
  return { basis: plan ? basisFrom(plan, read, tree) : null, more: read as Record<K, unknown> };
}

/** The rows of one of a plan's item tables (tasks, targets, legal bases, rules), in their order. */
export function planItemsPart(
  table: PgTable & Record<"tenantId" | "planId" | "position", AnyPgColumn>,
  tenantId: string,
  planId: SQL,
  /** Fields left out, as rowsFromJson is told too. */
  omit: readonly string[] = [],
): SQL {
  return jsonRows(
    table,
    and(eq(table.tenantId, tenantId), sql`${table.planId} = ${planId}`),
    sql`${table.position}`,
    omit,
  );
}

/** The parts of a plan's basis (readTogether), the units and lineage left out when `tree` has them. */
export function basisParts(
  t: string,
  planId: SQL,
  tree: { units?: unknown; lineage?: unknown } | undefined,
): Record<string, SQL> {
  return {
    basis_tasks: planItemsPart(planTasks, t, planId, BASIS_TASK_OMIT),
    basis_targets: planItemsPart(planTargets, t, planId, BASIS_TARGET_OMIT),
    basis_assignments: jsonRows(
      planTargetUnits,
      and(eq(planTargetUnits.tenantId, t), sql`${planTargetUnits.planId} = ${planId}`),
    ),
    basis_indicators: jsonRows(
      indicators,
      and(
        eq(indicators.tenantId, t),
        sql`${indicators.code} IN (SELECT g.indicator_code FROM plan_targets g WHERE g.tenant_id = ${t} AND g.plan_id = ${planId})`,
      ),
      undefined,
      BASIS_INDICATOR_OMIT,
    ),
    ...(tree?.units
      ? {}
      : { basis_units: jsonRows(orgUnits, eq(orgUnits.tenantId, t), sql`${orgUnits.code}`) }),
    ...(tree?.lineage ? {} : { basis_lineage: jsonRows(orgUnitLineage, eq(orgUnitLineage.tenantId, t)) }),
  };
}

/** The basis from the answer of basisParts' statement. */
export function basisFrom(plan: PlanHead, read: Record<string, unknown>, tree: TreeRead): ReportingBasis {
  return {
    plan,
    tasks: rowsFromJson(planTasks, read.basis_tasks, BASIS_TASK_OMIT),
    targets: rowsFromJson(planTargets, read.basis_targets, BASIS_TARGET_OMIT),
    indicators: new Map(
      rowsFromJson(indicators, read.basis_indicators, BASIS_INDICATOR_OMIT).map((i) => [i.code, i]),
    ),
    units: tree?.units ?? new Map(rowsFromJson(orgUnits, read.basis_units).map((u) => [u.id, u])),
    lineage: tree?.lineage ?? rowsFromJson(orgUnitLineage, read.basis_lineage),
    assignments: rowsFromJson(planTargetUnits, read.basis_assignments),
  };
}

/** A unit's saved report as its form shows it: the row, its lines, its files and the names it shows. */
export interface LoadedReport {
  report: UnitReportRow;
  taskRows: UnitReportTaskRow[];
  valueRows: UnitReportValueRow[];
  files: EvidenceFileRow[];
  /** Full names of the people the report and its files name (by user id). */
  names: Map<string, string>;
}

/** What one unit's report in a period needs (loadUnitBasis). */
export interface UnitBasis {
  /** The plan's versions in the province, newest first (as findPlanVersions gives them). */
  versions: PlanHead[];
  period: ReportingPeriodRow | null;
  /** The part of the published version's basis that concerns the unit; null without a published version. */
  basis: ReportingBasis | null;
  loaded: LoadedReport | null;
}

/** loadUnitBasis's statement, its values as placeholders: t (the province), code, key and unit. */
function unitBasisStatement(): { parts: Record<string, SQL>; with: SQL } {
  const t = sql.placeholder("t");
  const code = sql.placeholder("code");
  const key = sql.placeholder("key");
  const unitId = sql.placeholder("unit");
  // Rows of one of the published version's tables that `where` keeps.
  const ofPlan = (
    table: PgTable & Record<"tenantId" | "planId", AnyPgColumn>,
    where: SQL,
    orderBy?: SQL,
    omit: readonly string[] = [],
  ) =>
    jsonRows(
      table,
      and(eq(table.tenantId, t), sql`${table.planId} IN (SELECT id FROM pp)`, where),
      orderBy,
      omit,
    );
  const ofReport = (column: AnyPgColumn) => sql`${column} IN (SELECT id FROM r)`;
  const parts: Record<string, SQL> = {
    versions: jsonRows(
      plans,
      and(eq(plans.tenantId, t), eq(plans.code, code)),
      sql`${plans.version} DESC`,
      PLAN_DOCUMENT,
    ),
    period: jsonRows(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, t), sql`${reportingPeriods.id} IN (SELECT id FROM rp)`),
    ),
    units: jsonRows(
      orgUnits,
      and(eq(orgUnits.tenantId, t), sql`${orgUnits.id} IN (SELECT id FROM up)`),
      sql`${orgUnits.code}`,
    ),
    lineage: jsonRows(
      orgUnitLineage,
      and(
        eq(orgUnitLineage.tenantId, t),
        sql`(${orgUnitLineage.predecessorId} IN (SELECT id FROM comp) OR ${orgUnitLineage.successorId} IN (SELECT id FROM comp))`,
      ),
    ),
    tasks: ofPlan(
      planTasks,
      sql`(${planTasks.leadUnitId} IN (SELECT id FROM comp)
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(${planTasks.coordinators}) c
                       WHERE c ->> 'unitId' IN (SELECT id::text FROM comp)))`,
      sql`${planTasks.position}`,
      BASIS_TASK_OMIT,
    ),
    targets: ofPlan(
      planTargets,
      sql`${planTargets.key} IN (SELECT key FROM g)`,
      sql`${planTargets.position}`,
      BASIS_TARGET_OMIT,
    ),
    assignments: ofPlan(planTargetUnits, sql`${planTargetUnits.unitId} IN (SELECT id FROM comp)`),
    indicators: jsonRows(
      indicators,
      and(eq(indicators.tenantId, t), sql`${indicators.code} IN (SELECT indicator_code FROM g)`),
      undefined,
      BASIS_INDICATOR_OMIT,
    ),
    report: jsonRows(unitReports, and(eq(unitReports.tenantId, t), ofReport(unitReports.id))),
    report_tasks: jsonRows(
      unitReportTasks,
      and(eq(unitReportTasks.tenantId, t), ofReport(unitReportTasks.reportId)),
    ),
    report_values: jsonRows(
      unitReportValues,
      and(eq(unitReportValues.tenantId, t), ofReport(unitReportValues.reportId)),
    ),
    files: jsonRows(
      evidenceFiles,
      and(eq(evidenceFiles.tenantId, t), sql`${evidenceFiles.id} IN (SELECT id FROM f)`),
    ),
    names: sql`(SELECT json_object_agg(u.id, u.full_name) FROM users u
          WHERE u.id IN (SELECT submitted_by FROM r UNION SELECT reviewed_by FROM r UNION SELECT updated_by FROM r
                         UNION SELECT on_behalf_by FROM r
                         UNION SELECT e.uploaded_by FROM evidence_files e
                          WHERE e.tenant_id = ${t} AND e.id IN (SELECT id FROM f)))`,
  };
  return {
    parts,
    with: sql`WITH RECURSIVE
      pp AS (SELECT id, unit_id FROM plans WHERE tenant_id = ${t} AND code = ${code} AND status = 'published'
              ORDER BY version DESC LIMIT 1),
      comp (id) AS (
        SELECT ${unitId}::uuid
        UNION
        SELECT CASE WHEN l.predecessor_id = c.id THEN l.successor_id ELSE l.predecessor_id END
          FROM org_unit_lineage l JOIN comp c ON c.id IN (l.predecessor_id, l.successor_id)
         WHERE l.tenant_id = ${t}
      ),
      up (id, parent_id) AS (
        SELECT o.id, o.parent_id FROM org_units o
         WHERE o.tenant_id = ${t} AND (o.id IN (SELECT id FROM comp) OR o.id IN (SELECT unit_id FROM pp))
        UNION
        SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id WHERE o.tenant_id = ${t}
      ),
      rp AS (SELECT id FROM reporting_periods WHERE tenant_id = ${t} AND plan_code = ${code} AND key = ${key}),
      r AS (SELECT id, submitted_by, reviewed_by, updated_by, on_behalf_by FROM unit_reports
             WHERE tenant_id = ${t} AND period_id IN (SELECT id FROM rp) AND unit_id = ${unitId}),
      g AS (SELECT key, indicator_code FROM plan_targets
             WHERE tenant_id = ${t} AND plan_id IN (SELECT id FROM pp)
               AND (key IN (SELECT target_key FROM plan_target_units
                             WHERE tenant_id = ${t} AND plan_id IN (SELECT id FROM pp) AND unit_id IN (SELECT id FROM comp))
                    OR key IN (SELECT v.target_key FROM unit_report_values v
                                WHERE v.tenant_id = ${t} AND v.report_id IN (SELECT id FROM r)))),
      f AS (SELECT jsonb_array_elements_text(v.evidence_file_ids)::uuid AS id FROM unit_report_values v
             WHERE v.tenant_id = ${t} AND v.report_id IN (SELECT id FROM r))`,
  };
}

/**
 * One statement for the form and for a report's scope alone (a save, a submission, an evidence
 * file's owner): PostgreSQL plans a named statement afresh on its first executions on each
 * connection (~1–2 ms for this one), and the report's rows cost little beside it, so the acts
 * on a report find the statement already planned by the forms read before them.
 */
const readUnitBasis = preparedRead(unitBasisStatement);

/**
 * What one unit's report in a period needs, in one statement: the plan's versions, the period
 * and the part of the published version's basis that decides the unit's tasks and targets —
 * the unit and every unit joined to it by lineage (whose tasks and targets may pass to it),
 * with the units above them and above the plan's unit (the access paths, the reviewers), the
 * lineage between them, the tasks they lead or coordinate, the targets assigned to them or
 * holding a figure of the unit's report in the period (their indicator rule is needed when it
 * moves) with their indicators — and, with `report`, the unit's report with its lines, files
 * and the names it shows. The domain's reportingUnits gives this unit the same tasks and
 * targets from this part as from the whole plan: no other task or target can reach the unit.
 */
export async function loadUnitBasis(
  db: Database,
  { tenantId, code }: { tenantId: string; code: string },
  key: string,
  unitId: string,
  options: { report: boolean },
): Promise<UnitBasis> {
  const read = await readUnitBasis(db, {
    t: tenantId,
    code,
    key,
    unit: unitId,
  });
  const versions = rowsFromJson(plans, read.versions, PLAN_DOCUMENT);
  const published = versions.find((p) => p.status === "published");
  const [report] = options.report ? rowsFromJson(unitReports, read.report) : [];
  return {
    versions,
    period: rowsFromJson(reportingPeriods, read.period)[0] ?? null,
    basis: published
      ? {
          plan: published,
          tasks: rowsFromJson(planTasks, read.tasks, BASIS_TASK_OMIT),
          targets: rowsFromJson(planTargets, read.targets, BASIS_TARGET_OMIT),
          indicators: new Map(
            rowsFromJson(indicators, read.indicators, BASIS_INDICATOR_OMIT).map((i) => [i.code, i]),
          ),
          units: new Map(rowsFromJson(orgUnits, read.units).map((u) => [u.id, u])),
          lineage: rowsFromJson(orgUnitLineage, read.lineage),
          assignments: rowsFromJson(planTargetUnits, read.assignments),
        }
      : null,
    loaded: report
      ? {
          report,
          taskRows: rowsFromJson(unitReportTasks, read.report_tasks),
          valueRows: rowsFromJson(unitReportValues, read.report_values),
          files: rowsFromJson(evidenceFiles, read.files),
          names: new Map(Object.entries((read.names ?? {}) as Record<string, string>)),
        }
      : null,
  };
}

/**
 * The bases of several plans of one province at once (the province view): a few queries in
 * all instead of a few per plan, each plan's rows in the order loadBasis gives them.
 */
export async function loadBases(
  db: Database,
  planRows: readonly PlanHead[],
  tree: TenantTree,
): Promise<Map<string, ReportingBasis>> {
  if (planRows.length === 0) return new Map();
  const tenantId = planRows[0].tenantId;
  const ids = planRows.map((p) => p.id);
  const [tasks, targets, assignments] = await Promise.all([
    db
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.tenantId, tenantId), inArray(planTasks.planId, ids)))
      .orderBy(asc(planTasks.position)),
    db
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, tenantId), inArray(planTargets.planId, ids)))
      .orderBy(asc(planTargets.position)),
    db
      .select()
      .from(planTargetUnits)
      .where(and(eq(planTargetUnits.tenantId, tenantId), inArray(planTargetUnits.planId, ids))),
  ]);
  const codes = [...new Set(targets.map((t) => t.indicatorCode).filter((c): c is string => Boolean(c)))];
  const indicatorRows = codes.length
    ? await db
        .select()
        .from(indicators)
        .where(and(eq(indicators.tenantId, tenantId), inArray(indicators.code, codes)))
    : [];
  const byPlan = <T extends { planId: string }>(rows: readonly T[]) => {
    const out = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const r of rows) out.get(r.planId)?.push(r);
    return out;
  };
  const tasksOf = byPlan(tasks);
  const targetsOf = byPlan(targets);
  const assignmentsOf = byPlan(assignments);
  const indicatorMap = new Map(indicatorRows.map((i) => [i.code, i]));
  return new Map(
    planRows.map((plan) => {
      const own = targetsOf.get(plan.id) ?? [];
      const used = new Set(own.map((t) => t.indicatorCode));
      return [
        plan.id,
        {
          plan,
          tasks: tasksOf.get(plan.id) ?? [],
          targets: own,
          indicators: new Map([...indicatorMap].filter(([code]) => used.has(code))),
          units: tree.units,
          lineage: tree.lineage,
          assignments: assignmentsOf.get(plan.id) ?? [],
        },
      ];
    }),
  );
}

export async function listPeriods(
  db: Database,
  plan: Pick<PlanHead, "tenantId" | "code">,
): Promise<ReportingPeriodRow[]> {
  return db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, plan.tenantId), eq(reportingPeriods.planCode, plan.code)))
    .orderBy(asc(reportingPeriods.dueDate), asc(reportingPeriods.key));
}

/** listPeriods as a part of a request's one statement (readTogether); periodsFromJson reads its answer. */
export function periodsPart(plan: Pick<PlanHead, "tenantId" | "code">): SQL {
  return jsonRows(
    reportingPeriods,
    and(eq(reportingPeriods.tenantId, plan.tenantId), eq(reportingPeriods.planCode, plan.code)),
    sql`${reportingPeriods.dueDate}, ${reportingPeriods.key}`,
  );
}

export const periodsFromJson = (value: unknown): ReportingPeriodRow[] =>
  rowsFromJson(reportingPeriods, value);

export async function findPeriod(db: Database, plan: PlanHead, key: string): Promise<ReportingPeriodRow> {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, plan.tenantId),
        eq(reportingPeriods.planCode, plan.code),
        eq(reportingPeriods.key, key),
      ),
    )
    .limit(1);
  if (!row) throw periodNotFound();
  return row;
}

export async function findReport(
  db: Database,
  period: ReportingPeriodRow,
  unitId: string,
  lock = false,
): Promise<UnitReportRow | null> {
  const query = db
    .select()
    .from(unitReports)
    .where(
      and(
        eq(unitReports.tenantId, period.tenantId),
        eq(unitReports.periodId, period.id),
        eq(unitReports.unitId, unitId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * The report (`r`) of `unit` in `period` locked for a transition, then its period's row (`p`;
 * the order every transition locks them in: the report, then the period whose stored figures
 * it rewrites; nothing is locked when the unit has no report there): the parts `report` and
 * `periods` (which makes the period's lock run), to which a caller adds what else it reads of
 * the report (`r`) in the same statement.
 */
export function lockedReportParts(
  t: SQLWrapper,
  period: SQLWrapper,
  unit: SQLWrapper,
): { parts: Record<"report" | "periods", SQL>; with: SQL } {
  return {
    parts: { report: jsonRowsOf(unitReports, sql`r`), periods: sql`(SELECT count(*) FROM p)` },
    with: sql`WITH r AS (SELECT * FROM unit_reports
                          WHERE tenant_id = ${t} AND period_id = ${period} AND unit_id = ${unit}
                            FOR UPDATE),
                p AS (SELECT id FROM reporting_periods
                       WHERE tenant_id = ${t} AND id = ${period} AND EXISTS (SELECT 1 FROM r) FOR UPDATE)`,
  };
}

export async function userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The units among `unitIds` with reporting staff: an active account holding a unit staff
 * role on the unit or on a unit above it. The others have no account — the focal officer enters
 * their reports (nhập thay).
 */
export async function unitsWithReporters(
  db: Database,
  units: ReadonlyMap<string, OrgUnitRow>,
  tenantId: string,
  unitIds: readonly string[],
): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const paths = new Map(unitIds.map((id) => [id, pathIn(units, id)]));
  const granted = new Set(
    (
      await db
        .selectDistinct({ unitId: roleGrants.unitId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(
            eq(roleGrants.tenantId, tenantId),
            inArray(roleGrants.unitId, [...new Set([...paths.values()].flat())]),
            inArray(roleGrants.role, [...UNIT_STAFF_ROLES]),
            eq(users.active, true),
          ),
        )
    ).map((r) => r.unitId),
  );
  return new Set(unitIds.filter((id) => (paths.get(id) ?? []).some((p) => granted.has(p))));
}

const whoReports = new WeakMap<ReportingBasis, WeakMap<ReportingPeriodRow, Map<string, ReportingUnit>>>();

/**
 * The domain's reportingUnits, worked out once per basis and period: a request that judges
 * the targets and counts the reports of a period (the dashboard, the province view) asks twice.
 */
export function reportingUnitsOf(
  basis: ReportingBasis,
  period: ReportingPeriodRow,
): Map<string, ReportingUnit> {
  let byPeriod = whoReports.get(basis);
  if (!byPeriod) {
    byPeriod = new WeakMap();
    whoReports.set(basis, byPeriod);
  }
  let units = byPeriod.get(period);
  if (!units) {
    units = reportingUnits(basis, period);
    byPeriod.set(period, units);
  }
  return units;
}
