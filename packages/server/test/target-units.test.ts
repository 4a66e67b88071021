/**
 * Đơn vị báo cáo chỉ tiêu (issue 13): which units report a target is stored, chosen in
 * review, amended after publication; completeness, the report form and the consolidated
 * report follow it.
 */
import {
  ZConsolidatedReport,
  ZPeriodStatus,
  ZPlanReview,
  ZPublishResult,
  ZSetTargetUnitsResult,
  ZTargetUnits,
  ZUnitReport,
} from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { up as backfill } from "../src/db/migrations/0013_target_reporting_units.ts";
import { auditLog, type OrgUnitRow, type PlanRow, planTargets, planTargetUnits } from "../src/db/schema.ts";
import {
  buildPublishedPlan,
  buildReportingPlan,
  buildUnit,
  describeBothDatabases,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("target reporting units: explicit, amended, followed by completeness", (ctx) => {
  let plan: PlanRow;
  let district: OrgUnitRow;
  let communeA: OrgUnitRow;
  let communeB: OrgUnitRow;
  let partner: OrgUnitRow;
  let targetKey: string;
  let officer: SignedIn;
  let reporterA: SignedIn;
  let reporterB: SignedIn;

  const call = (session: SignedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: session.headers });
  const base = () => `/api/plans/${plan.code}`;
  const statusOf = async (key: string) => {
    const res = await call(officer, "GET", `${base()}/periods/${key}/status`);
    expect(res.statusCode, res.body).toBe(200);
    return ZPeriodStatus.parse(res.json());
  };

  beforeAll(async () => {
    const t = await buildReportingPlan(ctx.db);
    ({ plan, district, communeA, communeB, targetKey } = t);
    partner = await buildUnit(ctx.db, { parent: district, kind: "enterprise", name: "Bưu điện huyện (thử)" });
    officer = await signInAs(ctx, district, "focal_officer");
    reporterA = await signInAs(ctx, communeA, "unit_reporter");
    reporterB = await signInAs(ctx, communeB, "unit_reporter");
  });

  it("backfills the reporting units of existing plans from the units of the tasks in the target's pillar", async () => {
    const { plan: other } = await buildPublishedPlan(ctx.db, district, {
      tasks: [
        { leadUnitId: communeA.id, pillar: "digital_society" },
        {
          leadUnitId: communeB.id,
          pillar: "digital_government",
          coordinators: [{ text: null, unitId: communeA.id, score: null, suggestions: [] }],
        },
      ],
    });
    const rows = () =>
      ctx.db
        .select({ targetKey: planTargetUnits.targetKey, unitId: planTargetUnits.unitId })
        .from(planTargetUnits)
        .where(and(eq(planTargetUnits.tenantId, other.tenantId), eq(planTargetUnits.planId, other.id)));
    const written = (await rows()).map((r) => `${r.targetKey}:${r.unitId}`).sort();
    await ctx.db
      .delete(planTargetUnits)
      .where(and(eq(planTargetUnits.tenantId, other.tenantId), eq(planTargetUnits.planId, other.id)));
    await backfill(ctx.db);
    const back = (await rows()).map((r) => `${r.targetKey}:${r.unitId}`).sort();
    expect(back).toEqual(written);
    const targets = await ctx.db.select().from(planTargets).where(eq(planTargets.planId, other.id));
    const unitsOf = (pillar: string) => {
      const key = targets.find((x) => x.pillar === pillar)?.key;
      return back.filter((r) => r.startsWith(`${key}:`)).map((r) => r.split(":")[1]);
    };
    expect(unitsOf("digital_society")).toEqual([communeA.id]);
    expect(unitsOf("digital_government").sort()).toEqual([communeA.id, communeB.id].sort());
    expect(unitsOf("digital_economy")).toEqual([]);
  });

  it("changes only through an amendment once published, previewed before it is applied", async () => {
    const listed = ZTargetUnits.parse((await call(officer, "GET", `${base()}/target-units`)).json());
    expect(listed.plan.editable).toBe(false);
    expect(
      listed.targets
        .find((x) => x.key === targetKey)
        ?.units.map((u) => u.id)
        .sort(),
    ).toEqual([communeA.id, communeB.id].sort());
    expect(listed.candidates.map((c) => c.id)).toContain(partner.id);
    const frozen = await call(officer, "POST", `${base()}/target-units`, {
      targetKeys: [targetKey],
      mode: "add",
      unitIds: [partner.id],
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toMatch(/bản điều chỉnh/);
    const refused = await call(reporterA, "POST", `${base()}/target-units`, {
      targetKeys: [targetKey],
      mode: "add",
      unitIds: [partner.id],
    });
    expect(refused.statusCode).toBe(403);

    const amended = await call(officer, "POST", `${base()}/amendments`, { reason: "Giao Bưu điện báo cáo" });
    expect(amended.statusCode, amended.body).toBe(201);
    const draft = ZPlanReview.parse(amended.json());
    // The amendment keeps version 1's reporting units.
    expect(draft.plan.targets.find((x) => x.key === targetKey)?.reportingUnits).toHaveLength(2);

    const body = { targetKeys: [targetKey], mode: "replace", unitIds: [partner.id, communeA.id] };
    const preview = ZSetTargetUnitsResult.parse(
      (await call(officer, "POST", `${base()}/target-units`, { ...body, preview: true })).json(),
    );
    expect(preview.applied).toBe(false);
    expect(preview.changes).toEqual([
      expect.objectContaining({
        key: targetKey,
        added: [{ id: partner.id, name: partner.name }],
        removed: [{ id: communeB.id, name: communeB.name }],
      }),
    ]);
    const still = ZTargetUnits.parse((await call(officer, "GET", `${base()}/target-units`)).json());
    expect(still.plan.editable).toBe(true);
    expect(still.targets.find((x) => x.key === targetKey)?.units.map((u) => u.id)).toContain(communeB.id);

    const applied = ZSetTargetUnitsResult.parse(
      (await call(officer, "POST", `${base()}/target-units`, body)).json(),
    );
    expect(applied).toMatchObject({ applied: true, changes: preview.changes });
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "plan.target_units"));
    // One entry per target changed, on the target.
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "plan_target" });
  });

  it("refuses to publish a target no unit reports unless the issuing unit is confirmed to report it", async () => {
    // The digital-economy target of the fixture has no task and so no reporting unit.
    const refused = await call(officer, "POST", `${base()}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("Chưa thể ban hành: 1 chỉ tiêu chưa có đơn vị báo cáo.");
    expect(refused.json().error.details[0]).toMatchObject({ path: "targets" });
    const published = await call(officer, "POST", `${base()}/publish`, { issuingUnitReports: true });
    expect(published.statusCode, published.body).toBe(200);
    const result = ZPublishResult.parse(published.json());
    expect(result.plan.version).toBe(2);
    const economy = result.plan.targets.find((x) => x.pillar === "digital_economy");
    expect(economy?.reportingUnits).toEqual([{ id: district.id, name: district.name }]);
  });

  it("asks the newly assigned unit to report, gives its form the target, and the consolidated report follows", async () => {
    const status = await statusOf("2025-Q1");
    const byUnit = new Map(status.units.map((u) => [u.unit.id, u]));
    expect(byUnit.get(partner.id)).toMatchObject({ role: "targets", taskCount: 0, targetCount: 1 });
    expect(byUnit.get(communeA.id)).toMatchObject({ role: "lead", taskCount: 1, targetCount: 1 });
    // Commune B still leads its task, but no longer reports the target.
    expect(byUnit.get(communeB.id)).toMatchObject({ role: "lead", taskCount: 1, targetCount: 0 });
    // The issuing unit reports the digital-economy target itself, which carries no figures.
    expect(byUnit.has(district.id)).toBe(false);
    expect(status.units).toHaveLength(3);

    const formOf = async (session: SignedIn, unit: OrgUnitRow) => {
      const res = await call(session, "GET", `${base()}/periods/2025-Q1/reports/${unit.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return ZUnitReport.parse(res.json());
    };
    expect((await formOf(reporterB, communeB)).values).toEqual([]);

    // Commune A reports its figure; the consolidated report counts it and expects the partner.
    const form = await formOf(reporterA, communeA);
    expect(form.values.map((v) => v.targetKey)).toEqual([targetKey]);
    const url = `${base()}/periods/2025-Q1/reports/${communeA.id}`;
    const saved = await call(reporterA, "PUT", url, {
      version: form.version,
      tasks: form.tasks.map((x) => ({ key: x.key, progress: 40, note: "Đang triển khai" })),
      values: [{ targetKey, numerator: 30, denominator: 40, note: null }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(reporterA, "POST", `${url}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const consolidated = ZConsolidatedReport.parse(
      (await call(officer, "GET", `${base()}/periods/2025-Q1/consolidated`)).json(),
    );
    expect(consolidated.units.map((u) => u.unit.id).sort()).toEqual(
      [communeA.id, communeB.id, partner.id].sort(),
    );
    expect(consolidated.targets.find((x) => x.targetKey === targetKey)).toMatchObject({
      value: 75,
      reportingUnits: 1,
    });
  });

  it("lets the focal officer enter and submit the report of a partner without an account, marked nhập thay", async () => {
    const url = `${base()}/periods/2025-Q1/reports/${partner.id}`;
    // Before anything is saved the officer sees the form the partner's draft would start as.
    const opened = await call(officer, "GET", url);
    expect(opened.statusCode, opened.body).toBe(200);
    const form = ZUnitReport.parse(opened.json());
    expect(form.can.edit).toBe(true);
    expect(form.onBehalfBy).toBeNull();
    const saved = await call(officer, "PUT", url, {
      version: form.version,
      values: [{ targetKey, numerator: 9, denominator: 10, note: "Số liệu Bưu điện gửi bằng văn bản" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(officer, "POST", `${url}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const report = ZUnitReport.parse((await call(officer, "GET", url)).json());
    expect(report.status).toBe("submitted");
    expect(report.onBehalfBy?.name).toBeTruthy();
    expect(report.submittedBy).toEqual(report.onBehalfBy);

    const status = await statusOf("2025-Q1");
    const row = (id: string) => status.units.find((u) => u.unit.id === id);
    expect(row(partner.id)).toMatchObject({ noAccount: true, onBehalf: true, status: "submitted" });
    expect(row(communeA.id)).toMatchObject({ noAccount: false, onBehalf: false });

    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.submitted"), eq(auditLog.unitId, partner.id)));
    expect(audit.after).toMatchObject({ onBehalf: true, unit: partner.name });

    // The partner's figure joins commune A's in the consolidated report: (30 + 9) / (40 + 10).
    const consolidated = ZConsolidatedReport.parse(
      (await call(officer, "GET", `${base()}/periods/2025-Q1/consolidated`)).json(),
    );
    expect(consolidated.targets.find((x) => x.targetKey === targetKey)).toMatchObject({
      value: 78,
      reportingUnits: 2,
    });
  });

  it("does not let the focal officer write the report of a unit that has its own reporter", async () => {
    const url = `${base()}/periods/2025-Q1/reports/${communeB.id}`;
    const refused = await call(officer, "PUT", url, { version: 1, difficulties: "Nhập hộ" });
    expect(refused.statusCode).toBe(403);
    const unopened = await call(officer, "GET", url);
    expect(unopened.statusCode).toBe(404);
  });
});
