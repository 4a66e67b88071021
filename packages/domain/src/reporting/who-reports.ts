/**
 * Đơn vị phải báo cáo — who reports in a period and on which targets. Pure rules
 * over the plan's tasks, its targets' reporting units (chosen in review), the
 * organisation tree and its lineage.
 */
import { compareVi } from "../text/collate.ts";

/** How a unit stands to a task: it leads it (chủ trì) or coordinates (phối hợp). */
export const TASK_ROLES = ["lead", "coordinator"] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

/**
 * How a unit stands in a period: it leads a task, only coordinates, or has no task and
 * reports the figures of targets assigned to it (a partner, a commune "cấp xã").
 */
export const REPORTING_ROLES = [...TASK_ROLES, "targets"] as const;
export type ReportingRole = (typeof REPORTING_ROLES)[number];

export interface ReportingUnitLike {
  id: string;
  name: string;
  /** Last day in force (ISO), or null while it exists. */
  validTo: string | null;
  /** First day in force (ISO), or null when always (a unit formed by a merger starts on its date). */
  validFrom?: string | null;
}

export interface ReportingTaskLike {
  key: string;
  pillar: string;
  leadUnitId: string | null;
  coordinators: readonly { unitId?: string | null }[];
}

export interface ReportingTargetLike {
  key: string;
  pillar: string;
  indicatorCode: string | null;
}

/** Đơn vị báo cáo chỉ tiêu — one unit assigned to report one target of the plan. */
export interface TargetAssignmentLike {
  targetKey: string;
  unitId: string;
}

export interface LineageLike {
  predecessorId: string;
  successorId: string;
}

/** What deciding who reports needs. */
export interface WhoReportsBasis<
  U extends ReportingUnitLike = ReportingUnitLike,
  T extends ReportingTaskLike = ReportingTaskLike,
  G extends ReportingTargetLike = ReportingTargetLike,
  I = unknown,
> {
  tasks: readonly T[];
  targets: readonly G[];
  indicators: ReadonlyMap<string, I>;
  units: ReadonlyMap<string, U>;
  lineage: readonly LineageLike[];
  /** The targets' reporting units, as stored (before lineage). */
  assignments: readonly TargetAssignmentLike[];
}

/** A task as one unit sees it in its report. */
export interface UnitTaskOf<T> {
  task: T;
  role: TaskRole;
}

export interface ReportingUnitOf<U, T> {
  unit: U;
  role: ReportingRole;
  tasks: UnitTaskOf<T>[];
  /** Keys of the targets it reports figures for. */
  targetKeys: string[];
}

/**
 * The units that answer for `unitId` in a period ending `periodEnd`: itself while in
 * force on that day; else, merged or split before it, its successors — the unit that
 * exists when the report is due is the one that reports; and for a unit formed after
 * it (a task passed on to a merged commune), the predecessors that existed then, so a
 * past period still reads under the old names.
 */
function currentUnits(
  basis: Pick<WhoReportsBasis, "units" | "lineage">,
  unitId: string,
  periodEnd: string,
  seen = new Set<string>(),
): string[] {
  if (seen.has(unitId)) return [];
  seen.add(unitId);
  const unit = basis.units.get(unitId);
  if (!unit) return [];
  if (unit.validFrom != null && unit.validFrom > periodEnd) {
    const before = basis.lineage.filter((e) => e.successorId === unitId).map((e) => e.predecessorId);
    return before.flatMap((id) => currentUnits(basis, id, periodEnd, seen));
  }
  if (unit.validTo === null || unit.validTo >= periodEnd) return [unitId];
  const next = basis.lineage.filter((e) => e.predecessorId === unitId).map((e) => e.successorId);
  if (next.length === 0) return [];
  return next.flatMap((id) => currentUnits(basis, id, periodEnd, seen));
}

