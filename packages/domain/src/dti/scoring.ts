import type { DtiBand, DtiNode, DtiRule } from "./framework.ts";
import { roundPoints } from "./framework.ts";

/** What a unit entered for one criterion (only the fields its rule uses count). */
export interface DtiEntry {
  value?: number | null;
  level?: string | null;
  numerator?: number | null;
  denominator?: number | null;
  achieved?: boolean | null;
}

function bandPoints(bands: readonly DtiBand[], figure: number): number {
  let best: DtiBand | null = null;
  for (const b of bands) if (figure >= b.min && (!best || b.min > best.min)) best = b;
  return best ? best.points : 0;
}

const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Points of one scored leaf from the unit's entry (for `indicator`, `entry.value` is the
 * figure from the reports), between 0 and `maxPoints`; null when nothing scoreable was
 * entered (no level chosen, b = 0 or missing …).
 */
export function scoreLeaf(
  rule: DtiRule,
  maxPoints: number,
  entry: DtiEntry | null | undefined,
): number | null {
  if (!entry) return null;
  let points: number | null = null;
  switch (rule.kind) {
    case "levels": {
      const level = rule.levels.find((l) => l.key === entry.level);
      points = level ? level.points : null;
      break;
    }
    case "ratio": {
      const { numerator: a, denominator: b } = entry;
      if (!finite(a) || !finite(b) || b <= 0 || a < 0) break;
      const ratio = Math.min(1, a / b);
      points = rule.scale === "linear" ? maxPoints * ratio : bandPoints(rule.bands, ratio * 100);
      break;
    }
    case "boolean":
      if (typeof entry.achieved === "boolean") points = entry.achieved ? maxPoints : 0;
      break;
    case "thresholds":
      if (finite(entry.value)) points = bandPoints(rule.thresholds, entry.value);
      break;
    case "indicator":
      if (!finite(entry.value)) break;
      points =
        rule.scale === "linear"
          ? maxPoints * Math.max(0, Math.min(1, entry.value / rule.target))
          : bandPoints(rule.bands, entry.value);
      break;
    default:
      return null;
  }
  return points === null ? null : roundPoints(points, maxPoints);
}

/** Points / maximum in 0–1 (4 decimals); 0 for a node without points to earn. */
export function normalise(points: number, maxPoints: number): number {
  if (!(maxPoints > 0) || !Number.isFinite(points)) return 0;
  return Math.max(0, Math.min(1, Math.round((points / maxPoints) * 10_000) / 10_000));
}

/** A node's score: `complete` when every leaf below it had points (none missing). */
export interface DtiNodeScoreResult {
  code: string;
  points: number;
  maxPoints: number;
  normalised: number;
  complete: boolean;
  children: DtiNodeScoreResult[];
}

/**
 * Scores a tree from its leaves' points (null: not scored, counts 0 and makes the
 * ancestors incomplete). `sum` adds the children (capped at the maximum), `average` is
 * the mean of the children's normalised scores × maximum, `weighted` the weighted mean.
 */
export function scoreTree(
  nodes: readonly DtiNode[],
  leafPoints: (code: string) => number | null | undefined,
): DtiNodeScoreResult[] {
  return nodes.map((n) => {
    if (n.children.length === 0) {
      const p = leafPoints(n.code);
      const points = finite(p) ? roundPoints(p, n.maxPoints) : 0;
      return {
        code: n.code,
        points,
        maxPoints: n.maxPoints,
        normalised: normalise(points, n.maxPoints),
        complete: finite(p),
        children: [],
      };
    }
    const children = scoreTree(n.children, leafPoints);
    let raw: number;
    if (n.rule.kind === "average") {
      raw = (children.reduce((s, c) => s + c.normalised, 0) / children.length) * n.maxPoints;
    } else if (n.rule.kind === "weighted") {
      const weights = n.children.map((c) => Math.max(0, c.weight ?? 0));
      const total = weights.reduce((s, w) => s + w, 0);
      raw =
        total > 0
          ? (children.reduce((s, c, i) => s + c.normalised * (weights[i] ?? 0), 0) / total) * n.maxPoints
          : 0;
    } else {
      raw = children.reduce((s, c) => s + c.points, 0);
    }
    const points = roundPoints(raw, n.maxPoints);
    return {
      code: n.code,
      points,
      maxPoints: n.maxPoints,
      normalised: normalise(points, n.maxPoints),
      complete: children.every((c) => c.complete),
      children,
    };
  });
}

/** The total of a scored tree: its top nodes added up. */
export function treeTotal(scores: readonly DtiNodeScoreResult[]): {
  points: number;
  maxPoints: number;
  normalised: number;
  complete: boolean;
} {
  const maxPoints = roundPoints(scores.reduce((s, n) => s + n.maxPoints, 0));
  const points = roundPoints(
    scores.reduce((s, n) => s + n.points, 0),
    maxPoints,
  );
  return {
    points,
    maxPoints,
    normalised: normalise(points, maxPoints),
    complete: scores.every((s) => s.complete),
  };
}

/** Every node's score by code. */
export function scoresByCode(scores: readonly DtiNodeScoreResult[]): Map<string, DtiNodeScoreResult> {
  const out = new Map<string, DtiNodeScoreResult>();
  const walk = (list: readonly DtiNodeScoreResult[]) => {
    for (const s of list) {
      out.set(s.code, s);
      walk(s.children);
    }
  };
  walk(scores);
  return out;
}
