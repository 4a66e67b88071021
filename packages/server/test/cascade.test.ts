import { type TPlanCascade, ZPlanCascade } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  indicators,
  type OrgUnitRow,
  type PlanRow,
  planReportingRules,
  plans,
  planTargets,
  reportingPeriods,
  unitReports,
  unitReportValues,
} from "../src/db/schema.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import {
  buildPublishedPlan,
  buildTenant,
  describeBothDatabases,
  ONLINE_RECORDS_INDICATOR,
  QUARTERLY_RULE,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("cascade from the province plan to the communes' plans", (ctx) => {
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let province: PlanRow;
  let communePlans: PlanRow[];
  let provinceTargetKey: string;
  let officer: SignedIn;
  const code = `TL-CASCADE-${Date.now().toString(36)}`;

  /** A published plan whose digital-government target is on the shared indicator. */
  const planOf = async (unit: OrgUnitRow, implementsPlanCode: string | null) => {
    const { plan } = await buildPublishedPlan(ctx.db, unit);
    const [row] = await ctx.db
      .update(plans)
      .set({ implementsPlanCode })
      .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)))
      .returning();
    const [target] = await ctx.db
      .update(planTargets)
      .set({ indicatorCode: code, comparator: ">=", value: 80 })
      .where(and(eq(planTargets.planId, plan.id), eq(planTargets.pillar, "digital_government")))
      .returning();
    await ctx.db
      .insert(planReportingRules)
      .values({ tenantId: row.tenantId, planId: row.id, ...QUARTERLY_RULE });
    await writePlanPeriods(ctx.db, row);
    return { plan: row, targetKey: target.key };
  };

  /** The commune's approved first-quarter report with its figure for the target. */
  const report = async (
    plan: PlanRow,
    unit: OrgUnitRow,
    targetKey: string,
    numerator: number,
    denominator: number,
  ) => {
    const [period] = await ctx.db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.planCode, plan.code), eq(reportingPeriods.key, "2025-Q1")));
    const [row] = await ctx.db
      .insert(unitReports)
      .values({
        tenantId: plan.tenantId,
        periodId: period.id,
        planCode: plan.code,
        unitId: unit.id,
        status: "approved",
        submittedAt: new Date(),
      })
      .returning();
    await ctx.db.insert(unitReportValues).values({
      tenantId: plan.tenantId,
      reportId: row.id,
      targetKey,
      indicatorCode: code,
      numerator,
      denominator,
    });
  };

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    await ctx.db
      .insert(indicators)
      .values({ tenantId: tenant.province.id, code, ...ONLINE_RECORDS_INDICATOR });
    const top = await planOf(tenant.province, null);
    province = top.plan;
    provinceTargetKey = top.targetKey;
    const a = await planOf(tenant.communeA, province.code);
    const b = await planOf(tenant.communeB, province.code);
    communePlans = [a.plan, b.plan];
    await report(a.plan, tenant.communeA, a.targetKey, 40, 50);
    await report(b.plan, tenant.communeB, b.targetKey, 30, 100);
    officer = await signInAs(ctx, tenant.province, "focal_officer");
  });

  const cascade = async (session: SignedIn, planCode: string) => {
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/plans/${planCode}/cascade`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return ZPlanCascade.parse(response.json()) as TPlanCascade;
  };

  it("shows the province, per target, the communes' corresponding targets rolled up by the indicator's rule", async () => {
    const view = await cascade(officer, province.code);
    expect(view.implementers.map((p) => p.code).sort()).toEqual(communePlans.map((p) => p.code).sort());
    const target = view.targets.find((t) => t.targetKey === provinceTargetKey);
    expect(target?.indicator).toMatchObject({ code, aggregation: "ratio" });
    expect(target?.lower.map((l) => [l.plan.unit.id, l.value])).toEqual(
      expect.arrayContaining([
        [tenant.communeA.id, 80],
        [tenant.communeB.id, 30],
      ]),
    );
    // Σ numerators / Σ denominators: 70 / 150.
    expect(target?.rollUp?.value).toBeCloseTo((70 / 150) * 100, 5);
    expect(target?.rollUp).toMatchObject({ from: 2, of: 2 });
    // A target on no indicator has nothing to match.
    expect(view.targets.find((t) => t.indicator === null)?.lower).toEqual([]);
  });

  it("shows a commune which province targets its own serve", async () => {
    const reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
    const view = await cascade(reporter, communePlans[0].code);
    expect(view.implements?.code).toBe(province.code);
    expect(view.serves).toHaveLength(1);
    expect(view.serves[0].higher).toEqual([expect.objectContaining({ targetKey: provinceTargetKey })]);
  });

  it("refuses a plan of another province", async () => {
    const stranger = await signInAs(ctx, (await buildTenant(ctx.db)).province, "focal_officer");
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/plans/${province.code}/cascade`,
      headers: stranger.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});
