import { isAllowed } from "@dtplan/domain/access/access.ts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import {
  reportingUnits as domainReportingUnits,
  unitTargets as domainUnitTargets,
  type ReportingUnitOf,
  type UnitTaskOf,
} from "@dtplan/domain/reporting/who-reports.ts";
import { daysBetween, vietnamDate, vietnamDateTimeText } from "@dtplan/domain/time/vietnam.ts";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type IndicatorRow,
  indicators,
  type LineageRow,
  type OrgUnitRow,
  type PlanRow,
  type PlanTargetRow,
  type PlanTaskRow,
  planTargets,
  planTasks,
  type ReportingPeriodRow,
  reportingPeriods,
  type UnitReportRow,
  unitReports,
  users,
} from "../../db/schema.ts";
import { conflict, forbidden, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { listTenantUnits, tenantLineage } from "../org/org.repository.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";

export const periodNotFound = () => notFound("Không tìm thấy kỳ báo cáo.");

/** The published plan behind `/plans/:code/…` and what the caller may do on its reporting. */
export interface ReportingPlan {
  plan: PlanRow;
  actor: Actor;
  /** Return, approve, reopen, adjust periods (reports.review on the plan's unit). */
  canReview: boolean;
}

/** Periods belong to the published plan; a draft has none yet. 404 when the plan is not readable. */
export async function reportingPlan(db: Database, actor: Actor, code: string): Promise<ReportingPlan> {
  const rows = await readablePlanVersions(db, actor, code);
  const plan = rows.find((r) => r.status === "published");
  if (!plan) throw conflict("Kế hoạch chưa ban hành nên chưa có kỳ báo cáo.");
  const units = await loadUnits(db, plan.tenantId);
  return { plan, actor, canReview: can(actor, "reports.review", units, plan.unitId) };
}

/** A plan as the head of an answer: code, title and the unit that issued it. */
export function planHeading(plan: PlanRow, units: ReadonlyMap<string, OrgUnitRow>) {
  return {
    code: plan.code,
    title: plan.title,
    unit: { id: plan.unitId, name: units.get(plan.unitId)?.name ?? "—" },
  };
}

/** The unit's path (itself up to the root) from a loaded tree. */
export function pathIn(units: ReadonlyMap<string, OrgUnitRow>, unitId: string): string[] {
  const out: string[] = [];
  for (
    let u = units.get(unitId);
    u && !out.includes(u.id);
    u = u.parentId ? units.get(u.parentId) : undefined
  ) {
    out.push(u.id);
  }
  return out;
}

export function can(
  actor: Actor,
  permission: Permission,
  units: ReadonlyMap<string, OrgUnitRow>,
  unitId: string,
): boolean {
  return isAllowed(actor.grants, permission, pathIn(units, unitId));
}

export async function loadUnits(db: Database, tenantId: string): Promise<Map<string, OrgUnitRow>> {
  return new Map((await listTenantUnits(db, tenantId)).map((u) => [u.id, u]));
}

/** A task as one unit sees it in its report. */
export type UnitTask = UnitTaskOf<PlanTaskRow>;

export type ReportingUnit = ReportingUnitOf<OrgUnitRow, PlanTaskRow>;

/** What deciding who reports needs, loaded once per request. */
export interface ReportingBasis {
  plan: PlanRow;
  tasks: PlanTaskRow[];
  targets: PlanTargetRow[];
  indicators: Map<string, IndicatorRow>;
  units: Map<string, OrgUnitRow>;
  lineage: LineageRow[];
}

/** The province's org tree and lineage, loaded once when many of its plans are read together. */
export type TenantTree = Pick<ReportingBasis, "units" | "lineage">;

export async function loadTenantTree(db: Database, tenantId: string): Promise<TenantTree> {
  const [units, lineage] = await Promise.all([loadUnits(db, tenantId), tenantLineage(db, tenantId)]);
  return { units, lineage };
}

export async function loadBasis(db: Database, plan: PlanRow, tree?: TenantTree): Promise<ReportingBasis> {
  const [tasks, targets, units, lineage] = await Promise.all([
    db
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id)))
      .orderBy(asc(planTasks.position)),
    db
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, plan.tenantId), eq(planTargets.planId, plan.id)))
      .orderBy(asc(planTargets.position)),
    tree ? tree.units : loadUnits(db, plan.tenantId),
    tree ? tree.lineage : tenantLineage(db, plan.tenantId),
  ]);
  const codes = [...new Set(targets.map((t) => t.indicatorCode).filter((c): c is string => Boolean(c)))];
  const indicatorRows = codes.length
    ? await db
        .select()
        .from(indicators)
        .where(and(eq(indicators.tenantId, plan.tenantId), inArray(indicators.code, codes)))
    : [];
  return { plan, tasks, targets, indicators: new Map(indicatorRows.map((i) => [i.code, i])), units, lineage };
}

/** Đơn vị phải báo cáo in a period (the rule lives in the domain). */
export const reportingUnits = (basis: ReportingBasis, period: Pick<ReportingPeriodRow, "endDate">) =>
  domainReportingUnits(basis, period);

/** The targets a unit reports figures for (the rule lives in the domain). */
export const unitTargets = (basis: ReportingBasis, ru: ReportingUnit) =>
  domainUnitTargets<PlanTargetRow, IndicatorRow>(basis, ru);

export async function listPeriods(db: Database, plan: PlanRow): Promise<ReportingPeriodRow[]> {
  return db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, plan.tenantId), eq(reportingPeriods.planCode, plan.code)))
    .orderBy(asc(reportingPeriods.dueDate), asc(reportingPeriods.key));
}

export async function findPeriod(db: Database, plan: PlanRow, key: string): Promise<ReportingPeriodRow> {
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

export async function userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const person = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? "—" } : null;

/** A unit that reports in the period, and whether the caller may read or write its report. */
export function reportingUnitOf(
  ctx: ReportingPlan,
  basis: ReportingBasis,
  period: ReportingPeriodRow,
  unitId: string,
): { ru: ReportingUnit; canEdit: boolean } {
  const ru = reportingUnits(basis, period).get(unitId);
  if (!ru) throw notFound("Đơn vị không phải báo cáo trong kỳ này.");
  const canEdit = can(ctx.actor, "reports.submit", basis.units, unitId);
  const canRead = canEdit || ctx.canReview || can(ctx.actor, "plans.read", basis.units, unitId);
  if (!canRead) throw forbidden("Bạn chỉ xem được báo cáo của đơn vị mình.");
  return { ru, canEdit };
}

/** ISO date in Vietnam of a moment. */
export const vnDate = (d: Date) => vietnamDate(d);

export { daysBetween };

/** dd/mm/yyyy hh:mm in Vietnam time, for messages. */
export const vnDateTime = vietnamDateTimeText;
