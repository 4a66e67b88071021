import { diceOfTokens, foldVietnamese, matchTokens } from "../text/fold.ts";
import { isInForce } from "./tree.ts";

/** A unit the extracted name may refer to. Dates are ISO; null = open-ended. */
export interface UnitCandidate {
  id: string;
  name: string;
  shortName?: string | null;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

export type UnitMatchReason = "exact" | "short_name" | "abbreviation" | "contains" | "similar";

/** One unit the name probably means. */
export interface UnitSuggestion {
  kind: "unit";
  unitId: string;
  /** 0..1; 1 = the same name, however it is spelled. */
  score: number;
  reason: UnitMatchReason;
  inForce: boolean;
}

/**
 * A generic plural ("Các phòng, ban, ngành huyện", "Ủy ban nhân dân các xã, thị
 * trấn"): the task goes to every unit of these kinds, not to one unit.
 */
export interface UnitGroupSuggestion {
  kind: "group";
  unitKinds: string[];
  /** In-force units of those kinds; narrowed to the ones named when the text lists names. */
  unitIds: string[];
  score: number;
  reason: "generic_plural";
}

export type UnitMatch = UnitSuggestion | UnitGroupSuggestion;

export interface SuggestUnitsOptions {
  /** Prefer units in force on this ISO date; without it, units still open (validTo null). */
  asOf?: string;
  limit?: number;
  /** Suggestions scoring below this are dropped (default 0.3). */
  minScore?: number;
}

const OFFICE_KINDS = ["district_office", "office"];
const LOCAL_KINDS = ["commune", "ward", "township", "special_zone"];

/** Kind nouns of generic plurals, matched on folded, abbreviation-expanded text. */
const KIND_RULES: { pattern: RegExp; kinds: string[] }[] = [
  // "số" folds to "so" too ("chuyển đổi số"), so a department needs list context.
  { pattern: /\b(cac so|so ban|so nganh)\b/, kinds: ["department"] },
  { pattern: /\bphong\b/, kinds: OFFICE_KINDS },
  { pattern: /(?<!thi )\bxa\b(?! hoi)|\b(phuong|thi tran|dac khu|dia phuong)\b/, kinds: LOCAL_KINDS },
  { pattern: /\bcac (huyen|thi xa|thanh pho)\b/, kinds: ["district"] },
  { pattern: /\b(truong|co so giao duc)\b/, kinds: ["school"] },
  { pattern: /\b(tram y te|trung tam y te|co so y te|co so kham)\b/, kinds: ["health_station"] },
  { pattern: /\b(doan the|to chuc chinh tri|hoi doan the|mat tran)\b/, kinds: ["mass_organisation"] },
  { pattern: /\bdon vi su nghiep\b/, kinds: ["public_service"] },
  { pattern: /\b(doanh nghiep|ngan hang|to chuc tin dung)\b/, kinds: ["enterprise"] },
  { pattern: /\bcong an\b/, kinds: ["police"] },
];

/** "Ban, ngành" are departments beside "sở" or "tỉnh", the locality's offices otherwise. */
const SECTOR_PATTERN = /\b(ban nganh|nganh|cac ban|co quan chuyen mon)\b/;
const PROVINCE_CONTEXT = /\b(cac so|so ban|so nganh|tinh)\b/;

/** "Các cơ quan, đơn vị" with nothing more specific: every administrative unit. */
const ALL_AGENCIES_PATTERN = /\b(co quan|don vi)\b/;
const ALL_AGENCY_KINDS = ["department", ...OFFICE_KINDS, "public_service", ...LOCAL_KINDS];

const PLURAL_MARKER = /\b(cac|nhung|tat ca|tren dia ban)\b/;
/** Bodies that stand for their unit: "Ủy ban nhân dân các xã" means the communes. */
const BODY_PHRASES = /\b(uy ban nhan dan|hoi dong nhan dan)\b/g;

/**
 * Words that say what kind of unit or where, not which one: "Phòng" alone must not
 * claim every office, and a locality word is not a name.
 */
const LOW_INFORMATION = new Set(
  (
    "cac nhung tat ca va cua tai tren dia ban lien quan truc thuoc phong so nganh co quan don vi " +
    "huyen xa tinh thi tran phuong thanh pho uy nhan dan hoi dong van chi nhanh"
  ).split(" "),
);

const distinctive = (tokens: Iterable<string>) => [...tokens].filter((t) => !LOW_INFORMATION.has(t));

function inForceOn(unit: UnitCandidate, asOf: string | undefined): boolean {
  return asOf ? isInForce(unit, asOf) : unit.validTo === null;
}

function groupFor(
  expandedFolded: string,
  units: readonly UnitCandidate[],
  asOf: string | undefined,
): UnitGroupSuggestion | null {
  if (!PLURAL_MARKER.test(expandedFolded)) return null;
  const text = expandedFolded.replace(BODY_PHRASES, " ");
  const kinds = new Set<string>();
  for (const rule of KIND_RULES) if (rule.pattern.test(text)) for (const k of rule.kinds) kinds.add(k);
  if (SECTOR_PATTERN.test(text)) {
    for (const k of PROVINCE_CONTEXT.test(text) ? ["department"] : OFFICE_KINDS) kinds.add(k);
  }
  if (kinds.size === 0 && ALL_AGENCIES_PATTERN.test(text)) for (const k of ALL_AGENCY_KINDS) kinds.add(k);
  if (kinds.size === 0) return null;

  const members = units.filter((u) => kinds.has(u.kind) && inForceOn(u, asOf));
  // "Ủy ban nhân dân các xã Hữu Định, Phú Túc" names its members: keep only those,
  // provided the names account for every distinctive word of the text.
  const leftover = new Set(distinctive(text.split(" ").filter(Boolean)));
  const named = members.filter((u) => {
    const own = distinctive(matchTokens(u.name));
    return own.length > 0 && own.every((t) => leftover.has(t));
  });
  const namedWords = new Set(named.flatMap((u) => distinctive(matchTokens(u.name))));
  const narrowed = named.length > 0 && [...leftover].every((t) => namedWords.has(t));

  return {
    kind: "group",
    unitKinds: [...kinds],
    unitIds: (narrowed ? named : members).map((u) => u.id),
    score: 0.9,
    reason: "generic_plural",
  };
}

function scoreForm(
  query: { folded: string; expanded: string; tokens: string[] },
  form: string,
  isShortName: boolean,
): { score: number; reason: UnitMatchReason } {
  if (foldVietnamese(form) === query.folded) {
    return isShortName ? { score: 0.98, reason: "short_name" } : { score: 1, reason: "exact" };
  }
  const tokens = matchTokens(form);
  if (tokens.join(" ") === query.expanded) return { score: 0.95, reason: "abbreviation" };

  const a = new Set(query.tokens);
  const b = new Set(tokens);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const contained = small.size > 0 && [...small].every((t) => large.has(t));
  if (contained && distinctive(small).length > 0) {
    // "Công an huyện" inside "Công an huyện Châu Thành": the closer in length, the surer.
    return { score: 0.6 + 0.3 * (small.size / large.size), reason: "contains" };
  }
  return { score: 0.75 * diceOfTokens(query.tokens, tokens), reason: "similar" };
}

/**
 * Ranks the units an extracted name ("Phòng VH&TT", "Công an huyện") may mean:
 * exact folded match, then abbreviation-expanded, then containment and token
 * similarity. Generic plurals come back as one group suggestion. Units not in
 * force on `asOf` lose 0.2, so a renamed unit's successor outranks the old name.
 */
export function suggestUnits(
  extractedName: string,
  units: readonly UnitCandidate[],
  options: SuggestUnitsOptions = {},
): UnitMatch[] {
  const { asOf, limit = 5, minScore = 0.3 } = options;
  const tokens = matchTokens(extractedName);
  if (tokens.length === 0) return [];
  const query = { folded: foldVietnamese(extractedName), expanded: tokens.join(" "), tokens };

  const group = groupFor(query.expanded, units, asOf);
  if (group) return [group];

  const suggestions: UnitSuggestion[] = [];
  for (const unit of units) {
    let best = scoreForm(query, unit.name, false);
    if (unit.shortName) {
      const short = scoreForm(query, unit.shortName, true);
      if (short.score > best.score) best = short;
    }
    const inForce = inForceOn(unit, asOf);
    const score = Math.max(0, best.score - (inForce ? 0 : 0.2));
    if (score >= minScore) {
      suggestions.push({
        kind: "unit",
        unitId: unit.id,
        score: Math.round(score * 1000) / 1000,
        reason: best.reason,
        inForce,
      });
    }
  }
  return suggestions
    .sort(
      (x, y) =>
        y.score - x.score || Number(y.inForce) - Number(x.inForce) || x.unitId.localeCompare(y.unitId),
    )
    .slice(0, limit);
}
