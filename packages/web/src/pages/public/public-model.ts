/** The public page's pure logic: wording a plan's period. No React. */
import type { TPublicPlanSummary } from "@dtplan/contracts/public.ts";

/** The years a plan covers: `2025`, `2021–2025`; null when the plan gives none. */
export function periodYears(p: Pick<TPublicPlanSummary, "periodStart" | "periodEnd">): string | null {
  const from = p.periodStart ?? p.periodEnd;
  const to = p.periodEnd ?? p.periodStart;
  if (from === null || to === null) return null;
  return from === to ? String(from) : `${from}–${to}`;
}
