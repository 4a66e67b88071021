import { isAllowed } from "@dtplan/domain/access/access.ts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
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
import type { Actor } from "../auth/actor.ts";
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
export interface UnitTask {
  task: PlanTaskRow;
  role: "lead" | "coordinator";
}

export interface ReportingUnit {
  unit: OrgUnitRow;
  role: "lead" | "coordinator";
  tasks: UnitTask[];
}

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

/**
 * The units that carry on from `unitId` when the period closes: itself while in force
 * on its last day, else (merged or split during or before the period) its successors —
 * the unit that exists when the report is due is the one that reports.
 */
function currentUnits(
  basis: ReportingBasis,
  unitId: string,
  periodEnd: string,
  seen = new Set<string>(),
): string[] {
  if (seen.has(unitId)) return [];
  seen.add(unitId);
  const unit = basis.units.get(unitId);
  if (!unit) return [];
  if (unit.validTo === null || unit.validTo >= periodEnd) return [unitId];
  const next = basis.lineage.filter((e) => e.predecessorId === unitId).map((e) => e.successorId);
  if (next.length === 0) return [];
  return next.flatMap((id) => currentUnits(basis, id, periodEnd, seen));
}

/**
 * Đơn vị phải báo cáo in a period: every unit that leads or coordinates at least one
 * task of the plan, through lineage to its successors when it was merged or split
 * before the period closed. Computed, never stored: a reassigned task changes it.
 */
export function reportingUnits(basis: ReportingBasis, period: Pick<ReportingPeriodRow, "endDate">) {
  const out = new Map<string, ReportingUnit>();
  const add = (unitId: string, task: PlanTaskRow, role: UnitTask["role"]) => {
    for (const id of currentUnits(basis, unitId, period.endDate)) {
      const unit = basis.units.get(id) as OrgUnitRow;
      const entry = out.get(id) ?? { unit, role, tasks: [] };
      const existing = entry.tasks.find((t) => t.task.key === task.key);
      if (existing) {
        if (role === "lead") existing.role = "lead";
      } else entry.tasks.push({ task, role });
      if (role === "lead") entry.role = "lead";
      out.set(id, entry);
    }
  };
  for (const task of basis.tasks) {
    if (task.leadUnitId) add(task.leadUnitId, task, "lead");
    for (const c of task.coordinators)
      if (c.unitId && c.unitId !== task.leadUnitId) add(c.unitId, task, "coordinator");
  }
  return new Map([...out.entries()].sort((a, b) => a[1].unit.name.localeCompare(b[1].unit.name, "vi")));
}

/** The targets a unit reports figures for: those with an indicator, in the pillars of its tasks. */
export function unitTargets(basis: ReportingBasis, ru: ReportingUnit) {
  const pillars = new Set(ru.tasks.map((t) => t.task.pillar));
  return basis.targets
    .filter((t) => t.indicatorCode && basis.indicators.has(t.indicatorCode) && pillars.has(t.pillar))
    .map((target) => ({
      target,
      indicator: basis.indicators.get(target.indicatorCode as string) as IndicatorRow,
    }));
}

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
export const vnDate = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** dd/mm/yyyy hh:mm in Vietnam time, for messages. */
export function vnDateTime(d: Date): string {
  const s = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${s.slice(11, 16)} ngày ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}
