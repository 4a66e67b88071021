/** One thing ranked: its id, a name for the tie order, and its score. */
export interface Rankable {
  id: string;
  name: string;
  score: number;
}

const KEY = (score: number) => Math.round(score * 10_000);

/**
 * Xếp hạng: highest score first; equal scores (to 4 decimals) share the rank of the
 * first of them and the next rank skips ("1, 2, 2, 4"); ties are listed by name, then id,
 * so the order never depends on the input's.
 */
export function rank<T extends Rankable>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort(
    (a, b) =>
      KEY(b.score) - KEY(a.score) ||
      a.name.localeCompare(b.name, "vi") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let previousKey: number | null = null;
  let previousRank = 0;
  return sorted.map((item, i) => {
    const key = KEY(item.score);
    const r = key === previousKey ? previousRank : i + 1;
    previousKey = key;
    previousRank = r;
    return { ...item, rank: r };
  });
}

/** A previous-year value through the org lineage. */
export interface PreviousValue {
  value: number;
  basis: "same" | "lineage";
  /** The predecessors whose values were averaged (basis `lineage`). */
  predecessors: string[];
}

/**
 * The value a unit had last year: its own when it was assessed, else — a unit formed by
 * merging — the average of its predecessors' values (as the national ranking compared the
 * merged provinces), following the lineage back through units that had none themselves.
 * Null when neither it nor any predecessor has a value.
 */
export function previousThroughLineage(
  unitId: string,
  previous: ReadonlyMap<string, number>,
  predecessorsOf: (unitId: string) => readonly string[],
): PreviousValue | null {
  const own = previous.get(unitId);
  if (own !== undefined) return { value: own, basis: "same", predecessors: [] };
  const seen = new Set<string>([unitId]);
  const lookUp = (id: string): { value: number; units: string[] } | null => {
    const v = previous.get(id);
    if (v !== undefined) return { value: v, units: [id] };
    const parts = predecessorsOf(id)
      .filter((p) => !seen.has(p))
      .map((p) => {
        seen.add(p);
        return lookUp(p);
      })
      .filter((x): x is { value: number; units: string[] } => x !== null);
    if (parts.length === 0) return null;
    return {
      value: parts.reduce((s, p) => s + p.value, 0) / parts.length,
      units: parts.flatMap((p) => p.units),
    };
  };
  const found = lookUp(unitId);
  return found ? { value: found.value, basis: "lineage", predecessors: found.units } : null;
}
