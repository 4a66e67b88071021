import { ZTaskComment, ZTaskDetail } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, type PlanTaskRow } from "../src/db/schema.ts";
import { todayIso } from "../src/db/sql.ts";
import {
  buildPublishedPlan,
  buildTenant,
  describeBothDatabases,
  isoDaysFromToday,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("tasks: progress, status, comments and directions", (ctx) => {
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let leader: SignedIn;
  let officer: SignedIn;
  let stranger: SignedIn;
  let future: PlanTaskRow;
  let late: PlanTaskRow;
  let recurring: PlanTaskRow;
  let coordinated: PlanTaskRow;

  const get = (session: SignedIn, id: string) =>
    ctx.app.inject({ method: "GET", url: `/api/tasks/${id}`, headers: session.headers });
  const post = (session: SignedIn, url: string, payload: object) =>
    ctx.app.inject({ method: "POST", url, payload, headers: session.headers });

  beforeAll(async () => {
    const tenant = await buildTenant(ctx.db);
    const { tasks } = await buildPublishedPlan(ctx.db, tenant.district, {
      tasks: [
        { leadUnitId: tenant.communeA.id, deadlineDate: isoDaysFromToday(60) },
        { leadUnitId: tenant.communeA.id, deadlineDate: isoDaysFromToday(-10) },
        {
          leadUnitId: tenant.communeA.id,
          deadlineDate: isoDaysFromToday(-10),
          recurring: true,
          cadence: "quarterly",
        },
        {
          leadUnitId: tenant.communeB.id,
          coordinators: [{ text: "UBND xã A", unitId: tenant.communeA.id, score: 1, suggestions: [] }],
        },
      ],
    });
    [future, late, recurring, coordinated] = tasks;
    reporterA = await signInAs(ctx, tenant.communeA, "unit_reporter");
    reporterB = await signInAs(ctx, tenant.communeB, "unit_reporter");
    leader = await signInAs(ctx, tenant.district, "leader");
    officer = await signInAs(ctx, tenant.district, "focal_officer");
    stranger = await signInAs(ctx, (await buildTenant(ctx.db)).district, "focal_officer");
  });

  it("moves a task from not started to in progress to done as the lead unit's reporter reports, keeping the history", async () => {
    const before = ZTaskDetail.parse((await get(reporterA, future.id)).json());
    expect(before).toMatchObject({
      status: "not_started",
      statusLabel: "Chưa triển khai",
      lastUpdateId: null,
    });
    expect(before.can).toEqual({ updateProgress: true, comment: true, direct: false, attachEvidence: true });

    const halfway = await post(reporterA, `/api/tasks/${future.id}/progress`, {
      progress: 40,
      note: "Đã khảo sát",
    });
    expect(halfway.statusCode, halfway.body).toBe(200);
    const mid = ZTaskDetail.parse(halfway.json());
    expect(mid).toMatchObject({
      status: "in_progress",
      statusLabel: "Đang thực hiện",
      progress: 40,
      completedAt: null,
    });

    const done = await post(reporterA, `/api/tasks/${future.id}/progress`, {
      progress: 100,
      lastUpdateId: mid.lastUpdateId,
    });
    const finished = ZTaskDetail.parse(done.json());
    expect(finished).toMatchObject({
      status: "done",
      statusLabel: "Hoàn thành",
      progress: 100,
      completedAt: todayIso(),
    });
    expect(finished.updates.map((u) => [u.progressBefore, u.progress])).toEqual([
      [40, 100],
      [null, 40],
    ]);
    expect(finished.history[0].summary).toMatch(/^Cập nhật tiến độ 40% → 100%, hoàn thành ngày/);
    // Read in English, the history and status speak English; the note stays as written.
    const english = ZTaskDetail.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/tasks/${future.id}`,
          headers: { ...reporterA.headers, "accept-language": "en" },
        })
      ).json(),
    );
    expect(english.statusLabel).toBe("Done");
    expect(english.history.map((h) => h.summary)).toEqual([
      expect.stringMatching(/^Progress updated 40% → 100%, completed on \d\d\/\d\d\/\d{4}$/),
      "Progress updated 0% → 40%: Đã khảo sát",
    ]);
    // Saved again as it is, with nothing to say: no line in the history, no audit entry.
    const again = await post(reporterA, `/api/tasks/${future.id}/progress`, {
      progress: 100,
      lastUpdateId: finished.lastUpdateId,
    });
    expect(again.statusCode, again.body).toBe(200);
    const unchanged = ZTaskDetail.parse(again.json());
    expect(unchanged.lastUpdateId).toBe(finished.lastUpdateId);
    expect(unchanged.updates).toHaveLength(2);
    expect(unchanged.completedAt).toBe(finished.completedAt);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "task.progress"), eq(auditLog.entityId, future.key)));
    expect(audits).toHaveLength(2);
  });

  it("refuses a stale update (someone reported since) with 409", async () => {
    const response = await post(officer, `/api/tasks/${future.id}/progress`, {
      progress: 90,
      lastUpdateId: null,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/vừa được người khác cập nhật/);
  });

  it("marks a task overdue once its deadline passes without completion, and done late when finished after it", async () => {
    const overdue = ZTaskDetail.parse((await get(reporterA, late.id)).json());
    expect(overdue).toMatchObject({ status: "overdue", statusLabel: "Quá hạn" });
    const stillLate = ZTaskDetail.parse(
      (await post(reporterA, `/api/tasks/${late.id}/progress`, { progress: 70 })).json(),
    );
    expect(stillLate.status).toBe("overdue");
    const finished = ZTaskDetail.parse(
      (await post(officer, `/api/tasks/${late.id}/progress`, { progress: 100 })).json(),
    );
    expect(finished).toMatchObject({ status: "done_late", statusLabel: "Hoàn thành trễ hạn" });
    const reopened = ZTaskDetail.parse(
      (await post(officer, `/api/tasks/${late.id}/progress`, { progress: 80 })).json(),
    );
    expect(reopened).toMatchObject({ status: "overdue", completedAt: null });
  });

  it("never marks a recurring ('thường xuyên') task overdue", async () => {
    expect(ZTaskDetail.parse((await get(reporterA, recurring.id)).json()).status).toBe("not_started");
    const response = await post(reporterA, `/api/tasks/${recurring.id}/progress`, { progress: 50 });
    expect(ZTaskDetail.parse(response.json()).status).toBe("in_progress");
  });

  it("refuses progress from a reporter of another unit and from a coordinating unit, and hides the task from other provinces", async () => {
    const other = await post(reporterB, `/api/tasks/${future.id}/progress`, { progress: 10 });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/đơn vị chủ trì/);
    const coordinator = await post(reporterA, `/api/tasks/${coordinated.id}/progress`, { progress: 10 });
    expect(coordinator.statusCode).toBe(403);
    expect((await get(stranger, future.id)).statusCode).toBe(404);
    expect((await post(stranger, `/api/tasks/${future.id}/progress`, { progress: 10 })).statusCode).toBe(404);
    const outOfRange = await post(reporterA, `/api/tasks/${future.id}/progress`, { progress: 101 });
    expect(outOfRange.statusCode).toBe(400);
  });

  it("takes comments from the units on the task but directions only from a leader or the focal office", async () => {
    const comment = await post(reporterA, `/api/tasks/${coordinated.id}/comments`, {
      body: "Xã A đã phối hợp.",
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(ZTaskComment.parse(comment.json())).toMatchObject({ kind: "comment", body: "Xã A đã phối hợp." });

    const refused = await post(reporterA, `/api/tasks/${coordinated.id}/comments`, {
      kind: "direction",
      body: "Tự chỉ đạo",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/lãnh đạo/);

    const direction = await post(leader, `/api/tasks/${coordinated.id}/comments`, {
      kind: "direction",
      body: "Đề nghị hoàn thành trước 30/6.",
    });
    expect(direction.statusCode).toBe(201);
    const officerDirection = await post(officer, `/api/tasks/${coordinated.id}/comments`, {
      kind: "direction",
      body: "Báo cáo kết quả về Phòng VH&TT.",
    });
    expect(officerDirection.statusCode).toBe(201);
    expect((await post(stranger, `/api/tasks/${coordinated.id}/comments`, { body: "Lạ" })).statusCode).toBe(
      404,
    );

    const detail = ZTaskDetail.parse((await get(leader, coordinated.id)).json());
    expect(detail.comments.map((c) => c.body)).toEqual(["Xã A đã phối hợp."]);
    expect(detail.directions.map((c) => c.body)).toEqual([
      "Đề nghị hoàn thành trước 30/6.",
      "Báo cáo kết quả về Phòng VH&TT.",
    ]);
    expect(detail.history.map((h) => h.type).sort()).toEqual(["comment", "direction", "direction"]);
    expect(detail.can.direct).toBe(true);
  });
});
