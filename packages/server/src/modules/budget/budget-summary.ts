import type { TBudgetItem, TBudgetSummary } from "@dtplan/contracts";
import { budgetWarning } from "@dtplan/domain/plans/budget-warning.ts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, planBudget } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";
import { currentVersion } from "../plans/plans.repository.ts";
import { listBudgetItems } from "./budget-items.ts";

function groupBy<K>(items: readonly TBudgetItem[], key: (i: TBudgetItem) => K) {
  const groups = new Map<K, { planned: number; disbursed: number }>();
  for (const item of items) {
    const g = groups.get(key(item)) ?? { planned: 0, disbursed: 0 };
    g.planned += item.amountPlanned;
    g.disbursed += item.amountDisbursed;
    groups.set(key(item), g);
  }
  return [...groups.entries()];
}

/** Kinh phí — the plan's total and sources beside the planned and disbursed sums of its items. */
export async function budgetSummary(db: Database, versions: readonly PlanRow[]): Promise<TBudgetSummary> {
  const current = currentVersion(versions);
  const [[budget], items] = await Promise.all([
    db
      .select()
      .from(planBudget)
      .where(and(eq(planBudget.tenantId, current.tenantId), eq(planBudget.planId, current.id))),
    listBudgetItems(db, versions),
  ]);
  const planTotal = budget?.total ?? null;
  const planned = items.reduce((s, i) => s + i.amountPlanned, 0);
  const disbursed = items.reduce((s, i) => s + i.amountDisbursed, 0);
  return {
    planCode: current.code,
    currency: "VND",
    planTotal,
    sources: budget?.sources ?? [],
    planned,
    disbursed,
    difference: planTotal === null ? null : planned - planTotal,
    disbursedPercent: ratioPercent(disbursed, planned),
    bySource: groupBy(items, (i) => i.source).map(([source, g]) => ({ source, ...g })),
    byYear: groupBy(items, (i) => i.year)
      .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
      .map(([year, g]) => ({ year, ...g })),
    warning: budgetWarning(planTotal, planned, disbursed),
    items,
  };
}

/** Kinh phí kế hoạch of a plan the actor reads. */
export async function planBudgetSummary(
  db: Database,
  { actor, code }: { actor: Actor; code: string },
): Promise<TBudgetSummary> {
  return budgetSummary(db, await readablePlanVersions(db, actor, code));
}
