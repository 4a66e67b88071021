/**
 * The framework editor's tree: nodes as written (`TDtiNodeInput`) with a key each, and
 * the pure edits the editor makes (change a node, add a child, remove, move). Maxima of
 * aggregates and problems come from the domain (`resolveFramework`, `frameworkProblems`),
 * the same functions the server uses.
 */
import type { TDtiNode, TDtiNodeInput, TDtiNodeKind, TDtiRule, TDtiRuleKind } from "@dtplan/contracts/dti.ts";
import {
  type DtiNodeDef,
  type FrameworkProblem,
  frameworkProblems,
  isAggregateRule,
  resolveFramework,
} from "@dtplan/domain/dti/framework.ts";

export interface EditNode extends Omit<TDtiNodeInput, "children"> {
  key: string;
  children: EditNode[];
}

let nextKey = 0;
const newKey = () => `n${++nextKey}`;

export function fromFramework(nodes: readonly TDtiNode[]): EditNode[] {
  return nodes.map((n) => ({
    key: newKey(),
    code: n.code,
    name: n.name,
    kind: n.kind,
    // An aggregate's maximum is computed from its children unless it was typed.
    maxPoints: n.rule.kind === "sum" ? null : n.maxPoints,
    weight: n.weight,
    rule: n.rule,
    evidenceRequired: n.evidenceRequired,
    guidance: n.guidance,
    children: fromFramework(n.children),
  }));
}

export function toInput(nodes: readonly EditNode[]): TDtiNodeInput[] {
  return nodes.map(({ key: _key, children, ...n }) => ({
    ...n,
    maxPoints: n.rule.kind === "sum" ? null : (n.maxPoints ?? null),
    children: toInput(children),
  }));
}

export function findNode(nodes: readonly EditNode[], key: string): EditNode | null {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = findNode(n.children, key);
    if (hit) return hit;
  }
  return null;
}

export function updateNode(nodes: readonly EditNode[], key: string, patch: Partial<EditNode>): EditNode[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, ...patch } : { ...n, children: updateNode(n.children, key, patch) },
  );
}

export function removeNode(nodes: readonly EditNode[], key: string): EditNode[] {
  return nodes.filter((n) => n.key !== key).map((n) => ({ ...n, children: removeNode(n.children, key) }));
}

/** Moves a node one place up (-1) or down (+1) among its siblings. */
export function moveNode(nodes: readonly EditNode[], key: string, by: -1 | 1): EditNode[] {
  const i = nodes.findIndex((n) => n.key === key);
  if (i >= 0) {
    const j = i + by;
    if (j < 0 || j >= nodes.length) return [...nodes];
    const next = [...nodes];
    [next[i], next[j]] = [next[j], next[i]];
    return next;
  }
  return nodes.map((n) => ({ ...n, children: moveNode(n.children, key, by) }));
}

const CHILD_KIND: Record<TDtiNodeKind, TDtiNodeKind> = {
  pillar: "main_index",
  main_index: "sub_index",
  sub_index: "criterion",
  criterion: "criterion",
};

export function defaultRule(kind: TDtiRuleKind): TDtiRule {
  switch (kind) {
    case "levels":
      return {
        kind,
        levels: [
          { key: "a", points: 10, description: "Đạt đầy đủ" },
          { key: "b", points: 5, description: "Đạt một phần" },
          { key: "c", points: 0, description: "Không đạt" },
        ],
      };
    case "ratio":
      return { kind, numeratorLabel: "a", denominatorLabel: "b", scale: "linear", bands: [] };
    case "boolean":
      return { kind, yesLabel: "Có" };
    case "thresholds":
      return { kind, unit: "", thresholds: [{ min: 1, points: 10 }] };
    case "indicator":
      return { kind, indicatorCode: "", scale: "linear", target: 100, bands: [] };
    default:
      return { kind } as TDtiRule;
  }
}

/**
 * Adds a child under `parentKey` (a criterion by default, 10 points, levels) — or a top
 * node when `parentKey` is null. A leaf that gets a child becomes a sum of its children.
 */
export function addChild(
  nodes: readonly EditNode[],
  parentKey: string | null,
  code: string,
): { nodes: EditNode[]; key: string } {
  const key = newKey();
  const make = (kind: TDtiNodeKind): EditNode => ({
    key,
    code,
    name: "",
    kind,
    maxPoints: 10,
    weight: null,
    rule: defaultRule("levels"),
    evidenceRequired: "",
    guidance: "",
    children: [],
  });
  if (parentKey === null) {
    const top = { ...make("main_index"), maxPoints: null, rule: { kind: "sum" } as TDtiRule };
    return { nodes: [...nodes, top], key };
  }
  const walk = (list: readonly EditNode[]): EditNode[] =>
    list.map((n) => {
      if (n.key !== parentKey) return { ...n, children: walk(n.children) };
      const aggregate = isAggregateRule(n.rule.kind);
      return {
        ...n,
        rule: aggregate ? n.rule : ({ kind: "sum" } as TDtiRule),
        maxPoints: aggregate ? n.maxPoints : null,
        // Like its siblings when it has some (a main index may hold criteria directly).
        children: [...n.children, make(n.children[0]?.kind ?? CHILD_KIND[n.kind])],
      };
    });
  return { nodes: walk(nodes), key };
}

/** The next free code under a parent: "3" → "3.4" after "3.1"–"3.3". */
export function nextCode(nodes: readonly EditNode[], parent: EditNode | null): string {
  const siblings = parent ? parent.children : nodes;
  const prefix = parent ? `${parent.code}.` : "";
  const used = new Set(flatten(nodes).map((n) => n.code));
  for (let i = siblings.length + 1; ; i++) {
    const code = `${prefix}${i}`;
    if (!used.has(code)) return code;
  }
}

export function flatten(nodes: readonly EditNode[]): EditNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Every node's maximum as computed (aggregates from their children), by key. */
export function computedMaxima(nodes: readonly EditNode[]): Map<string, number> {
  const resolved = resolveFramework(toInput(nodes) as DtiNodeDef[]);
  const out = new Map<string, number>();
  const walk = (edit: readonly EditNode[], res: ReturnType<typeof resolveFramework>) => {
    edit.forEach((n, i) => {
      const r = res[i];
      if (!r) return;
      out.set(n.key, r.maxPoints);
      walk(n.children, r.children);
    });
  };
  walk(nodes, resolved);
  return out;
}

export function problemsOf(nodes: readonly EditNode[]): FrameworkProblem[] {
  return frameworkProblems(toInput(nodes) as DtiNodeDef[]);
}

/**
 * The criterion a validation issue is about, by its code and name ("2.1 Ban hành kế hoạch"),
 * found by walking the path through what was sent; null for the framework itself.
 */
export function nodeNamed(input: unknown, path: readonly PropertyKey[]): string | null {
  let at: unknown = input;
  let named: string | null = null;
  for (const step of path) {
    if (at === null || typeof at !== "object") break;
    at = (at as Record<PropertyKey, unknown>)[step];
    const node = at as { code?: unknown; name?: unknown } | null;
    if (node && typeof node === "object" && typeof node.code === "string" && "rule" in node)
      named = `${node.code} ${typeof node.name === "string" ? node.name : ""}`.trim();
  }
  return named;
}
