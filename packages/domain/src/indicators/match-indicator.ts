import { diceOfTokens, foldVietnamese, matchTokens } from "../text/fold.ts";
import type { Indicator } from "./catalogue.ts";

/** The parts of an extracted target (plan-extract/v1) that matching reads. */
export interface TargetForMatching {
  text: string;
  unit: string | null;
  value: number | null;
  pillar: string | null;
  /** "cấp xã", "khu vực thị trấn" … tells level-specific indicators apart. */
  scope?: string | null;
}

export interface IndicatorSuggestion {
  code: string;
  /** 0..1. At or above `INDICATOR_MATCH_THRESHOLD` the suggestion can be pre-selected. */
  score: number;
  /** Why, as `kind:detail` strings: `keyword:xu ly hoan toan truc tuyen`, `unit:match`, `pillar:match`, `name:0.42`. */
  reasons: string[];
}

/** Score from which a suggestion is good enough to pre-select for the reviewer. */
export const INDICATOR_MATCH_THRESHOLD = 0.5;

/** A target whose unit cannot be this indicator's unit never scores above this. */
export const UNIT_MISMATCH_CAP = 0.2;

/** Words every indicator name has; they say nothing about which one. */
const NAME_STOPWORDS = new Set(
  "ty le so cac duoc va co tren cua dat trong theo voi cho la tai nhung tu den nam hoac".split(" "),
);

const UNIT_SYNONYMS: Record<string, string> = { "phan tram": "%", "%": "%" };

function normaliseUnit(unit: string | null | undefined): string | null {
  if (unit == null) return null;
  const trimmed = unit.trim();
  if (trimmed === "%") return "%";
  const folded = foldVietnamese(trimmed);
  return UNIT_SYNONYMS[folded] ?? (folded === "" ? null : folded);
}

type UnitFit = "match" | "unknown" | "mismatch";

function unitFit(target: TargetForMatching, indicator: Indicator): UnitFit {
  const wanted = normaliseUnit(target.unit);
  // A qualitative target ("Tăng tỷ lệ hồ sơ…") or a bare figure: the unit cannot rule it out.
  if (wanted === null) return "unknown";
  return wanted === normaliseUnit(indicator.unit) ? "match" : "mismatch";
}

/** Number of target tokens covered by the indicator's keyword phrases, and the phrases found. */
function keywordCoverage(
  tokens: readonly string[],
  keywords: readonly string[],
): { covered: number; hits: string[] } {
  const covered = new Array<boolean>(tokens.length).fill(false);
  const hits: string[] = [];
  for (const keyword of keywords) {
    const phrase = keyword.split(" ");
    let found = false;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let j = 0;
      while (j < phrase.length && tokens[i + j] === phrase[j]) j++;
      if (j === phrase.length) {
        found = true;
        for (let k = i; k < i + phrase.length; k++) covered[k] = true;
      }
    }
    if (found) hits.push(keyword);
  }
  return { covered: covered.filter(Boolean).length, hits };
}

/** Folded words that tell one indicator or target from another (no stopwords, no bare numbers). */
export const contentWords = (tokens: readonly string[]): string[] =>
  tokens.filter((t) => !NAME_STOPWORDS.has(t) && !/^\d+$/.test(t));

/**
 * Ranks catalogue indicators for one extracted target. Keyword phrases carry most
 * of the score (covering more of the target's words scores higher, overlapping
 * phrases count once), name similarity and pillar agreement add to it, and a unit
 * that cannot be the indicator's (a "%" target against "Mbps") caps it at
 * `UNIT_MISMATCH_CAP`.
 */
export function suggestIndicators(
  target: TargetForMatching,
  catalogue: readonly Indicator[],
  options: { limit?: number } = {},
): IndicatorSuggestion[] {
  const { limit = 3 } = options;
  const tokens = matchTokens(`${target.text} ${target.scope ?? ""}`);
  const content = contentWords(tokens);
  if (content.length === 0) return [];

  const suggestions: IndicatorSuggestion[] = [];
  for (const indicator of catalogue) {
    const { covered, hits } = keywordCoverage(tokens, indicator.keywords);
    const keywordScore = 1 - Math.exp(-covered / 4);
    const nameScore = diceOfTokens(content, contentWords(matchTokens(indicator.name)));
    const pillarMatch = target.pillar !== null && target.pillar === indicator.pillar;
    const scopeHits = keywordCoverage(tokens, indicator.scopeKeywords ?? []).hits;
    let score =
      // The scope bonus only breaks ties between level variants of one indicator.
      0.7 * keywordScore + 0.2 * nameScore + (pillarMatch ? 0.1 : 0) + (scopeHits.length > 0 ? 0.04 : 0);

    const fit = unitFit(target, indicator);
    if (fit === "mismatch") score = Math.min(score, UNIT_MISMATCH_CAP);
    if (score <= 0) continue;

    const reasons = [...hits.map((h) => `keyword:${h}`), ...scopeHits.map((h) => `scope:${h}`)];
    reasons.push(`unit:${fit}`);
    if (pillarMatch) reasons.push("pillar:match");
    if (nameScore > 0) reasons.push(`name:${nameScore.toFixed(2)}`);
    suggestions.push({ code: indicator.code, score: Math.round(Math.min(1, score) * 1000) / 1000, reasons });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit);
}
