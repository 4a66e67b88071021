import {
  type TMyWork,
  type TNotificationList,
  type TPendingReassignments,
  type TReassignmentPreview,
  type TReorganisationResult,
  ZPendingReassignments,
  ZPeriodStatus,
  ZReassignmentPreview,
  ZSessionResponse,
  ZUserList,
} from "@dtplan/contracts";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  auditLog,
  type OrgUnitRow,
  type PlanRow,
  type PlanTaskRow,
  planReportingRules,
  planTargetUnits,
  planTasks,
  reportingPeriods,
  roleGrants,
  unitReports,
} from "../src/db/schema.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import {
  buildPublishedPlan,
  buildTenant,
  buildUnit,
  buildUser,
  describeBothDatabases,
  loginAs,
  QUARTERLY_RULE,
  type SignedIn,
} from "./helpers.ts";

describeBothDatabases("reassigning a closed unit's work to its successor", (ctx) => {
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let communeC: OrgUnitRow;
  let merged: { id: string; name: string };
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let admin: SignedIn;
  let reporterA: SignedIn;
  let reporterAId: string;
  let reporterBId: string;

  const { call } = ctx;
  const movesToMerged = () =>
    [tenant.communeA, tenant.communeB, communeC].map((u) => ({ fromUnitId: u.id, toUnitId: merged.id }));
  const periodId = async (key: string) =>
    (
      await ctx.db
        .select()
        .from(reportingPeriods)
        .where(and(eq(reportingPeriods.planCode, plan.code), eq(reportingPeriods.key, key)))
    )[0].id;
  const taskById = async (id: string) =>
    (await ctx.db.select().from(planTasks).where(eq(planTasks.id, id)))[0];

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    communeC = await buildUnit(ctx.db, { parent: tenant.district, name: "Xã Cẩm Sơn" });
    const { communeA, communeB, district } = tenant;
    ({ plan, tasks } = await buildPublishedPlan(ctx.db, district, {
      tasks: [
        { leadUnitId: communeA.id, text: "Số hóa hồ sơ hộ tịch" },
        {
          leadUnitId: communeB.id,
          text: "Lắp camera an ninh",
          coordinators: [{ text: "Xã Cẩm Sơn", unitId: communeC.id, score: 1, suggestions: [] }],
        },
        { leadUnitId: communeA.id, text: "Đào tạo kỹ năng số" },
        {
          leadUnitId: district.id,
          text: "Triển khai nền tảng họp trực tuyến",
          coordinators: [
            { text: "Xã A", unitId: communeA.id, score: 1, suggestions: [] },
            { text: "Xã Cẩm Sơn", unitId: communeC.id, score: 1, suggestions: [] },
          ],
        },
      ],
    }));
    // Done before the merger: history that stays with the old commune.
    await ctx.db
      .update(planTasks)
      .set({ progress: 100, completedAt: "2025-05-20" })
      .where(eq(planTasks.id, tasks[2].id));
    await ctx.db
      .insert(planReportingRules)
      .values({ tenantId: plan.tenantId, planId: plan.id, ...QUARTERLY_RULE });
    await writePlanPeriods(ctx.db, plan);
    const report = (unit: OrgUnitRow, period: string, status: "draft" | "returned" | "approved") => ({
      tenantId: plan.tenantId,
      periodId: period,
      planCode: plan.code,
      unitId: unit.id,
      status,
    });
    const q2 = await periodId("2025-Q2");
    const q3 = await periodId("2025-Q3");
    await ctx.db
      .insert(unitReports)
      .values([
        report(communeA, q2, "approved"),
        report(communeA, q3, "draft"),
        report(communeC, q3, "returned"),
      ]);

    const adminUser = await buildUser(ctx.db, { grants: [{ unit: tenant.province, role: "administrator" }] });
    admin = await loginAs(ctx.app, adminUser);
    const a = await buildUser(ctx.db, { grants: [{ unit: communeA, role: "unit_reporter" }] });
    const b = await buildUser(ctx.db, { grants: [{ unit: communeB, role: "unit_reporter" }] });
    reporterAId = a.id;
    reporterBId = b.id;
    reporterA = await loginAs(ctx.app, a);

    const response = await call(admin, "POST", "/api/org/merges", {
      sourceIds: [communeA.id, communeB.id, communeC.id],
      newUnit: { parentId: district.id, code: `XA-HN-${Date.now()}`, name: "Xã Hợp Nhất", kind: "commune" },
      effectiveDate: "2025-07-01",
    });
    expect(response.statusCode, response.body).toBe(200);
    const [created] = (response.json() as TReorganisationResult).created;
    merged = { id: created.id, name: created.name };
  });

  it("lists the merged communes that still hold open work, with the new commune as successor", async () => {
    const response = await call(
      admin,
      "GET",
      `/api/org/reassignments/pending?tenantId=${tenant.province.id}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const { items } = ZPendingReassignments.parse(response.json()) as TPendingReassignments;
    const byId = new Map(items.map((i) => [i.unit.id, i]));
    expect(byId.get(tenant.communeA.id)).toMatchObject({
      unit: { validTo: "2025-06-30" },
      successors: [merged],
      counts: { task: 2, assignment: 1, report: 1, grant: 1 },
    });
    expect(byId.get(tenant.communeB.id)?.counts).toEqual({ task: 1, assignment: 1, report: 0, grant: 1 });
    expect(byId.get(communeC.id)?.counts).toEqual({ task: 2, assignment: 1, report: 1, grant: 0 });
  });

  it("previews the move without changing anything", async () => {
    const response = await call(admin, "POST", "/api/org/reassignments/preview", { moves: movesToMerged() });
    expect(response.statusCode, response.body).toBe(200);
    const preview = ZReassignmentPreview.parse(response.json()) as TReassignmentPreview;
    // Both Q3 reports would go to the new commune: the second one cannot and says why.
    expect(preview.counts).toEqual({ task: 5, assignment: 3, report: 1, grant: 2 });
    expect(preview.skipped).toBe(1);
    expect(preview.items.find((i) => i.skipped)?.skipped).toContain("đã có báo cáo kỳ này");
    expect(preview.items.some((i) => i.label === "Đào tạo kỹ năng số")).toBe(false);
    expect((await taskById(tasks[0].id)).leadUnitId).toBe(tenant.communeA.id);
    // Read in English, the preview's own words are English; names and texts stay as written.
    const english = ZReassignmentPreview.parse(
      (
        await ctx.app.inject({
          method: "POST",
          url: "/api/org/reassignments/preview",
          payload: { moves: movesToMerged() },
          headers: { ...admin.headers, "accept-language": "en" },
        })
      ).json(),
    ) as TReassignmentPreview;
    expect(english.items.find((i) => i.skipped)?.skipped).toContain("already has a report for this period");
    const words = english.items.flatMap((i) => [i.detail ?? "", i.skipped ?? ""]).join("\n");
    expect(words).not.toMatch(/chủ trì|phối hợp|đã có|Bản nháp|Bị trả lại|Cán bộ|Quản trị|Quý/);
    expect(english.items.find((i) => i.kind === "report")?.label).toMatch(/ — Q3 \d{4}$/);
  });

  it("refuses a unit still in force, a closed destination, and anyone without org.manage", async () => {
    const open = await call(admin, "POST", "/api/org/reassignments", {
      moves: [{ fromUnitId: tenant.district.id, toUnitId: merged.id }],
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain("vẫn đang hoạt động");
    const closedTo = await call(admin, "POST", "/api/org/reassignments", {
      moves: [{ fromUnitId: tenant.communeA.id, toUnitId: tenant.communeB.id }],
    });
    expect(closedTo.statusCode).toBe(409);
    expect(closedTo.json().error.message).toContain("đã ngừng hoạt động");
    const reporter = await call(reporterA, "POST", "/api/org/reassignments", { moves: movesToMerged() });
    expect(reporter.statusCode).toBe(403);
  });

  it("moves open tasks, current reports and grants in one step, one audit entry per item", async () => {
    const response = await call(admin, "POST", "/api/org/reassignments", { moves: movesToMerged() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().counts).toEqual({ task: 5, assignment: 3, report: 1, grant: 2 });

    expect((await taskById(tasks[0].id)).leadUnitId).toBe(merged.id);
    const camera = await taskById(tasks[1].id);
    // The coordinator became the lead: it is listed once, as lead.
    expect(camera.leadUnitId).toBe(merged.id);
    expect(camera.coordinators).toEqual([]);
    const meeting = await taskById(tasks[3].id);
    expect(meeting.leadUnitId).toBe(tenant.district.id);
    expect(meeting.coordinators.map((c) => c.unitId)).toEqual([merged.id]);
    expect((await taskById(tasks[2].id)).leadUnitId).toBe(tenant.communeA.id);

    const reports = await ctx.db.select().from(unitReports).where(eq(unitReports.planCode, plan.code));
    const q2 = await periodId("2025-Q2");
    const q3 = await periodId("2025-Q3");
    expect(reports.find((r) => r.periodId === q2)?.unitId).toBe(tenant.communeA.id);
    expect(reports.filter((r) => r.periodId === q3 && r.unitId === merged.id)).toHaveLength(1);

    // The target the three communes reported is now reported by the new commune (once).
    const assigned = await ctx.db.select().from(planTargetUnits).where(eq(planTargetUnits.planId, plan.id));
    expect(assigned.map((a) => a.unitId).sort()).toEqual([tenant.district.id, merged.id].sort());

    const grants = await ctx.db.select().from(roleGrants).where(eq(roleGrants.unitId, merged.id));
    expect(grants.map((g) => g.userId).sort()).toEqual([reporterAId, reporterBId].sort());
    // The new commune's staff hear of the tasks it now leads; the administrator who moved them does not.
    const bell = async (session: SignedIn) =>
      ((await call(session, "GET", "/api/notifications")).json() as TNotificationList).items;
    const told = (await bell(reporterA)).filter((n) => n.kind === "task.assigned");
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(`Nhiệm vụ được giao: 2 nhiệm vụ — ${plan.title}`);
    expect(told[0].body).toContain("Số hóa hồ sơ hộ tịch");
    expect(told[0].body).toContain("Lắp camera an ninh");
    expect(await bell(admin)).toEqual([]);

    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.province.id), like(auditLog.action, "org.reassign.%")));
    expect(entries).toHaveLength(11);
    expect(entries.find((e) => e.entityId === tasks[0].id)).toMatchObject({
      action: "org.reassign.task",
      before: { unit: { id: tenant.communeA.id } },
      after: { unit: merged },
    });

    const pending = await call(admin, "GET", `/api/org/reassignments/pending?tenantId=${tenant.province.id}`);
    // Only the returned report of commune C is left: the new commune already had commune A's draft.
    expect((pending.json() as TPendingReassignments).items).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ id: communeC.id }),
        counts: { task: 0, assignment: 0, report: 1, grant: 0 },
      }),
    ]);
  });

  it("keeps the history readable under the old names", async () => {
    const status = await call(admin, "GET", `/api/plans/${plan.code}/periods/2025-Q2/status`);
    expect(status.statusCode, status.body).toBe(200);
    const q2 = ZPeriodStatus.parse(status.json());
    const rowA = q2.units.find((u) => u.unit.id === tenant.communeA.id);
    expect(rowA).toMatchObject({ unit: { name: tenant.communeA.name }, status: "approved" });
    expect(q2.units.some((u) => u.unit.id === merged.id)).toBe(false);
    const q3 = ZPeriodStatus.parse(
      (await call(admin, "GET", `/api/plans/${plan.code}/periods/2025-Q3/status`)).json(),
    );
    // Three moved tasks, and commune A's completed one through the lineage.
    expect(q3.units.find((u) => u.unit.id === merged.id)?.taskCount).toBe(4);
  });

  it("shows the moved work in the successor's reporter's own tasks", async () => {
    // The grant moved: a fresh sign-in reads it on the new commune.
    const [user] = await ctx.db.select().from(roleGrants).where(eq(roleGrants.userId, reporterAId));
    expect(user.unitId).toBe(merged.id);
    const response = await call(reporterA, "GET", "/api/my-work");
    expect(response.statusCode, response.body).toBe(200);
    const work = response.json() as TMyWork;
    const open = [...work.overdue, ...work.dueSoon, ...work.inProgress];
    expect(open.find((t) => t.text === "Số hóa hồ sơ hộ tịch")).toMatchObject({ role: "lead", lead: merged });
    expect(work.done.find((t) => t.text === "Đào tạo kỹ năng số")?.lead?.name).toBe(tenant.communeA.name);
  });

  it("flags a grant on a closed unit at sign-in and in Users, and moves it in one click", async () => {
    const gone = await buildUnit(ctx.db, {
      parent: tenant.district,
      name: "Phòng đã giải thể",
      validTo: "2025-06-30",
    });
    const user = await buildUser(ctx.db, { grants: [{ unit: gone, role: "focal_officer" }] });
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const session = ZSessionResponse.parse(login.json());
    expect(session.user.grants[0]).toMatchObject({ unitId: gone.id, unitClosedOn: "2025-06-30" });

    const list = ZUserList.parse(
      (await call(admin, "GET", `/api/users?q=${encodeURIComponent(user.username)}`)).json(),
    );
    expect(list.items[0].grants[0].unitClosedOn).toBe("2025-06-30");

    const moved = await call(admin, "POST", "/api/org/reassignments", {
      moves: [{ fromUnitId: gone.id, toUnitId: tenant.district.id }],
      kinds: ["grant"],
      userIds: [user.id],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().counts).toEqual({ task: 0, assignment: 0, report: 0, grant: 1 });
    const after = ZUserList.parse(
      (await call(admin, "GET", `/api/users?q=${encodeURIComponent(user.username)}`)).json(),
    );
    expect(after.items[0].grants).toEqual([
      expect.objectContaining({ unitId: tenant.district.id, role: "focal_officer", unitClosedOn: null }),
    ]);
  });
});
