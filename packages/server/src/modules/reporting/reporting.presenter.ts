import type { OrgUnitRow, PlanHead } from "../../db/schema.ts";

/** A plan as the head of an answer: code, title and the unit that issued it. */
export function planHeading(plan: PlanHead, units: ReadonlyMap<string, OrgUnitRow>) {
  return {
    code: plan.code,
    title: plan.title,
    unit: { id: plan.unitId, name: units.get(plan.unitId)?.name ?? "—" },
  };
}

/** A person reference from an id and the names loaded for the answer. */
export const person = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? "—" } : null;