/**
 * Đơn vị phải báo cáo in a period — the completeness rule, in one place: every unit that
 * leads or coordinates a task of the plan or is assigned to report one of its targets
 * that carries figures (a known indicator),
 * through lineage to its successors when it was merged or split before the period
 * closed. Computed, never stored: a reassigned task or target changes it. Sorted by the
 * units' Vietnamese names.
 */
export function reportingUnits<U extends ReportingUnitLike, T extends ReportingTaskLike>(
  basis: Pick<
    WhoReportsBasis<U, T>,
    "tasks" | "targets" | "indicators" | "units" | "lineage" | "assignments"
  >,
  period: { endDate: string },
): Map<string, ReportingUnitOf<U, T>> {
  // Only a target with a known indicator carries figures; assigning one without makes no one report.
  const reportable = new Set(
    basis.targets.filter((t) => t.indicatorCode && basis.indicators.has(t.indicatorCode)).map((t) => t.key),
  );
  const out = new Map<string, ReportingUnitOf<U, T>>();
  const entryOf = (id: string, role: ReportingRole) => {
    const entry = out.get(id) ?? { unit: basis.units.get(id) as U, role, tasks: [], targetKeys: [] };
    out.set(id, entry);
    return entry;
  };
  const add = (unitId: string, task: T, role: TaskRole) => {
    for (const id of currentUnits(basis, unitId, period.endDate)) {
      const entry = entryOf(id, role);
      const existing = entry.tasks.find((t) => t.task.key === task.key);
      if (existing) {
        if (role === "lead") existing.role = "lead";
      } else entry.tasks.push({ task, role });
      if (role === "lead" || entry.role === "targets") entry.role = role;
    }
  };
  for (const task of basis.tasks) {
    if (task.leadUnitId) add(task.leadUnitId, task, "lead");
    for (const c of task.coordinators)
      if (c.unitId && c.unitId !== task.leadUnitId) add(c.unitId, task, "coordinator");
  }
  for (const a of basis.assignments) {
    if (!reportable.has(a.targetKey)) continue;
    for (const id of currentUnits(basis, a.unitId, period.endDate)) {
      const entry = entryOf(id, "targets");
      if (!entry.targetKeys.includes(a.targetKey)) entry.targetKeys.push(a.targetKey);
    }
  }
  return new Map([...out.entries()].sort((a, b) => compareVi(a[1].unit.name, b[1].unit.name)));
}

/** The targets a unit reports figures for: those assigned to it that have a known indicator. */
export function unitTargets<G extends ReportingTargetLike, I>(
  basis: Pick<WhoReportsBasis<ReportingUnitLike, ReportingTaskLike, G, I>, "targets" | "indicators">,
  ru: { targetKeys: readonly string[] },
): { target: G; indicator: I }[] {
  const keys = new Set(ru.targetKeys);
  return basis.targets
    .filter((t) => keys.has(t.key) && t.indicatorCode && basis.indicators.has(t.indicatorCode))
    .map((target) => ({ target, indicator: basis.indicators.get(target.indicatorCode as string) as I }));
}

/**
 * Units that lead or coordinate a task but answer for nobody in the period: closed
 * before it ended with no successor (giải thể, or a merger not yet recorded). Their
 * tasks have no reporting unit until the work is passed on. Sorted by name.
 */
export function unownedUnits<U extends ReportingUnitLike>(
  basis: Pick<WhoReportsBasis<U>, "tasks" | "units" | "lineage">,
  period: { endDate: string },
): U[] {
  const ids = new Set<string>();
  for (const task of basis.tasks) {
    if (task.leadUnitId) ids.add(task.leadUnitId);
    for (const c of task.coordinators) if (c.unitId) ids.add(c.unitId);
  }
  return [...ids]
    .filter((id) => basis.units.has(id) && currentUnits(basis, id, period.endDate).length === 0)
    .map((id) => basis.units.get(id) as U)
    .sort((a, b) => compareVi(a.name, b.name));
}
