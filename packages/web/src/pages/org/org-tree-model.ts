/**
 * The organisation tree as the screen shows it, built from the flat list the API
 * returns. Pure (no React, no DOM) so it is tested in Node.
 */
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { descendants } from "@dtplan/domain/org/tree.ts";
import { matchesFolded } from "../../lib/fold.ts";

export interface UnitNode {
  unit: TOrgUnit;
  children: UnitNode[];
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

function byName(a: UnitNode, b: UnitNode): number {
  return collator.compare(a.unit.name, b.unit.name);
}

/** Roots are units without a parent or whose parent is not in the list (e.g. outside the user's scope). */
export function buildUnitTree(units: readonly TOrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: UnitNode[]) => {
    list.sort(byName);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

export type UnitState = "active" | "closed" | "future";

/** Whether a unit is in force on `isoDate`, ended before it, or starts after it. */
export function unitStateOn(unit: Pick<TOrgUnit, "validFrom" | "validTo">, isoDate: string): UnitState {
  if (unit.validTo !== null && unit.validTo < isoDate) return "closed";
  if (unit.validFrom !== null && unit.validFrom > isoDate) return "future";
  return "active";
}

export interface FilteredTree {
  roots: UnitNode[];
  /** Ids of the units whose name, short name or code matches. */
  matches: Set<string>;
  /** Ids to expand so every match is visible. */
  expand: string[];
}

function unitMatches(unit: TOrgUnit, query: string): boolean {
  return matchesFolded(`${unit.name} ${unit.shortName ?? ""} ${unit.code}`, query);
}

/**
 * Keeps the matching units, their ancestors (to show where they sit) and their
 * whole subtree (so a matched province still opens onto its communes). Search
 * folds diacritics: "van hoa" finds "Văn hóa".
 */
export function filterUnitTree(roots: readonly UnitNode[], query: string): FilteredTree {
  const matches = new Set<string>();
  const expand = new Set<string>();
  if (query.trim() === "") return { roots: [...roots], matches, expand: [] };

  const visit = (node: UnitNode, ancestors: string[]): UnitNode | null => {
    if (unitMatches(node.unit, query)) {
      matches.add(node.unit.id);
      for (const id of ancestors) expand.add(id);
      // Matches below a match are highlighted too, without cutting the subtree.
      const markBelow = (n: UnitNode, path: string[]) => {
        for (const c of n.children) {
          if (unitMatches(c.unit, query)) {
            matches.add(c.unit.id);
            for (const id of path) expand.add(id);
          }
          markBelow(c, [...path, c.unit.id]);
        }
      };
      markBelow(node, [...ancestors, node.unit.id]);
      return node;
    }
    const kept = node.children
      .map((c) => visit(c, [...ancestors, node.unit.id]))
      .filter((c): c is UnitNode => c !== null);
    return kept.length > 0 ? { unit: node.unit, children: kept } : null;
  };

  const kept = roots.map((r) => visit(r, [])).filter((r): r is UnitNode => r !== null);
  return { roots: kept, matches, expand: [...expand] };
}

/** Every id in the subtree of `id` (itself excluded). */
export function descendantIds(units: readonly TOrgUnit[], id: string): Set<string> {
  return new Set(descendants(units, id));
}

/** The ids from the root down to the unit's parent: what to expand to reveal it. */
export function ancestorIds(units: readonly TOrgUnit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && !seen.has(parentId)) {
    path.unshift(parentId);
    seen.add(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return path;
}

/** Splits `text` around the folded matches of `query`, for highlighting. */
export function highlightParts(text: string, query: string): { text: string; hit: boolean }[] {
  const words = query
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return [{ text, hit: false }];
  // Fold char by char so indices in the folded text map back to the original.
  const folded = [...text].map((ch) =>
    ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase(),
  );
  const chars = [...text];
  const hits = new Array<boolean>(chars.length).fill(false);
  const flat = folded.join("");
  // Map each folded position back to its original character.
  const owner: number[] = [];
  folded.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = flat.indexOf(w, from);
      if (at < 0) break;
      for (let k = at; k < at + w.length; k++) hits[owner[k]] = true;
      from = at + w.length;
    }
  }
  const parts: { text: string; hit: boolean }[] = [];
  chars.forEach((ch, i) => {
    const last = parts[parts.length - 1];
    if (last && last.hit === hits[i]) last.text += ch;
    else parts.push({ text: ch, hit: hits[i] });
  });
  return parts;
}

/**
 * What a picker for new work offers: units not closed on `today`; a closed unit only when
 * it is already chosen (history shows under its old name) or holds a unit in force below
 * it (the tree stays whole) — and then it cannot be chosen.
 */
export function pickableUnits(
  units: readonly TOrgUnit[],
  selected: ReadonlySet<string>,
  today: string,
): { units: TOrgUnit[]; closed: Set<string> } {
  const closed = new Set(units.filter((u) => unitStateOn(u, today) === "closed").map((u) => u.id));
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const u of units) {
    if (closed.has(u.id) && !selected.has(u.id)) continue;
    // Walk up so the unit's closed ancestors stay as (unselectable) branches.
    for (
      let at: TOrgUnit | undefined = u;
      at && !keep.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      keep.add(at.id);
  }
  return { units: units.filter((u) => keep.has(u.id)), closed };
}
