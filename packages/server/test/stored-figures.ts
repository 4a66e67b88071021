import type { TPlanAttainment } from "@dtplan/contracts";
import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, queryRows } from "../src/db/database.ts";
import { plans } from "../src/db/schema.ts";
import { listPeriods, loadBasis } from "../src/modules/reporting/reporting.repository.ts";
import { planAttainment, rolledUpFigures } from "../src/modules/reporting/roll-up.ts";
import { readTargetFigures } from "../src/modules/summary/target-figures.ts";

const withoutTree = (a: TPlanAttainment) => ({
  ...a,
  targets: a.targets.map(({ tree: _tree, ...t }) => t),
});

/**
 * Figures are read, not recomputed — and read the same: for every published plan, counted
 * reports and approved ones, every stored figure (each period × target) equals the roll-up
 * of the reports on request, and so does the attainment read from them (the default period,
 * the latest with data, and the last period). Returns how many figures were compared.
 */
export async function expectStoredFiguresMatch(db: Database, nearThreshold: number): Promise<number> {
  let compared = 0;
  const tenants = await queryRows<{ id: string }>(db, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    const published = await db
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published")));
    for (const plan of published) {
      const [basis, periods] = await Promise.all([loadBasis(db, plan), listPeriods(db, plan)]);
      for (const approvedOnly of [false, true]) {
        const what = `${plan.code}, approved only: ${approvedOnly}`;
        const stored = await readTargetFigures(db, { tenantId, planCode: plan.code, approvedOnly });
        const { figuresOf } = await rolledUpFigures(db, { basis, periods, approvedOnly });
        expect(stored, what).toEqual(figuresOf);
        for (const byTarget of stored.values()) compared += byTarget.size;
        for (const periodKey of [undefined, periods.at(-1)?.key]) {
          const opts = { ctx: { plan }, periodKey, nearThreshold, approvedOnly, basis, periods };
          expect(withoutTree(await planAttainment(db, { ...opts, stored: true })), what).toEqual(
            withoutTree(await planAttainment(db, opts)),
          );
        }
      }
    }
  }
  return compared;
}
