/** The public page's pure logic: searching plans and wording their period. No React. */
import type { TPublicPlanSummary } from "@dtplan/contracts/public.ts";
import { matchesFolded } from "../../lib/fold.ts";

/** Plans of `province` (all when empty) whose title, units or number contain every word of `query`, folded. */
export function filterPlans(
  plans: readonly TPublicPlanSummary[],
  query: string,
  province: string | null,
): TPublicPlanSummary[] {
  return plans.filter(
    (p) =>
      (!province || p.province.slug === province) &&
      matchesFolded(
        [p.title, p.issuingUnit, p.province.name, p.documentNumber ?? "", p.code].join(" "),
        query,
      ),
  );
}

/** The years a plan covers: `2025`, `2021–2025`; null when the plan gives none. */
export function periodYears(p: Pick<TPublicPlanSummary, "periodStart" | "periodEnd">): string | null {
  const from = p.periodStart ?? p.periodEnd;
  const to = p.periodEnd ?? p.periodStart;
  if (from === null || to === null) return null;
  return from === to ? String(from) : `${from}–${to}`;
}
