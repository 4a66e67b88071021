/** Sáp nhập or chia tách: how one unit's lineage passes to another. */
export const LINEAGE_EVENTS = ["merge", "split"] as const;
export type LineageEvent = (typeof LINEAGE_EVENTS)[number];
