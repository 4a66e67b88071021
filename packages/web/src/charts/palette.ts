/**
 * Colours that also read in greyscale or for colour-blind readers: each series has
 * its own lightness (relative luminance in brackets), ECharts adds a pattern (decal)
 * per series, and bars carry their numbers.
 */
export const ATTAINMENT_COLORS = {
  achieved: "#14532d", // dark green (0,07)
  notAchieved: "#d4380d", // red-orange (0,17)
  qualitative: "#b39ddb", // lavender (0,39)
  near: "#f2c94c", // yellow (0,61)
  noData: "#e8e8e8", // light grey (0,81)
} as const;

/** Text on a bar of that colour: white on the dark ones. */
export const LABEL_ON = {
  achieved: "#ffffff",
  notAchieved: "#ffffff",
  qualitative: "#1f1f1f",
  near: "#1f1f1f",
  noData: "#1f1f1f",
} as const;

/** Lines: dark to light, and solid / dashed / dotted as well. */
export const LINE_STYLES = [
  { color: "#0b3d91", type: "solid" as const, symbol: "circle" },
  { color: "#2f6fb0", type: "dashed" as const, symbol: "rect" },
  { color: "#7a9cc6", type: "dotted" as const, symbol: "triangle" },
  { color: "#5b3fa0", type: "dashed" as const, symbol: "diamond" },
  { color: "#8a8a8a", type: "dotted" as const, symbol: "pin" },
  { color: "#14532d", type: "solid" as const, symbol: "roundRect" },
];
