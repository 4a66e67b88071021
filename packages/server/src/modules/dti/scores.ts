import type { TDtiAutomaticSource } from "@dtplan/contracts";
import { type DtiNode, resolveFramework, scoredLeaves } from "@dtplan/domain/dti/framework.ts";
import { type DtiNodeScoreResult, scoreLeaf, scoreTree, treeTotal } from "@dtplan/domain/dti/scoring.ts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import type { Database } from "../../db/database.ts";
import {
  approvedFigures,
  type EntryRow,
  frameworkTrees,
  indicatorNames,
  type ReportFigure,
  type RoundRow,
  roundEntries,
} from "./dti.repository.ts";

/** One scored leaf of one unit: the self score, the verified score, and where an automatic figure came from. */
export interface LeafScore {
  selfPoints: number | null;
  verifiedPoints: number | null;
  automatic: TDtiAutomaticSource | null;
}

/** A unit's scores in a round: per leaf, and the tree under three views. */
export interface UnitScores {
  unitId: string;
  leaves: Map<string, LeafScore>;
  self: DtiNodeScoreResult[];
  verified: DtiNodeScoreResult[];
  /** What the ranking counts: verified where verified, else self (published rounds: verified only). */
  counted: DtiNodeScoreResult[];
  selfTotal: ReturnType<typeof treeTotal>;
  verifiedTotal: ReturnType<typeof treeTotal>;
  countedTotal: ReturnType<typeof treeTotal>;
}

/** A round's framework resolved, with its scored leaves and the indicators its automatic ones read. */
export interface RoundFramework {
  nodes: DtiNode[];
  leaves: { node: DtiNode; path: string[] }[];
  indicatorCodes: string[];
}

export async function roundFramework(db: Database, round: RoundRow): Promise<RoundFramework> {
  const defs = (await frameworkTrees(db, round.tenantId, [round.frameworkId])).get(round.frameworkId) ?? [];
  const nodes = resolveFramework(defs);
  const leaves = scoredLeaves(nodes);
  const indicatorCodes = [
    ...new Set(leaves.flatMap((l) => (l.node.rule.kind === "indicator" ? [l.node.rule.indicatorCode] : []))),
  ];
  return { nodes, leaves, indicatorCodes };
}

/** The figure a report gave: the value, or a ratio's percentage. */
export const figureValue = (f: Pick<ReportFigure, "value" | "numerator" | "denominator">): number | null =>
  f.value ?? ratioPercent(f.numerator, f.denominator);

/** Live automatic figures of a round (until it closes, when they are frozen into the entries). */
export async function liveFigures(
  db: Database,
  round: RoundRow,
  framework: RoundFramework,
  unitIds: readonly string[],
): Promise<{ figures: Map<string, ReportFigure>; names: Map<string, string> }> {
  const frozen = round.status === "closed" || round.status === "published";
  const rows = frozen
    ? []
    : await approvedFigures(db, round.tenantId, round.year, unitIds, framework.indicatorCodes);
  const names = await indicatorNames(db, round.tenantId, framework.indicatorCodes);
  return { figures: new Map(rows.map((r) => [`${r.unitId}\u0000${r.indicatorCode}`, r])), names };
}

function automaticSource(
  code: string,
  names: Map<string, string>,
  figure: ReportFigure | undefined,
  entry: EntryRow | undefined,
  frozen: boolean,
): TDtiAutomaticSource {
  if (frozen && entry?.autoSource) return { ...(entry.autoSource as TDtiAutomaticSource), frozen: true };
  return {
    indicatorCode: code,
    indicatorName: names.get(code) ?? code,
    value: figure ? figureValue(figure) : null,
    numerator: figure?.numerator ?? null,
    denominator: figure?.denominator ?? null,
    reportId: figure?.reportId ?? null,
    planCode: figure?.planCode ?? null,
    periodKey: figure?.periodKey ?? null,
    periodLabel: figure?.periodLabel ?? null,
    approvedAt: figure?.approvedAt ?? null,
    frozen,
  };
}

/**
 * Scores every unit of a round from its entries (and, while the round is open, the
 * automatic criteria from approved reports). An accepted criterion's verified score is its
 * self score; an adjusted one has the reviewer's; a returned or unverified one has none.
 * An automatic criterion counts as verified unless a reviewer adjusted or returned it.
 */
export function scoreUnits(
  round: RoundRow,
  framework: RoundFramework,
  unitIds: readonly string[],
  entries: readonly EntryRow[],
  live: { figures: Map<string, ReportFigure>; names: Map<string, string> },
): Map<string, UnitScores> {
  const frozen = round.status === "closed" || round.status === "published";
  const byUnit = new Map<string, Map<string, EntryRow>>();
  for (const e of entries) {
    const m = byUnit.get(e.unitId) ?? new Map<string, EntryRow>();
    m.set(e.nodeCode, e);
    byUnit.set(e.unitId, m);
  }
  const out = new Map<string, UnitScores>();
  for (const unitId of unitIds) {
    const mine = byUnit.get(unitId) ?? new Map<string, EntryRow>();
    const leaves = new Map<string, LeafScore>();
    for (const { node } of framework.leaves) {
      const entry = mine.get(node.code);
      let selfPoints: number | null;
      let automatic: TDtiAutomaticSource | null = null;
      if (node.rule.kind === "indicator") {
        automatic = automaticSource(
          node.rule.indicatorCode,
          live.names,
          live.figures.get(`${unitId}\u0000${node.rule.indicatorCode}`),
          entry,
          frozen,
        );
        selfPoints = scoreLeaf(node.rule, node.maxPoints, { value: automatic.value });
      } else {
        selfPoints = entry ? scoreLeaf(node.rule, node.maxPoints, entry) : null;
      }
      let verifiedPoints: number | null = null;
      const outcome = entry?.verificationOutcome ?? null;
      if (outcome === "adjusted") verifiedPoints = Math.min(node.maxPoints, entry?.verifiedPoints ?? 0);
      // Accepting a criterion with nothing scoreable (no level chosen, no figure in the reports) verifies it at 0.
      else if (outcome === "accepted") verifiedPoints = selfPoints ?? 0;
      else if (outcome === null && node.rule.kind === "indicator") verifiedPoints = selfPoints;
      leaves.set(node.code, { selfPoints, verifiedPoints, automatic });
    }
    const self = scoreTree(framework.nodes, (c) => leaves.get(c)?.selfPoints);
    const verified = scoreTree(framework.nodes, (c) => leaves.get(c)?.verifiedPoints);
    const counted =
      round.status === "published"
        ? verified
        : scoreTree(framework.nodes, (c) => {
            const l = leaves.get(c);
            return l?.verifiedPoints ?? l?.selfPoints;
          });
    out.set(unitId, {
      unitId,
      leaves,
      self,
      verified,
      counted,
      selfTotal: treeTotal(self),
      verifiedTotal: treeTotal(verified),
      countedTotal: treeTotal(counted),
    });
  }
  return out;
}

/** Loads and scores some units of a round (or all of them). */
export async function roundScores(
  db: Database,
  round: RoundRow,
  unitIds: readonly string[],
): Promise<{ framework: RoundFramework; scores: Map<string, UnitScores>; entries: EntryRow[] }> {
  const framework = await roundFramework(db, round);
  const [entries, live] = await Promise.all([
    roundEntries(db, round.tenantId, round.id, unitIds),
    liveFigures(db, round, framework, unitIds),
  ]);
  return { framework, scores: scoreUnits(round, framework, unitIds, entries, live), entries };
}
