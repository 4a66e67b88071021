/**
 * How unit figures combine into one figure for the locality:
 * - `ratio`: Σ numerators / Σ denominators × 100 (never an average of percentages);
 * - `sum`: counts add up;
 * - `average`: mean of the units' figures (indices, speeds);
 * - `latest`: the most recently reported figure (one body reports it, e.g. GRDP share);
 * - `boolean`: yes/no per unit, rolled up as the share of units saying yes.
 */
export const AGGREGATIONS = ["ratio", "sum", "average", "latest", "boolean"] as const;
export type IndicatorAggregation = (typeof AGGREGATIONS)[number];

/** Whether a higher figure is better (`increase`) or a lower one (incidents, rank). */
export const DIRECTIONS = ["increase", "decrease"] as const;
export type IndicatorDirection = (typeof DIRECTIONS)[number];

/** Where an indicator comes from: the national framework or the province's own. */
export const INDICATOR_ORIGINS = ["national", "local"] as const;
export type IndicatorOrigin = (typeof INDICATOR_ORIGINS)[number];
