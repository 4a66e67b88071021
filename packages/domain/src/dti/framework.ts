import { DTI_AGGREGATE_RULE_KINDS, type DtiNodeKind, type DtiRuleKind, type DtiScale } from "./lists.ts";

/** A band or threshold: from `min` (inclusive) up, `points`. */
export interface DtiBand {
  min: number;
  points: number;
}

/** Cách tính điểm of one node (see DTI_RULE_KINDS). */
export type DtiRule =
  | { kind: "levels"; levels: { key: string; points: number; description: string }[] }
  | { kind: "ratio"; numeratorLabel: string; denominatorLabel: string; scale: DtiScale; bands: DtiBand[] }
  | { kind: "boolean"; yesLabel: string }
  | { kind: "thresholds"; unit: string; thresholds: DtiBand[] }
  | { kind: "indicator"; indicatorCode: string; scale: DtiScale; target: number; bands: DtiBand[] }
  | { kind: "sum" }
  | { kind: "average" }
  | { kind: "weighted" };

/** A node as written: maxima of aggregates may be left out (a `sum` node's is always computed). */
export interface DtiNodeDef {
  code: string;
  name: string;
  kind: DtiNodeKind;
  maxPoints?: number | null;
  weight?: number | null;
  rule: DtiRule;
  evidenceRequired?: string;
  guidance?: string;
  children?: DtiNodeDef[];
}

/** A node with its maximum resolved. */
export interface DtiNode {
  code: string;
  name: string;
  kind: DtiNodeKind;
  maxPoints: number;
  weight: number | null;
  rule: DtiRule;
  evidenceRequired: string;
  guidance: string;
  children: DtiNode[];
}

export function isAggregateRule(kind: DtiRuleKind): boolean {
  return (DTI_AGGREGATE_RULE_KINDS as readonly string[]).includes(kind);
}

/** Highest points a rule can give on its own (levels, bands, thresholds), or null when it scales to the maximum. */
export function rulePointsCeiling(rule: DtiRule): number | null {
  switch (rule.kind) {
    case "levels":
      return Math.max(0, ...rule.levels.map((l) => l.points));
    case "thresholds":
      return Math.max(0, ...rule.thresholds.map((t) => t.points));
    case "ratio":
    case "indicator":
      return rule.scale === "banded" ? Math.max(0, ...rule.bands.map((b) => b.points)) : null;
    default:
      return null;
  }
}

/** Rounds points to hundredths (the decisions publish 885.58), never above `max`. */
export function roundPoints(points: number, max = Number.POSITIVE_INFINITY): number {
  const r = Math.round(points * 100) / 100;
  return Math.max(0, Math.min(max, r));
}

/** Resolves every node's maximum: typed on leaves, the children's sum for `sum` (and by default for the others). */
export function resolveFramework(defs: readonly DtiNodeDef[]): DtiNode[] {
  return defs.map((d) => {
    const children = resolveFramework(d.children ?? []);
    const childSum = roundPoints(children.reduce((s, c) => s + c.maxPoints, 0));
    let maxPoints: number;
    if (d.rule.kind === "sum") maxPoints = childSum;
    else if (isAggregateRule(d.rule.kind)) maxPoints = d.maxPoints ?? childSum;
    else maxPoints = d.maxPoints ?? 0;
    return {
      code: d.code,
      name: d.name,
      kind: d.kind,
      maxPoints,
      weight: d.weight ?? null,
      rule: d.rule,
      evidenceRequired: d.evidenceRequired ?? "",
      guidance: d.guidance ?? "",
      children,
    };
  });
}

/** A problem with a framework as written, at the node whose code is given (its path of codes). */
export interface FrameworkProblem {
  path: string[];
  field: "code" | "maxPoints" | "rule" | "children" | "weight";
  message: string;
}

/**
 * What is wrong with a framework as written, in Vietnamese, empty when it is sound:
 * codes unique, aggregates have children and leaves do not, leaves have a maximum and
 * no level, band or threshold above it, levels' keys unique.
 */
