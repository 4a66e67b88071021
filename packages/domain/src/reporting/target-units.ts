/**
 * Đơn vị báo cáo chỉ tiêu — suggestions the reviewer picks a target's reporting units
 * from, and what publishing checks. Pure rules over the plan's targets and tasks and the
 * organisation tree.
 */
import { descendants, isInForce, type OrgUnitNode } from "../org/tree.ts";
import { COMMUNE_LEVEL_KINDS } from "../org/unit-kinds.ts";
import type { ReportingTargetLike, ReportingTaskLike, TargetAssignmentLike } from "./who-reports.ts";

/** Why a unit is suggested: it leads a task of the target's pillar, or the target is "cấp xã". */
export const TARGET_UNIT_SUGGESTION_REASONS = ["task_lead", "commune_scope"] as const;
export type TargetUnitSuggestionReason = (typeof TARGET_UNIT_SUGGESTION_REASONS)[number];

/**
 * How a bulk change applies its units to the chosen targets: add them, replace the
 * targets' units by them, remove them, or add each target's own suggestions.
 */
export const TARGET_UNIT_MODES = ["add", "replace", "remove", "suggested"] as const;
export type TargetUnitMode = (typeof TARGET_UNIT_MODES)[number];

export interface TargetUnitSuggestion {
  unitId: string;
  reason: TargetUnitSuggestionReason;
}

export interface SuggestionUnit extends OrgUnitNode {
  kind: string;
}

const COMMUNE_SCOPE = /(?:cấp|khu vực|các|100%)\s+(?:xã|phường)/u;

/** Whether a target's scope (or, lacking one, its text) reaches every commune: "cấp xã", "các xã, phường". */
export function reachesCommunes(target: { scope: string | null; text: string }): boolean {
  return COMMUNE_SCOPE.test((target.scope ?? target.text).normalize("NFC").toLowerCase());
}

/**
 * The communes, wards and special zones in force on `today` below the issuing unit, or
 * below the province when the issuing unit has none (a department issuing for the province).
 * A commune's own plan is reported for the commune by the commune itself.
 */
export function communesOf(
  units: ReadonlyMap<string, SuggestionUnit>,
  issuingUnitId: string,
  today: string,
): string[] {
  const kinds = new Set<string>(COMMUNE_LEVEL_KINDS);
  const under = (rootId: string) =>
    descendants(units.values(), rootId).filter((id) => {
      const u = units.get(id);
      return u !== undefined && kinds.has(u.kind) && isInForce(u, today);
    });
  const issuing = units.get(issuingUnitId);
  if (issuing && kinds.has(issuing.kind)) return isInForce(issuing, today) ? [issuingUnitId] : [];
  const own = under(issuingUnitId);
  if (own.length) return own;
  let root = units.get(issuingUnitId);
  while (root?.parentId && units.has(root.parentId)) root = units.get(root.parentId);
  return root && root.id !== issuingUnitId ? under(root.id) : [];
}

/**
 * Suggested reporting units of a target: the lead units of the plan's tasks that serve it
 * (its pillar), then, for a target "cấp xã", every commune of the issuing unit. Units not
 * in force today are left out; each unit once, with its first reason.
 */
export function suggestTargetUnits(
  target: ReportingTargetLike & { scope: string | null; text: string },
  basis: {
    tasks: readonly ReportingTaskLike[];
    units: ReadonlyMap<string, SuggestionUnit>;
    issuingUnitId: string;
    today: string;
  },
): TargetUnitSuggestion[] {
  const out = new Map<string, TargetUnitSuggestion>();
  const inForce = (id: string) => {
    const u = basis.units.get(id);
    return u !== undefined && isInForce(u, basis.today);
  };
  for (const task of basis.tasks) {
    if (task.pillar !== target.pillar || !task.leadUnitId || !inForce(task.leadUnitId)) continue;
    if (!out.has(task.leadUnitId)) out.set(task.leadUnitId, { unitId: task.leadUnitId, reason: "task_lead" });
  }
  if (reachesCommunes(target)) {
    for (const id of communesOf(basis.units, basis.issuingUnitId, basis.today))
      if (!out.has(id)) out.set(id, { unitId: id, reason: "commune_scope" });
  }
  return [...out.values()];
}

/** The targets no unit reports: what publishing refuses unless the issuing unit reports them itself. */
export function targetsWithoutUnits<G extends { key: string }>(
  targets: readonly G[],
  assignments: readonly TargetAssignmentLike[],
): G[] {
  const assigned = new Set(assignments.map((a) => a.targetKey));
  return targets.filter((t) => !assigned.has(t.key));
}
