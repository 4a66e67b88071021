/**
 * Số liệu của chỉ số tỷ lệ — the rules a unit's reported figures obey, shared by the
 * API's schema, the server's save and spreadsheet import, and the web form.
 */

type Figure = number | null | undefined;

/** A ratio's numerator (tử số) may not exceed its denominator (mẫu số); missing figures are not compared. */
export function numeratorExceedsDenominator(numerator: Figure, denominator: Figure): boolean {
  return typeof numerator === "number" && typeof denominator === "number" && numerator > denominator;
}

/** numerator / denominator as a percentage, one decimal; null when it cannot be computed. */
export function ratioPercent(numerator: Figure, denominator: Figure): number | null {
  if (typeof numerator !== "number" || typeof denominator !== "number" || denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