export function frameworkProblems(defs: readonly DtiNodeDef[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  const walk = (nodes: readonly DtiNodeDef[], parents: string[], parentRule: DtiRuleKind | null) => {
    for (const n of nodes) {
      const path = [...parents, n.code];
      const at = (field: FrameworkProblem["field"], message: string) =>
        problems.push({ path, field, message });
      if (seen.has(n.code)) at("code", `Mã "${n.code}" bị trùng trong bộ chỉ số`);
      seen.add(n.code);
      const children = n.children ?? [];
      if (isAggregateRule(n.rule.kind)) {
        if (children.length === 0)
          at("children", `Chỉ số "${n.code}" tính từ các mục con nhưng không có mục con`);
        if (n.maxPoints !== null && n.maxPoints !== undefined && n.rule.kind !== "sum" && n.maxPoints <= 0) {
          at("maxPoints", `Điểm tối đa của "${n.code}" phải lớn hơn 0`);
        }
      } else {
        if (children.length > 0) {
          at(
            "rule",
            `Chỉ số "${n.code}" có mục con nên phải tính bằng tổng, trung bình hoặc bình quân trọng số`,
          );
        }
        if (n.maxPoints === null || n.maxPoints === undefined || n.maxPoints < 0) {
          at("maxPoints", `Nhập điểm tối đa của tiêu chí "${n.code}"`);
        } else {
          const ceiling = rulePointsCeiling(n.rule);
          if (ceiling !== null && ceiling > n.maxPoints) {
            at("rule", `Tiêu chí "${n.code}" có mức ${ceiling} điểm, vượt điểm tối đa ${n.maxPoints}`);
          }
        }
        if (n.rule.kind === "levels") {
          const keys = n.rule.levels.map((l) => l.key);
          if (new Set(keys).size !== keys.length) at("rule", `Các mức của "${n.code}" có mã trùng nhau`);
        }
        if ((n.rule.kind === "ratio" || n.rule.kind === "indicator") && n.rule.scale === "banded") {
          if (n.rule.bands.length === 0)
            at("rule", `Tiêu chí "${n.code}" tính theo khoảng nhưng chưa có khoảng nào`);
        }
      }
      if (parentRule === "weighted" && (n.weight === null || n.weight === undefined)) {
        at("weight", `Nhập trọng số của "${n.code}" (mục cha tính bình quân có trọng số)`);
      }
      walk(children, path, n.rule.kind);
    }
  };
  walk(defs, [], null);
  return problems;
}

/** Every node depth-first with the codes of its ancestors (top first). */
export function flattenNodes<T extends { code: string; children: T[] }>(
  nodes: readonly T[],
  parents: string[] = [],
): { node: T; path: string[] }[] {
  return nodes.flatMap((node) => [
    { node, path: parents },
    ...flattenNodes(node.children, [...parents, node.code]),
  ]);
}

/** The scored leaves (criteria and leaf sub-indices) in order. */
export function scoredLeaves(nodes: readonly DtiNode[]): { node: DtiNode; path: string[] }[] {
  return flattenNodes(nodes).filter((x) => x.node.children.length === 0);
}

/** The nodes a ranking shows: pillars and main indices (any depth where they are). */
export function rankingColumns(nodes: readonly DtiNode[]): {
  pillars: { node: DtiNode; parentCode: string | null }[];
  indices: { node: DtiNode; parentCode: string | null }[];
} {
  const all = flattenNodes(nodes);
  const parentOf = (path: string[]) => (path.length ? (path[path.length - 1] ?? null) : null);
  return {
    pillars: all
      .filter((x) => x.node.kind === "pillar")
      .map((x) => ({ node: x.node, parentCode: parentOf(x.path) })),
    indices: all
      .filter((x) => x.node.kind === "main_index")
      .map((x) => ({ node: x.node, parentCode: parentOf(x.path) })),
  };
}

/** Total maximum of a framework: the sum of its top nodes' maxima. */
export function frameworkMaxPoints(nodes: readonly DtiNode[]): number {
  return roundPoints(nodes.reduce((s, n) => s + n.maxPoints, 0));
}
