/**
 * Đơn vị — a node of the organisation tree. Dates are ISO `YYYY-MM-DD`; a unit is
 * in force from `validFrom` (inclusive, null = always) to `validTo` (inclusive,
 * null = still in force).
 */
export interface OrgUnitNode {
  id: string;
  parentId: string | null;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A merge, split or rename: `successorId` carries on from `predecessorId`. */
export interface UnitLineageEdge {
  predecessorId: string;
  successorId: string;
  effectiveDate: string;
}

export function isInForce(unit: Pick<OrgUnitNode, "validFrom" | "validTo">, onDate: string): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= onDate) && (unit.validTo === null || unit.validTo >= onDate)
  );
}

/** The day before an ISO date: a unit merged "from 1/7/2025" is last in force on 30/6/2025. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The unit itself, then its parent, up to the root. Stops on a cycle rather than looping. */
export function ancestorPath(
  units: ReadonlyMap<string, Pick<OrgUnitNode, "id" | "parentId">>,
  unitId: string,
): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    path.push(current.id);
    seen.add(current.id);
    current = current.parentId ? units.get(current.parentId) : undefined;
  }
  return path;
}

/** Whether moving `unitId` under `newParentId` would put a unit beneath itself. */
export function wouldCreateCycle(
  units: ReadonlyMap<string, Pick<OrgUnitNode, "id" | "parentId">>,
  unitId: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  return ancestorPath(units, newParentId).includes(unitId);
}

/** Every unit below `rootId` (not itself), breadth first. */
export function descendants(units: Iterable<Pick<OrgUnitNode, "id" | "parentId">>, rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out: string[] = [];
  const queue = [rootId];
  const seen = new Set([rootId]);
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/**
 * The units whose history a unit inherits: its predecessors through merges and
 * splits, transitively, itself included. A commune formed on 1/7/2025 from three
 * old ones sees their data; each old one still shows its own under its old name.
 */
export function lineageOf(edges: readonly UnitLineageEdge[], unitId: string): string[] {
  const bySuccessor = new Map<string, string[]>();
  for (const e of edges) {
    const list = bySuccessor.get(e.successorId) ?? [];
    list.push(e.predecessorId);
    bySuccessor.set(e.successorId, list);
  }
  const out = [unitId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const p of bySuccessor.get(out[i]) ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        out.push(p);
      }
    }
  }
  return out;
}

/**
 * The units in force on `onDate` that carry on from `unitId` (đơn vị kế thừa): its
 * successors through the lineage, followed past successors that closed in turn.
 * Empty for a unit closed without one (giải thể). Sorted by Vietnamese name.
 */
export function successorsInForce(
  units: ReadonlyMap<string, Pick<OrgUnitNode, "id" | "name" | "validTo">>,
  edges: readonly Pick<UnitLineageEdge, "predecessorId" | "successorId">[],
  unitId: string,
  onDate: string,
): { id: string; name: string }[] {
  const out = new Map<string, { id: string; name: string }>();
  const seen = new Set<string>([unitId]);
  let frontier = [unitId];
  while (frontier.length) {
    const next: string[] = [];
    for (const edge of edges) {
      if (!frontier.includes(edge.predecessorId) || seen.has(edge.successorId)) continue;
      seen.add(edge.successorId);
      const unit = units.get(edge.successorId);
      if (!unit) continue;
      if (unit.validTo === null || unit.validTo >= onDate) out.set(unit.id, { id: unit.id, name: unit.name });
      else next.push(unit.id);
    }
    frontier = next;
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
