import {
  type TAuditEntry,
  type TPeriodStatus,
  type TPlanAttainment,
  type TPlanPeriods,
  type TReportHistory,
  type TUnitReport,
  ZPeriodStatus,
  ZPlanAttainment,
  ZPlanPeriods,
  ZUnitReport,
} from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  auditLog,
  indicators,
  type OrgUnitRow,
  orgUnitLineage,
  type PlanRow,
  type PlanTaskRow,
  planReportingRules,
  planTargets,
  planTasks,
  taskUpdates,
} from "../src/db/schema.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import {
  buildPublishedPlan,
  buildTenant,
  buildUnit,
  describeBothDatabases,
  ONLINE_RECORDS_INDICATOR,
  QUARTERLY_RULE,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("reporting: periods, unit reports, workflow, status and attainment", (ctx) => {
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let communeA: OrgUnitRow;
  let communeB: OrgUnitRow;
  let reporterA: SignedIn;
  let reporterA2: SignedIn;
  let reporterB: SignedIn;
  let officer: SignedIn;
  let targetKey: string;
  let targetId: string;

  const base = () => `/api/plans/${plan.code}`;
  const reportUrl = (key: string, unit: OrgUnitRow) => `${base()}/periods/${key}/reports/${unit.id}`;
  const { call } = ctx;
  const open = async (session: SignedIn, key: string, unit: OrgUnitRow) => {
    const res = await call(session, "GET", reportUrl(key, unit));
    expect(res.statusCode, res.body).toBe(200);
    return ZUnitReport.parse(res.json()) as TUnitReport;
  };
  /** Fills the unit's report with figures and submits it. */
  const fillAndSubmit = async (
    session: SignedIn,
    key: string,
    unit: OrgUnitRow,
    num: number,
    den: number,
  ) => {
    const form = await open(session, key, unit);
    const saved = await call(session, "PUT", reportUrl(key, unit), {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress: 50, note: "Đã triển khai" })),
      values: [{ targetKey, numerator: num, denominator: den, note: "Số liệu thử" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(session, "POST", `${reportUrl(key, unit)}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    return submitted.json() as TUnitReport;
  };

  beforeAll(async () => {
    const tenant = await buildTenant(ctx.db);
    communeA = tenant.communeA;
    communeB = tenant.communeB;
    ({ plan, tasks } = await buildPublishedPlan(ctx.db, tenant.district, {
      tasks: [{ leadUnitId: communeA.id }, { leadUnitId: communeB.id }],
    }));
    // The Châu Thành regime: quarterly, before the 15th of the quarter's last month; ad hoc on demand.
    await ctx.db.insert(planReportingRules).values([
      { tenantId: plan.tenantId, planId: plan.id, ...QUARTERLY_RULE },
      { tenantId: plan.tenantId, planId: plan.id, position: 1, frequency: "adhoc", text: "Đột xuất" },
    ]);
    // Kỳ báo cáo exist from publication, as the publish operation writes them.
    await writePlanPeriods(ctx.db, plan);
    const code = `TL-${Date.now().toString(36)}`;
    await ctx.db.insert(indicators).values({ tenantId: plan.tenantId, code, ...ONLINE_RECORDS_INDICATOR });
    const [target] = await ctx.db
      .update(planTargets)
      .set({ indicatorCode: code, comparator: ">=", value: 80, year: 2025 })
      .where(and(eq(planTargets.planId, plan.id), eq(planTargets.pillar, "digital_government")))
      .returning();
    targetKey = target.key;
    targetId = target.id;
    reporterA = await signInAs(ctx, communeA, "unit_reporter");
    reporterA2 = await signInAs(ctx, communeA, "unit_reporter");
    reporterB = await signInAs(ctx, communeB, "unit_reporter");
    officer = await signInAs(ctx, tenant.district, "focal_officer");
  });

  it("derives the periods from the plan's regime with the Decree 09 cut-off, once", async () => {
    const first = await call(officer, "GET", `${base()}/periods`);
    expect(first.statusCode, first.body).toBe(200);
    const body = ZPlanPeriods.parse(first.json()) as TPlanPeriods;
    expect(body.periods.map((p) => p.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(body.periods[0]).toMatchObject({
      label: "Quý I năm 2025",
      start: "2024-12-15",
      end: "2025-03-14",
      dueDate: "2025-03-15",
      adhoc: false,
      overdue: true,
    });
    expect(body.periods[0].counts).toMatchObject({ expected: 2, missing: 2, notStarted: 2 });
    expect(body.can.manage).toBe(true);
    const again = ZPlanPeriods.parse((await call(reporterA, "GET", `${base()}/periods`)).json());
    expect(again.periods.map((p) => p.id)).toEqual(body.periods.map((p) => p.id));
    expect(again.can.manage).toBe(false);
    expect(again.periods[0].mine.map((m) => m.unit.id)).toEqual([communeA.id]);
  });

  it("lets the focal officer adjust a period and open an ad hoc one, not a reporter", async () => {
    const refused = await call(reporterA, "PATCH", `${base()}/periods/2025-Q2`, { dueDate: "2099-12-31" });
    expect(refused.statusCode).toBe(403);
    const adjusted = await call(officer, "PATCH", `${base()}/periods/2025-Q2`, {
      dueDate: "2099-12-31",
      reason: "Lùi hạn để thử nghiệm",
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect(adjusted.json()).toMatchObject({ key: "2025-Q2", dueDate: "2099-12-31", overdue: false });
    expect(adjusted.json().adjusted.reason).toBe("Lùi hạn để thử nghiệm");
    const bad = await call(officer, "PATCH", `${base()}/periods/2025-Q2`, {
      start: "2025-06-01",
      end: "2025-05-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe("Ngày kết thúc phải sau ngày bắt đầu");
    const adhoc = await call(officer, "POST", `${base()}/periods`, {
      label: "Báo cáo đột xuất về dịch vụ công",
      start: "2025-04-01",
      end: "2025-04-30",
      dueDate: "2025-05-05",
    });
    expect(adhoc.statusCode, adhoc.body).toBe(201);
    expect(adhoc.json()).toMatchObject({ key: "2025-A1", adhoc: true, frequency: "adhoc" });
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "reporting.period.adjust"));
    expect(audits.some((a) => (a.after as { dueDate: string }).dueDate === "2099-12-31")).toBe(true);
  });

  it("opens a unit's form as a draft with its tasks and indicator figures", async () => {
    const form = await open(reporterA, "2025-Q1", communeA);
    expect(form).toMatchObject({ status: "draft", version: 1, locked: false, difficulties: "" });
    expect(form.tasks.map((t) => t.key)).toEqual([tasks[0].key]);
    expect(form.values).toHaveLength(1);
    expect(form.values[0].indicator.aggregation).toBe("ratio");
    expect(form.can).toMatchObject({ edit: true, submit: true, review: false });
  });

  it("says in Vietnamese what is wrong: progress over 100%, numerator above denominator", async () => {
    const over = await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: 1,
      tasks: [{ key: tasks[0].key, progress: 120 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.code).toBe("validation_failed");
    expect(over.json().error.details).toContainEqual({
      path: "body.tasks.0.progress",
      message: "Tiến độ không được vượt quá 100%",
    });
    const ratio = await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: 1,
      values: [{ targetKey, numerator: 60, denominator: 50 }],
    });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().error.details).toContainEqual({
      path: "body.values.0.numerator",
      message: "Tử số không được lớn hơn mẫu số",
    });
    // Against a denominator saved earlier, too.
    const den = await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: 1,
      values: [{ targetKey, denominator: 50 }],
    });
    expect(den.statusCode, den.body).toBe(200);
    const num = await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: 2,
      values: [{ targetKey, numerator: 51 }],
    });
    expect(num.statusCode).toBe(400);
    expect(num.json().error.message).toContain("Tử số không được lớn hơn mẫu số");
  });

  it("refuses the second of two saves made from the same version, naming who saved", async () => {
    const form = await open(reporterA, "2025-Q1", communeA);
    const first = await call(reporterA2, "PUT", reportUrl("2025-Q1", communeA), {
      version: form.version,
      difficulties: "Thiếu nhân lực",
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(form.version + 1);
    const second = await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: form.version,
      difficulties: "Ghi đè",
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(
      /^Báo cáo đã được Người dùng thử nghiệm cập nhật lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}; hãy tải lại trước khi lưu\.$/,
    );
    expect((await open(reporterA, "2025-Q1", communeA)).difficulties).toBe("Thiếu nhân lực");
  });

  it("refuses another unit's reporter and keeps reporters from reviewing", async () => {
    expect((await call(reporterB, "GET", reportUrl("2025-Q1", communeA))).statusCode).toBe(403);
    const put = await call(reporterB, "PUT", reportUrl("2025-Q1", communeA), { version: 1, proposals: "Lạ" });
    expect(put.statusCode).toBe(403);
    const approve = await call(reporterA, "POST", `${reportUrl("2025-Q1", communeA)}/approve`, {});
    expect(approve.statusCode).toBe(403);
  });

  it("refuses to submit with a required figure missing", async () => {
    const form = await open(reporterA, "2025-Q1", communeA);
    await call(reporterA, "PUT", reportUrl("2025-Q1", communeA), {
      version: form.version,
      tasks: [{ key: tasks[0].key, progress: null }],
      values: [{ targetKey, numerator: null, denominator: null }],
    });
    const res = await call(reporterA, "POST", `${reportUrl("2025-Q1", communeA)}/submit`, {});
    expect(res.statusCode).toBe(400);
    const messages = (res.json().error.details as { message: string }[]).map((d) => d.message);
    expect(messages).toContain(
      "Thiếu Số hồ sơ trực tuyến toàn trình của chỉ số «Tỷ lệ hồ sơ trực tuyến toàn trình»",
    );
    expect(messages.some((m) => m.startsWith("Chưa nhập tiến độ nhiệm vụ"))).toBe(true);
  });

  it("runs submit → return (comment) → resubmit → approve → locked → reopen, all in history and audit", async () => {
    const url = reportUrl("2025-Q1", communeA);
    const submitted = await fillAndSubmit(reporterA, "2025-Q1", communeA, 45, 50);
    expect(submitted).toMatchObject({ status: "submitted", timeliness: "late" });
    expect(submitted.values[0].value).toBe(90);
    // The task page shows the reported progress.
    const updates = await ctx.db.select().from(taskUpdates).where(eq(taskUpdates.taskKey, tasks[0].key));
    expect(updates.map((u) => u.progress)).toEqual([50]);
    expect(updates[0].note).toBe("Báo cáo Quý I năm 2025: Đã triển khai");
    // Read in English, the task's history names the report in English.
    const task = await ctx.app.inject({
      method: "GET",
      url: `/api/tasks/${tasks[0].id}`,
      headers: { ...reporterA.headers, "accept-language": "en" },
    });
    expect(task.json().history[0].summary).toBe("Progress updated 0% → 50%: Q1 2025 report: Đã triển khai");

    const noComment = await call(officer, "POST", `${url}/return`, { comment: " " });
    expect(noComment.statusCode).toBe(400);
    const returned = await call(officer, "POST", `${url}/return`, { comment: "Bổ sung minh chứng" });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: "returned", returnComment: "Bổ sung minh chứng" });

    const again = await call(reporterA, "POST", `${url}/submit`, { version: returned.json().version });
    expect(again.statusCode, again.body).toBe(200);
    const approved = await call(officer, "POST", `${url}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", locked: true });

    const locked = await call(reporterA, "PUT", url, {
      version: approved.json().version,
      difficulties: "Sửa",
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain("đã được duyệt và khoá");

    expect((await call(reporterA, "POST", `${url}/reopen`, { reason: "Sửa" })).statusCode).toBe(403);
    const reopened = await call(officer, "POST", `${url}/reopen`, { reason: "Điều chỉnh số liệu tử số" });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "returned", locked: false });

    const history = (await call(reporterA, "GET", `${url}/history`)).json() as TReportHistory;
    expect(history.events.map((e) => e.action)).toEqual([
      "created",
      "submitted",
      "returned",
      "submitted",
      "approved",
      "reopened",
    ]);
    expect(history.events[2].comment).toBe("Bổ sung minh chứng");
    expect(history.events[1].summary).toMatch(/^Nộp báo cáo \(sau hạn \d+ ngày\)$/);
    // In English each line speaks English; the reason stays as written.
    const english = (
      await ctx.app.inject({
        method: "GET",
        url: `${url}/history`,
        headers: { ...reporterA.headers, "accept-language": "en" },
      })
    ).json() as TReportHistory;
    expect(english.events.map((e) => e.summary)).toEqual([
      "Report drafted",
      expect.stringMatching(/^Report submitted \(\d+ days? late\)$/),
      "Report returned: Bổ sung minh chứng",
      expect.stringMatching(/^Report submitted again \(\d+ days? late\)$/),
      "Report approved, the period's figures locked",
      "Approved report reopened: Điều chỉnh số liệu tử số",
    ]);
    // The audit log names the report by its unit and period, the period in the reader's language.
    const subjects = async (lang: string) => {
      const res = await ctx.app.inject({
        method: "GET",
        url: "/api/audit?entity=unit_report&limit=50",
        headers: { ...officer.headers, "accept-language": lang },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: TAuditEntry[] }).items.map((e) => e.subject);
    };
    expect(await subjects("vi")).toContain(`${communeA.name} — Quý I năm 2025`);
    expect(await subjects("en")).toContain(`${communeA.name} — Q1 2025`);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "unit_report"), eq(auditLog.entityId, submitted.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        "report.approved",
        "report.reopened",
        "report.returned",
        "report.submitted",
        "report.submitted",
      ].sort(),
    );
    // Back to approved for the figures below.
    const re = await call(reporterA, "POST", `${url}/submit`, {});
    expect(re.statusCode, re.body).toBe(200);
    expect((await call(officer, "POST", `${url}/approve`, {})).statusCode).toBe(200);
  });

  it("tells on time from late and counts each unit's standing", async () => {
    const onTime = await fillAndSubmit(reporterA, "2025-Q2", communeA, 48, 50);
    expect(onTime.timeliness).toBe("on_time");
    const res = await call(officer, "GET", `${base()}/periods/2025-Q1/status`);
    expect(res.statusCode, res.body).toBe(200);
    const q1 = ZPeriodStatus.parse(res.json()) as TPeriodStatus;
    const a = q1.units.find((u) => u.unit.id === communeA.id);
    const b = q1.units.find((u) => u.unit.id === communeB.id);
    expect(a).toMatchObject({ status: "approved", timeliness: "late", role: "lead", taskCount: 1 });
    expect(a?.daysLate).toBeGreaterThan(0);
    expect(b).toMatchObject({ status: null, timeliness: "missing", reportId: null });
    expect(q1.period.counts).toMatchObject({
      expected: 2,
      onTime: 0,
      late: 1,
      missing: 1,
      notStarted: 1,
      approved: 1,
    });
    const q2 = ZPlanPeriods.parse((await call(officer, "GET", `${base()}/periods`)).json()).periods.find(
      (p) => p.key === "2025-Q2",
    );
    expect(q2?.counts).toMatchObject({ expected: 2, onTime: 1, notDue: 1, submitted: 1, notStarted: 1 });
  });

  it("rolls a ratio up as Σ numerators / Σ denominators and judges attainment and trend", async () => {
    await fillAndSubmit(reporterB, "2025-Q1", communeB, 27, 50);
    const get = async () => {
      const res = await call(officer, "GET", `${base()}/attainment?period=2025-Q1`);
      expect(res.statusCode, res.body).toBe(200);
      const body = ZPlanAttainment.parse(res.json()) as TPlanAttainment;
      return body.targets.find((t) => t.targetKey === targetKey) as TPlanAttainment["targets"][number];
    };
    const q1 = await get();
    expect(q1).toMatchObject({ numerator: 72, denominator: 100, reportingUnits: 2, attainment: "near" });
    expect(q1.value).toBeCloseTo(72);
    expect(q1.attainmentLabel).toBe("Gần đạt");
    expect(q1.tree.find((n) => n.parentId === null)).toMatchObject({
      numerator: 72,
      denominator: 100,
      units: 2,
    });
    await ctx.db.update(planTargets).set({ value: 70 }).where(eq(planTargets.id, targetId));
    expect((await get()).attainment).toBe("achieved");
    await ctx.db.update(planTargets).set({ value: 90 }).where(eq(planTargets.id, targetId));
    expect((await get()).attainment).toBe("not_achieved");
    await ctx.db.update(planTargets).set({ value: 80 }).where(eq(planTargets.id, targetId));
    // Q2 so far: commune A alone at 96% after 72% in Q1.
    const q2 = ZPlanAttainment.parse(
      (await call(officer, "GET", `${base()}/attainment?period=2025-Q2`)).json(),
    );
    const t2 = q2.targets.find((t) => t.targetKey === targetKey);
    expect(t2?.series.map((s) => s.periodKey)).toEqual(["2025-Q1", "2025-Q2"]);
    expect(t2?.value).toBeCloseTo(96);
    expect(t2).toMatchObject({ attainment: "achieved", trend: "up" });
  });

  it("asks the successor of a merged unit to report once the merge has taken effect", async () => {
    const tenant = await buildTenant(ctx.db);
    const old = await buildUnit(ctx.db, { parent: tenant.district, validTo: "2025-06-30" });
    await ctx.db.insert(orgUnitLineage).values({
      tenantId: tenant.province.id,
      predecessorId: old.id,
      successorId: tenant.communeB.id,
      event: "merge",
      effectiveDate: "2025-07-01",
    });
    const { plan: merged } = await buildPublishedPlan(ctx.db, tenant.district, {
      tasks: [{ leadUnitId: old.id }, { leadUnitId: tenant.communeA.id }],
    });
    await writePlanPeriods(ctx.db, merged);
    const head = await signInAs(ctx, tenant.district, "focal_officer");
    const units = async (key: string) =>
      ZPeriodStatus.parse(
        (await call(head, "GET", `/api/plans/${merged.code}/periods/${key}/status`)).json(),
      ).units.map((u) => u.unit.id);
    expect((await units("2025-Q2")).sort()).toEqual([old.id, tenant.communeA.id].sort());
    expect((await units("2025-Q3")).sort()).toEqual([tenant.communeA.id, tenant.communeB.id].sort());
    // The form of each reads the task through lineage: the old unit's before the merge, its successor's after.
    const oldTask = (
      await ctx.db
        .select()
        .from(planTasks)
        .where(and(eq(planTasks.tenantId, merged.tenantId), eq(planTasks.planId, merged.id)))
    ).find((t) => t.leadUnitId === old.id);
    const formTasks = async (key: string, unitId: string) => {
      const res = await call(head, "GET", `/api/plans/${merged.code}/periods/${key}/reports/${unitId}`);
      expect(res.statusCode).toBe(200);
      return ZUnitReport.parse(res.json()).tasks.map((t) => [t.key, t.role]);
    };
    expect(await formTasks("2025-Q2", old.id)).toEqual([[oldTask?.key, "lead"]]);
    expect(await formTasks("2025-Q3", tenant.communeB.id)).toEqual([[oldTask?.key, "lead"]]);
  });
});
