import type { TBudgetItem, TBudgetSummary } from "@dtplan/contracts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import { formatVnd } from "@dtplan/domain/text/format.ts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, planBudget } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";
import { currentVersion } from "../plans/plans.repository.ts";
import { listBudgetItems } from "./budget-items.ts";

const vnd = (n: number) => formatVnd(n, "vi");

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

/** Why the items and the plan disagree, in Vietnamese; null when they agree. */
export function budgetWarning(planTotal: number | null, planned: number, disbursed: number): string | null {
  const sentences: string[] = [];
  if (planTotal === null) {
    if (planned > 0)
      sentences.push("Kế hoạch chưa ghi tổng kinh phí nên chưa đối chiếu được với các hạng mục.");
  } else if (planned !== planTotal) {
    const diff = planned - planTotal;
    sentences.push(
      `Tổng kinh phí các hạng mục (${vnd(planned)}) ${diff > 0 ? "vượt" : "thấp hơn"} tổng kinh phí kế hoạch (${vnd(planTotal)}) ${vnd(Math.abs(diff))}.`,
    );
  }
  if (disbursed > planned) {
    sentences.push(`Kinh phí đã giải ngân (${vnd(disbursed)}) vượt kinh phí dự kiến (${vnd(planned)}).`);
  }
  return sentences.length ? sentences.join(" ") : null;
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
