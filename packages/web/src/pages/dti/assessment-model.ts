/**
 * The self-assessment's draft: what the unit typed per criterion, the payload a save
 * sends, and the self score each entry earns (the domain's own rule, so the form shows
 * the points the server will compute).
 */
import type { TDtiAnswer, TDtiAssessment, TDtiCriterion, TDtiEntryInput } from "@dtplan/contracts/dti.ts";
import type { DtiRule } from "@dtplan/domain/dti/framework.ts";
import { scoreLeaf } from "@dtplan/domain/dti/scoring.ts";

/** What the unit typed for a criterion: the answer a save sends. */
export type EntryDraft = TDtiAnswer;

export type Draft = Record<string, EntryDraft>;

/** Criteria the unit fills (automatic ones take their figure from approved reports). */
export const isManual = (c: TDtiCriterion) => c.rule.kind !== "indicator";

export function draftFromAssessment(a: TDtiAssessment): Draft {
  return Object.fromEntries(
    a.criteria.map((c) => [
      c.code,
      {
        value: c.entry.value,
        level: c.entry.level,
        numerator: c.entry.numerator,
        denominator: c.entry.denominator,
        achieved: c.entry.achieved,
        explanation: c.entry.explanation,
        evidence: c.entry.evidence,
      },
    ]),
  );
}

export function entryInput(code: string, d: EntryDraft): TDtiEntryInput {
  return {
    code,
    value: d.value,
    level: d.level,
    numerator: d.numerator,
    denominator: d.denominator,
    achieved: d.achieved,
    explanation: d.explanation,
    evidence: d.evidence.map((e) => e.link),
  };
}

/** Points the entry earns under the criterion's rule (null: nothing scoreable entered yet). */
export function previewPoints(c: TDtiCriterion, d: EntryDraft | undefined): number | null {
  if (!isManual(c)) return c.selfPoints;
  return scoreLeaf(c.rule as DtiRule, c.maxPoints, d ?? null);
}

/** A ratio's a/b as a percentage, or null when it cannot be computed. */
export function ratioPercent(d: EntryDraft): number | null {
  if (d.numerator === null || d.denominator === null || d.denominator <= 0) return null;
  return (d.numerator / d.denominator) * 100;
}

/** What is wrong with an entry before it is sent (message keys), by field. */
export function entryProblem(c: TDtiCriterion, d: EntryDraft): "dti.err.ratio" | null {
  if (
    c.rule.kind === "ratio" &&
    d.numerator !== null &&
    d.denominator !== null &&
    d.numerator > d.denominator
  )
    return "dti.err.ratio";
  return null;
}

/** Criteria of a manual rule with nothing scoreable entered (the unit is told before submitting). */
export function missingEntries(criteria: readonly TDtiCriterion[], draft: Draft): TDtiCriterion[] {
  return criteria.filter((c) => isManual(c) && previewPoints(c, draft[c.code]) === null);
}

/** code → name of every node of the scoresheet (for the headings above criteria). */
export function nodeNames(a: TDtiAssessment): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (nodes: TDtiAssessment["scores"]) => {
    for (const n of nodes) {
      names.set(n.code, n.name);
      walk(n.children);
    }
  };
  walk(a.scores);
  return names;
}
