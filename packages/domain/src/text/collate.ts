/**
 * Vietnamese order of names: `a.localeCompare(b, "vi")`, with the collator made once —
 * `localeCompare` with a locale looks one up on every call, which dominated sorting the
 * units of a province (who reports, the province view, exports).
 */
const VI = new Intl.Collator("vi");

export const compareVi = (a: string, b: string): number => VI.compare(a, b);
