import { readFileSync } from "node:fs";
import { type TPlanCascade, ZPlanCascade } from "@dtplan/contracts";
import { extractPlan } from "@dtplan/domain/extract/index.ts";
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
import { importPlan } from "../src/modules/plans/import-plan.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import {
  buildPublishedPlan,
  buildTenant,
  buildUnit,
  buildUser,
  describeBothDatabases,
  loginAs,
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
  let provincePaymentsKey: string;
  let communeKeys: { targetKey: string; paymentsKey: string }[];
  let officer: SignedIn;
  let officerId: string;
  const code = `TL-CASCADE-${Date.now().toString(36)}`;
  const ONLINE = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình";
  const PAYMENTS = "Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử";

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
      .set({ indicatorCode: code, comparator: ">=", value: 80, text: ONLINE })
      .where(and(eq(planTargets.planId, plan.id), eq(planTargets.pillar, "digital_government")))
      .returning();
    // A target on no catalogue indicator: matched by wording, counted once confirmed.
    const [payments] = await ctx.db
      .update(planTargets)
      .set({ text: PAYMENTS })
      .where(and(eq(planTargets.planId, plan.id), eq(planTargets.pillar, "digital_economy")))
      .returning();
    await ctx.db
      .insert(planReportingRules)
      .values({ tenantId: row.tenantId, planId: row.id, ...QUARTERLY_RULE });
    await writePlanPeriods(ctx.db, row);
    return { plan: row, targetKey: target.key, paymentsKey: payments.key };
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
    provincePaymentsKey = top.paymentsKey;
    const a = await planOf(tenant.communeA, province.code);
    const b = await planOf(tenant.communeB, province.code);
    communePlans = [a.plan, b.plan];
    communeKeys = [a, b];
    await report(a.plan, tenant.communeA, a.targetKey, 40, 50);
    await report(b.plan, tenant.communeB, b.targetKey, 30, 100);
    const officerUser = await buildUser(ctx.db, {
      grants: [{ unit: tenant.province, role: "focal_officer" }],
    });
    officerId = officerUser.id;
    officer = await loginAs(ctx.app, officerUser);
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
    // "2/2 xã có số liệu" counts against the province's communes in force (here both).
    expect(view.communes).toBe(2);
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
    // The figure says its basis: 2 of the 2 implementing plans have a figure, of the first quarter.
    expect(target?.rollUp).toMatchObject({ from: 2, matched: 2, of: 2, periods: ["Quý I năm 2025"] });
    expect(target?.lower.every((l) => !l.confirmed)).toBe(true);
    // A target on no indicator is matched on wording only once the focal officer confirms it.
    expect(view.targets.find((t) => t.targetKey === provincePaymentsKey)?.lower).toEqual([]);
  });

  it("shows a commune which province targets its own serve, and suggests the rest by wording", async () => {
    const reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
    const view = await cascade(reporter, communePlans[0].code);
    expect(view.implements?.code).toBe(province.code);
    const online = view.serves.find((s) => s.targetKey === communeKeys[0].targetKey);
    expect(online).toMatchObject({
      higher: { targetKey: provinceTargetKey },
      confirmed: false,
      suggestion: { basis: "indicator" },
    });
    const payments = view.serves.find((s) => s.targetKey === communeKeys[0].paymentsKey);
    expect(payments).toMatchObject({
      higher: null,
      suggestion: { targetKey: provincePaymentsKey, basis: "name", score: 1 },
    });
  });

  it("rolls up what the focal officer confirms: a wording match counts, a rejected match no longer does", async () => {
    const put = (planCode: string, links: { targetKey: string; higherTargetKey: string | null }[]) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/plans/${planCode}/target-links`,
        headers: officer.headers,
        payload: { links },
      });
    const [a, b] = communeKeys;
    expect(
      (await put(communePlans[0].code, [{ targetKey: a.targetKey, higherTargetKey: null }])).statusCode,
    ).toBe(200);
    const saved = await put(communePlans[1].code, [
      { targetKey: b.targetKey, higherTargetKey: provinceTargetKey },
      { targetKey: b.paymentsKey, higherTargetKey: provincePaymentsKey },
    ]);
    expect(saved.json()).toEqual({ saved: 2 });
    const view = await cascade(officer, province.code);
    const online = view.targets.find((t) => t.targetKey === provinceTargetKey);
    expect(online?.lower.map((l) => [l.plan.unit.id, l.confirmed])).toEqual([[tenant.communeB.id, true]]);
    expect(online?.rollUp).toMatchObject({ value: 30, from: 1, matched: 1, of: 2 });
    const payments = view.targets.find((t) => t.targetKey === provincePaymentsKey);
    expect(payments?.lower.map((l) => l.plan.unit.id)).toEqual([tenant.communeB.id]);
    // No indicator, no rule to combine by: the figure stays empty, the basis still says who has one.
    expect(payments?.indicator).toBeNull();
    expect(payments?.rollUp).toMatchObject({ value: null, from: 0, matched: 1, of: 2 });
    // Once the commune's target is on a catalogue indicator, the province target rolls up by that one's rule.
    await ctx.db
      .update(planTargets)
      .set({ indicatorCode: code })
      .where(and(eq(planTargets.tenantId, province.tenantId), eq(planTargets.key, b.paymentsKey)));
    const after = (await cascade(officer, province.code)).targets.find(
      (t) => t.targetKey === provincePaymentsKey,
    );
    expect(after?.indicator).toMatchObject({ code, aggregation: "ratio", fromLower: true });

    // A target of another plan, or of a plan that is not the higher one, is refused with its row.
    const wrong = await put(communePlans[1].code, [{ targetKey: b.targetKey, higherTargetKey: a.targetKey }]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain("Dòng 1");
  });

  it("links a commune's imported plan to the province plan its legal basis cites; the focal officer confirms or changes it in review", async () => {
    const number = `${Date.now() % 100000}/KH-UBND`;
    await ctx.db
      .update(plans)
      .set({ documentNumber: number })
      .where(and(eq(plans.tenantId, province.tenantId), eq(plans.code, province.code)));
    const commune = await buildUnit(ctx.db, { parent: tenant.province, name: "Xã Long Hồ" });
    const text = readFileSync(
      new URL("../src/modules/demo/plans/xa-long-ho-2026.txt", import.meta.url),
      "utf8",
    );
    const draft = await importPlan(ctx.db, {
      actor: { id: officerId } as never,
      unitId: commune.id,
      extract: extractPlan(text.replaceAll("285/KH-UBND", number)),
      fileName: "xa-long-ho-2026.txt",
      format: "txt",
    });
    const view = await cascade(officer, draft.code);
    expect(view.implements).toMatchObject({ code: province.code, confirmed: false, confirmedBy: null });
    expect(view.implements?.legalBasis).toContain(number);
    // The commune's targets are suggested against the province's by wording (another indicator).
    const suggested = view.serves.filter((s) => s.suggestion).map((s) => s.suggestion?.targetKey);
    expect(suggested).toEqual(expect.arrayContaining([provinceTargetKey, provincePaymentsKey]));

    const confirm = (implementsPlanCode: string | null) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/plans/${draft.code}/implements`,
        headers: officer.headers,
        payload: { implementsPlanCode },
      });
    expect((await confirm(province.code)).statusCode).toBe(200);
    expect((await cascade(officer, draft.code)).implements).toMatchObject({
      confirmed: true,
      confirmedBy: { id: officerId },
    });
    // Changed: no higher plan, nothing to serve; an unknown plan is refused.
    expect((await confirm(null)).json()).toEqual({ implementsPlanCode: null });
    const none = await cascade(officer, draft.code);
    expect(none.implements).toBeNull();
    expect(none.serves.every((s) => s.higher === null && s.suggestion === null)).toBe(true);
    // Chosen in the plan's own fields (from a plan as imported, unconfirmed): that choice is a confirmation too.
    await ctx.db
      .update(plans)
      .set({ implementsConfirmedAt: null, implementsConfirmedBy: null })
      .where(and(eq(plans.tenantId, draft.tenantId), eq(plans.id, draft.id)));
    const patched = await ctx.app.inject({
      method: "PATCH",
      url: `/api/plans/${draft.code}`,
      headers: officer.headers,
      payload: { implementsPlanCode: province.code },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await cascade(officer, draft.code)).implements).toMatchObject({
      code: province.code,
      confirmed: true,
    });
    const unknown = await confirm("khong-co-ke-hoach-nay");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("khong-co-ke-hoach-nay");
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
