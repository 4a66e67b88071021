// Chỉ tiêu tương ứng: which target of the higher (province) plan a target of an implementing
// (commune) plan serves. The same catalogue indicator is the sure match; otherwise the folded
// words of the two texts. A suggestion only; the focal officer confirms or changes it.
import { contentWords } from "../indicators/match-indicator.ts";
import { diceOfTokens, matchTokens } from "../text/fold.ts";

/** Why a target was suggested: the same catalogue indicator, or similar wording. */
export const TARGET_MATCH_BASES = ["indicator", "name"] as const;
export type TargetMatchBasis = (typeof TARGET_MATCH_BASES)[number];

export interface CorrespondingTarget {
  key: string;
  text: string;
  indicatorCode: string | null;
}

export interface TargetMatchSuggestion {
  higherKey: string;
  basis: TargetMatchBasis;
  /** 0..1: word similarity of the two texts (1 for the same words). */
  score: number;
}

/** Word similarity from which two targets on no common indicator are suggested as one. */
export const TARGET_NAME_MATCH_THRESHOLD = 0.6;

const words = (text: string) => contentWords(matchTokens(text));

/**
 * The higher target a lower target most likely serves: among the higher targets on the same
 * catalogue indicator, the closest in wording; without one, the closest in wording at or above
 * `TARGET_NAME_MATCH_THRESHOLD`; else null.
 */
export function suggestHigherTarget(
  lower: CorrespondingTarget,
  higher: readonly CorrespondingTarget[],
): TargetMatchSuggestion | null {
  const own = words(lower.text);
  const scored = higher.map((h) => ({ h, score: diceOfTokens(own, words(h.text)) }));
  const best = (list: typeof scored) =>
    list.reduce<(typeof scored)[number] | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
  const sameIndicator = best(
    scored.filter(({ h }) => lower.indicatorCode && h.indicatorCode === lower.indicatorCode),
  );
  if (sameIndicator)
    return { higherKey: sameIndicator.h.key, basis: "indicator", score: sameIndicator.score };
  const byName = best(scored);
  return byName && byName.score >= TARGET_NAME_MATCH_THRESHOLD
    ? { higherKey: byName.h.key, basis: "name", score: byName.score }
    : null;
}
