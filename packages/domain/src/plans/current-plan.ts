/**
 * Kế hoạch đang có hiệu lực — the plan a leader's dashboard opens on: published, covering
 * today's year, preferably issued by one of the leader's own units, then the latest issued.
 * Never a draft, and never a plan of years gone by while one for this year exists.
 */
export interface PlanInForceLike {
  code: string;
  status: string;
  unit: { id: string };
  periodStart: number | null;
  periodEnd: number | null;
  publishedAt: string | null;
}

/** Whether the plan covers `year` (a missing start or end leaves that side open). */
export function coversYear(plan: Pick<PlanInForceLike, "periodStart" | "periodEnd">, year: number): boolean {
  return (
    (plan.periodStart ?? plan.periodEnd ?? year) <= year &&
    year <= (plan.periodEnd ?? plan.periodStart ?? year)
  );
}

export function currentPlan<P extends PlanInForceLike>(
  plans: readonly P[],
  today: string,
  ownUnitIds: ReadonlySet<string> = new Set(),
): P | null {
  const year = Number(today.slice(0, 4));
  const published = plans.filter((p) => p.status === "published");
  const rank = (p: P) => [
    coversYear(p, year) ? 0 : 1,
    ownUnitIds.has(p.unit.id) ? 0 : 1,
    // The nearest period to today first (a plan of last year before one of 2019).
    Math.abs(year - (p.periodEnd ?? p.periodStart ?? year)),
  ];
  const sorted = [...published].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "");
  });
  return sorted[0] ?? null;
}
