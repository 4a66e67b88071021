import {
  type TDashboardTargetDetail,
  type TPlanAttainment,
  type TPlanDashboard,
  type TUnitReport,
  ZDashboardTargetDetail,
  ZEvidenceFile,
  ZPlanAttainment,
  ZPlanDashboard,
  ZUnitReport,
} from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type OrgUnitRow, planTasks, reportingPeriods } from "../src/db/schema.ts";
import {
  buildReportingPlan,
  buildTenant,
  describeBothDatabases,
  isoDaysFromToday,
  multipart,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describeBothDatabases("leader dashboard of a plan", (ctx) => {
  let setup: Awaited<ReturnType<typeof buildReportingPlan>>;
  let leader: SignedIn;
  let reporterB: SignedIn;
  let stranger: SignedIn;
  let evidenceId: string;

  const base = () => `/api/plans/${setup.plan.code}`;
  const reportUrl = (unit: OrgUnitRow) => `${base()}/periods/2025-Q1/reports/${unit.id}`;
  const { call } = ctx;
  const ok = async (session: SignedIn, method: "GET" | "PUT" | "POST", url: string, payload?: object) => {
    const res = await call(session, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  /** The unit's Q1 report: its led task's progress, a figure, optional evidence; submitted. */
  const report = async (
    session: SignedIn,
    unit: OrgUnitRow,
    progress: number,
    figure: { numerator: number; denominator: number },
    evidenceFileIds: string[] = [],
  ) => {
    const form = ZUnitReport.parse(await ok(session, "GET", reportUrl(unit))) as TUnitReport;
    const saved = await ok(session, "PUT", reportUrl(unit), {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress, note: "Đã triển khai" })),
      values: [{ targetKey: setup.targetKey, ...figure, evidenceFileIds }],
    });
    await ok(session, "POST", `${reportUrl(unit)}/submit`, { version: saved.version });
  };

  beforeAll(async () => {
    setup = await buildReportingPlan(ctx.db);
    const reporterA = await signInAs(ctx, setup.communeA, "unit_reporter");
    reporterB = await signInAs(ctx, setup.communeB, "unit_reporter");
    leader = await signInAs(ctx, setup.district, "leader");
    stranger = await signInAs(ctx, (await buildTenant(ctx.db)).district, "leader");

    const body = multipart(
      {},
      { name: "file", fileName: "Số liệu quý I.pdf", bytes: PDF, contentType: "application/pdf" },
    );
    const uploaded = await ctx.app.inject({
      method: "POST",
      url: `${reportUrl(setup.communeA)}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, ...reporterA.headers },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    evidenceId = ZEvidenceFile.parse(uploaded.json()).id;
    await report(reporterA, setup.communeA, 20, { numerator: 45, denominator: 50 }, [evidenceId]);
    await report(reporterB, setup.communeB, 80, { numerator: 30, denominator: 50 });
    // Commune A's task was due ten days ago; commune B's is due next month.
    const [taskA, taskB] = setup.tasks;
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: isoDaysFromToday(-10) })
      .where(and(eq(planTasks.tenantId, taskA.tenantId), eq(planTasks.id, taskA.id)));
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: isoDaysFromToday(30) })
      .where(and(eq(planTasks.tenantId, taskB.tenantId), eq(planTasks.id, taskB.id)));
  });

  const dashboard = async (session = leader) =>
    ZPlanDashboard.parse(await ok(session, "GET", `${base()}/dashboard`)) as TPlanDashboard;

  it("counts targets by pillar exactly as the plan's attainment does", async () => {
    const d = await dashboard();
    const a = ZPlanAttainment.parse(await ok(leader, "GET", `${base()}/attainment`)) as TPlanAttainment;
    expect(d.period?.key).toBe("2025-Q1");
    expect(d.period?.key).toBe(a.period?.key);
    expect(d.counts).toEqual({ ...a.counts, total: a.targets.length });
    for (const pillar of d.pillars) {
      const mine = a.targets.filter((t) => t.pillar === pillar.pillar);
      const n = (s: string) => mine.filter((t) => t.attainment === s).length;
      expect(pillar, pillar.pillar).toMatchObject({
        total: mine.length,
        achieved: n("achieved"),
        near: n("near"),
        notAchieved: n("not_achieved"),
        noData: n("no_data"),
        qualitative: n("qualitative"),
      });
    }
    expect(d.pillars.reduce((s, p) => s + p.total, 0)).toBe(a.targets.length);
    // 75 of 100 files online against ≥ 80%: gần đạt, so at risk.
    const target = d.atRisk.find((t) => t.targetKey === setup.targetKey);
    expect(target).toMatchObject({ value: 75, attainment: "near", reasons: ["near"], percent: true });
    expect(d.trend.periods.map((p) => p.key)).toEqual(["2025-Q1"]);
    expect(d.trend.overall).toEqual([0]);
  });

  it("lists a task past its deadline with its lead unit and days overdue", async () => {
    const d = await dashboard();
    expect(d.overdueTasks).toHaveLength(1);
    expect(d.overdueTasks[0]).toMatchObject({
      key: setup.tasks[0].key,
      leadUnit: { id: setup.communeA.id, name: setup.communeA.name },
      deadline: isoDaysFromToday(-10),
      progress: 20,
      daysOverdue: 10,
    });
    expect(d.tasks).toEqual({ total: 2, done: 0, overdue: 1, averageProgress: 50 });
  });

  it("ranks units by the progress of the tasks they lead, with their reporting timeliness", async () => {
    const d = await dashboard();
    expect(d.units.map((u) => u.unit.id)).toEqual([setup.communeB.id, setup.communeA.id]);
    expect(d.units[0]).toMatchObject({ tasks: 1, averageProgress: 80, overdue: 0 });
    expect(d.units[1]).toMatchObject({ tasks: 1, averageProgress: 20, overdue: 1 });
    // Q1 was due on 15/03/2025; both reports came in afterwards.
    for (const u of d.units) expect(u).toMatchObject({ expected: 1, late: 1, onTime: 0, onTimePercent: 0 });
    expect(d.reporting).toEqual({ expected: 2, onTime: 0, late: 2, missing: 0, onTimePercent: 0 });
  });

  it("drills a target down to its units and the evidence each sent, downloadable by the leader", async () => {
    const url = `${base()}/dashboard/targets/${setup.targetKey}?period=2025-Q1`;
    const detail = ZDashboardTargetDetail.parse(await ok(leader, "GET", url)) as TDashboardTargetDetail;
    expect(detail.target).toMatchObject({ targetKey: setup.targetKey, value: 75 });
    expect(detail.units[0]).toMatchObject({ unit: { id: setup.district.id }, parentId: null, value: 75 });
    const a = detail.units.find((u) => u.unit.id === setup.communeA.id);
    const b = detail.units.find((u) => u.unit.id === setup.communeB.id);
    expect(a).toMatchObject({
      reported: true,
      value: 90,
      numerator: 45,
      denominator: 50,
      canReadEvidence: true,
    });
    expect(a?.evidence.map((e) => [e.name, e.size, e.url])).toEqual([
      ["Số liệu quý I.pdf", PDF.length, `/api/evidence/${evidenceId}`],
    ]);
    expect(b?.evidence).toEqual([]);
    const download = await call(leader, "GET", a?.evidence[0].url ?? "");
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // Commune B's reporter reads the district plan but not the other units' figures (issue 12):
    // the target's panel shows the plan's result, as the dashboard does, and B's own figure.
    const seenByB = ZDashboardTargetDetail.parse(await ok(reporterB, "GET", url)) as TDashboardTargetDetail;
    expect(seenByB.target).toMatchObject({ targetKey: setup.targetKey, value: 75 });
    expect(seenByB.ownUnitsOnly).toBe(true);
    expect(seenByB.units.map((u) => [u.unit.id, u.parentId])).toEqual([[setup.communeB.id, null]]);
    expect(detail.ownUnitsOnly).toBe(false);
  });

  it("refuses another province and answers 404 for a target outside the plan", async () => {
    for (const url of [`${base()}/dashboard`, `${base()}/dashboard/targets/${setup.targetKey}`]) {
      const res = await call(stranger, "GET", url);
      expect(res.statusCode, url).toBe(404);
    }
    const unknown = await call(leader, "GET", `${base()}/dashboard/targets/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Không tìm thấy chỉ tiêu trong kế hoạch.");
    const badPeriod = await call(leader, "GET", `${base()}/dashboard?period=2031-Q9`);
    expect(badPeriod.statusCode).toBe(404);
  });

  it("says what its figures rest on: reports in of those expected, units per target", async () => {
    const d = await dashboard();
    expect(d.basis).toEqual({
      reports: { received: 2, expected: 2 },
      provisional: null,
      provisionalLabel: null,
    });
    expect(d.targets.find((t) => t.targetKey === setup.targetKey)).toMatchObject({
      reportingUnits: 2,
      expectedUnits: 2,
    });
  });

  it("marks a period's figures provisional while reports are missing and while the period is not yet due", async () => {
    const other = await buildReportingPlan(ctx.db);
    const reporter = await signInAs(ctx, other.communeA, "unit_reporter");
    const boss = await signInAs(ctx, other.district, "leader");
    const url = `/api/plans/${other.plan.code}/periods/2025-Q1/reports/${other.communeA.id}`;
    const form = ZUnitReport.parse(await ok(reporter, "GET", url));
    const saved = await ok(reporter, "PUT", url, {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress: 50 })),
      values: [{ targetKey: other.targetKey, numerator: 9, denominator: 10 }],
    });
    await ok(reporter, "POST", `${url}/submit`, { version: saved.version });
    const read = async () =>
      ZPlanDashboard.parse(
        await ok(boss, "GET", `/api/plans/${other.plan.code}/dashboard`),
      ) as TPlanDashboard;
    // One report of two: 90% against ≥ 80% reads "đạt", but only as tạm tính.
    const incomplete = await read();
    expect(incomplete.counts).toMatchObject({ achieved: 1, total: 2 });
    expect(incomplete.basis).toEqual({
      reports: { received: 1, expected: 2 },
      provisional: "incomplete",
      provisionalLabel: "Tạm tính — chưa đủ báo cáo",
    });
    expect(incomplete.targets.find((t) => t.targetKey === other.targetKey)).toMatchObject({
      reportingUnits: 1,
      expectedUnits: 2,
    });
    // The same period moved to a due date still ahead: not yet due comes first.
    await ctx.db
      .update(reportingPeriods)
      .set({ dueDate: isoDaysFromToday(20) })
      .where(
        and(
          eq(reportingPeriods.tenantId, other.plan.tenantId),
          eq(reportingPeriods.planCode, other.plan.code),
        ),
      );
    expect((await read()).basis.provisional).toBe("not_due");
  });
});
