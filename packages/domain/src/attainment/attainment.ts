/** How a target states its figure (plan-extract/v1): ">=" for "đạt", "tối thiểu"; "<=" for "tối đa" … */
import type { Comparator } from "../extract/types.ts";

/** A target's comparator: as extracted, or "=" when an officer sets an exact figure. */
export type TargetComparator = Comparator | "=";

export interface TargetFigure {
  comparator: TargetComparator | null;
  value: number | null;
  year: number;
}

/** Mức độ đạt — where a target stands against the figure reported for it. */
export const ATTAINMENT_STATUSES = ["achieved", "near", "not_achieved", "no_data", "qualitative"] as const;
export type AttainmentStatus = (typeof ATTAINMENT_STATUSES)[number];

/** Why a target shows on the leaders' list of risks. */
export const RISK_REASONS = ["not_achieved", "near", "worsening"] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export const ATTAINMENT_LABELS = {
  achieved: { vi: "Đạt", en: "Achieved" },
  near: { vi: "Gần đạt", en: "Nearly achieved" },
  not_achieved: { vi: "Chưa đạt", en: "Not achieved" },
  no_data: { vi: "Chưa có số liệu", en: "No data" },
  qualitative: { vi: "Chỉ tiêu định tính", en: "Qualitative target" },
} as const satisfies Record<AttainmentStatus, { vi: string; en: string }>;

export interface AttainmentOptions {
  /** Share of the target reached that still counts as "near" (default 0.9 = 90%). */
  nearThreshold?: number;
}

// Figures come out of Σnum/Σden×100; 79.99999999 must meet "80%".
const EPSILON = 1e-9;

/**
 * How far toward the target the actual figure is, as a share (1 = exactly on it).
 * Inverted for upper limits: against "tối đa 5", an actual 10 is 0.5 of the way.
 * Null when no share is meaningful (qualitative, no data, a zero or negative target
 * for a lower bound).
 */
export function attainmentRatio(target: TargetFigure, actual: number | null): number | null {
  const { comparator, value } = target;
  if (comparator === null || value === null || actual === null || !Number.isFinite(actual)) return null;
  switch (comparator) {
    case ">=":
    case ">":
      return value > 0 && actual >= 0 ? actual / value : null;
    case "<=":
    case "<":
      if (value < 0 || actual < 0) return null;
      return actual === 0 ? Number.POSITIVE_INFINITY : value / actual;
    case "=":
      return value === 0 ? null : 1 - Math.abs(actual - value) / Math.abs(value);
  }
}

function meets(comparator: TargetComparator, value: number, actual: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(value));
  switch (comparator) {
    case ">=":
      return actual >= value - slack;
    case ">":
      return actual > value + slack;
    case "<=":
      return actual <= value + slack;
    case "<":
      return actual < value - slack;
    case "=":
      return Math.abs(actual - value) <= slack;
  }
}

/**
 * Đạt / gần đạt / chưa đạt for one target and the figure reported for it.
 * "Near" means the figure misses but reaches `nearThreshold` of the target
 * (for "<=" targets, the target is that share of the figure; for "=" the figure
 * is within 1 − `nearThreshold` of it). A strict "trên 50%" met exactly is near,
 * not achieved. The verdict compares figures only; whether the target's year has
 * come is the caller's concern (a dashboard may call an early shortfall "at risk").
 */
export function attainment(
  target: TargetFigure,
  actual: number | null,
  options: AttainmentOptions = {},
): AttainmentStatus {
  const { nearThreshold = 0.9 } = options;
  if (!(nearThreshold > 0 && nearThreshold <= 1)) {
    throw new RangeError(`nearThreshold must be in (0, 1], got ${nearThreshold}`);
  }
  const { comparator, value } = target;
  if (comparator === null || value === null) return "qualitative";
  if (actual === null || !Number.isFinite(actual)) return "no_data";
  if (meets(comparator, value, actual)) return "achieved";
  const ratio = attainmentRatio(target, actual);
  return ratio !== null && ratio >= nearThreshold - EPSILON ? "near" : "not_achieved";
}
