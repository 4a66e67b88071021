import type { TPlanAttainment } from "@dtplan/contracts";
import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, queryRows } from "../src/db/database.ts";
import { orgUnits, type PlanRow, plans } from "../src/db/schema.ts";
import { todayIso } from "../src/db/sql.ts";
import { timelinessByUnit } from "../src/modules/dashboard/plan-figures.ts";
import { provinceSlug } from "../src/modules/public/public.presenter.ts";
import { publicPlanDetail } from "../src/modules/public/public-plans.ts";
import {
  reportsOfPeriods,
  storedStatusRows,
  unitStatusRows,
} from "../src/modules/reporting/period-status.ts";
import { listPeriods, loadBasis } from "../src/modules/reporting/reporting.repository.ts";
import { planAttainment, rolledUpFigures } from "../src/modules/reporting/roll-up.ts";
import { readTimeliness, readUnitStatuses } from "../src/modules/summary/reporting-status.ts";
import { readTargetFigures } from "../src/modules/summary/target-figures.ts";

const withoutTree = (a: TPlanAttainment) => ({
  ...a,
  targets: a.targets.map(({ tree: _tree, ...t }) => t),
});

const byUnitId = <T extends { unit: { id: string } }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.unit.id.localeCompare(b.unit.id));

/**
 * Completeness and timeliness are read, not recomputed — and read the same: each period's
 * stored rows give the chase screen's rows of the on-request rule (who reports, each report's
 * status and timeliness today), and the stored timeliness added up per unit over the plan's
 * periods and per period equals the on-request totals. Returns how many rows were compared.
 */
async function expectStoredStatusMatch(
  db: Database,
  basis: Awaited<ReturnType<typeof loadBasis>>,
  periods: Awaited<ReturnType<typeof listPeriods>>,
  what: string,
): Promise<number> {
  const today = todayIso();
  const tenantId = basis.plan.tenantId;
  const periodIds = periods.map((p) => p.id);
  const [reports, stored, { unit: perUnit, period: perPeriod }, { plan: perPlan }] = await Promise.all([
    reportsOfPeriods(db, periods),
    readUnitStatuses(db, { tenantId, periodIds }),
    readTimeliness(db, { tenantId, periodIds, today, by: ["unit", "period"] }),
    readTimeliness(db, { tenantId, periodIds, today, by: ["plan"] }),
  ]);
  let compared = 0;
  for (const period of periods) {
    const onRequest = unitStatusRows(basis, period, reports, today);
    expect(byUnitId(storedStatusRows(period, stored, today)), `${what}, ${period.key}`).toEqual(
      byUnitId(onRequest),
    );
    const received = onRequest.filter((r) => r.status === "submitted" || r.status === "approved").length;
    const totals = perPeriod.get(period.id);
    expect([totals?.rows ?? 0, totals?.received ?? 0], `${what}, ${period.key}`).toEqual([
      onRequest.length,
      received,
    ]);
    compared += onRequest.length;
  }
  const onRequest = timelinessByUnit(basis, periods, reports, today);
  const read = new Map(
    [...perUnit]
      .filter(([, t]) => t.expected > 0)
      .map(([id, t]) => [
        id,
        {
          name: t.name,
          totals: { expected: t.expected, onTime: t.onTime, late: t.late, missing: t.missing },
        },
      ]),
  );
  expect(read, what).toEqual(onRequest);
  // The plan's total over its periods (the province view's, one period at a time there).
  const total = [...onRequest.values()].reduce(
    (sum, u) => ({
      expected: sum.expected + u.totals.expected,
      onTime: sum.onTime + u.totals.onTime,
      late: sum.late + u.totals.late,
      missing: sum.missing + u.totals.missing,
    }),
    { expected: 0, onTime: 0, late: 0, missing: 0 },
  );
  const plan = perPlan.get(basis.plan.code);
  expect(
    {
      expected: plan?.expected ?? 0,
      onTime: plan?.onTime ?? 0,
      late: plan?.late ?? 0,
      missing: plan?.missing ?? 0,
    },
    what,
  ).toEqual(total);
  return compared;
}

/**
 * The public page reads a statement of its own (no unit tree): its period, figures and
 * attainment are those of the approved reports rolled up on request.
 */
async function expectPublicPageMatch(
  db: Database,
  plan: PlanRow,
  basis: Awaited<ReturnType<typeof loadBasis>>,
  periods: Awaited<ReturnType<typeof listPeriods>>,
  nearThreshold: number,
): Promise<void> {
  const [root] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, plan.tenantId), eq(orgUnits.id, plan.tenantId)));
  const page = await publicPlanDetail(db, { province: provinceSlug(root), code: plan.code, nearThreshold });
  // Several published versions of one code: the page shows one of them.
  if (page.version !== plan.version) return;
  const onRequest = await planAttainment(db, {
    ctx: { plan },
    nearThreshold,
    approvedOnly: true,
    basis,
    periods,
  });
  const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  const shown = page.pillars.flatMap((p) => p.targets.map((t) => [t.text, t.value, t.attainment]));
  const expected = onRequest.targets.map((t) => [t.text, round2(t.value), t.attainment]);
  const order = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  expect(order(shown), `public page of ${plan.code}`).toEqual(order(expected));
  expect(page.resultPeriod?.key ?? null, `public page of ${plan.code}`).toBe(onRequest.period?.key ?? null);
  expect(page.attainmentCounts, `public page of ${plan.code}`).toEqual(onRequest.counts);
}

/**
 * Figures are read, not recomputed — and read the same: for every published plan, counted
 * reports and approved ones, every stored figure (each period × target) equals the roll-up
 * of the reports on request, and so does the attainment read from them (the default period,
 * the latest with data, and the last period); and so do the stored completeness and
 * timeliness (expectStoredStatusMatch). Returns how many figures were compared.
 */
export async function expectStoredFiguresMatch(db: Database, nearThreshold: number): Promise<number> {
  let compared = 0;
  let statuses = 0;
  const tenants = await queryRows<{ id: string }>(db, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    const published = await db
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published")));
    for (const plan of published) {
      const [basis, periods] = await Promise.all([loadBasis(db, plan), listPeriods(db, plan)]);
      statuses += await expectStoredStatusMatch(db, basis, periods, plan.code);
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
        if (approvedOnly) await expectPublicPageMatch(db, plan, basis, periods, nearThreshold);
      }
    }
  }
  expect(statuses, "completeness and timeliness rows compared").toBeGreaterThan(0);
  return compared;
}
