import type { TNotificationList, TUnitReport } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type OrgUnitRow, outbox, type PlanRow, type PlanTaskRow, users } from "../src/db/schema.ts";
import {
  buildReportingPlan,
  buildUser,
  describeBothDatabases,
  loginAs,
  type SignedIn,
  TEST_PASSWORD,
} from "./helpers.ts";

describeBothDatabases("workflow notifications: the people concerned hear of each step", (ctx) => {
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let communeA: OrgUnitRow;
  let targetKey: string;
  let reporter: SignedIn;
  let otherReporter: SignedIn;
  let officer: SignedIn;
  let leader: SignedIn;
  let reporterEmail: string;

  const call = (session: SignedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: session.headers });
  const inbox = async (session: SignedIn) => {
    const res = await call(session, "GET", "/api/notifications?limit=50");
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TNotificationList;
  };
  const person = async (
    unit: OrgUnitRow,
    role: "unit_reporter" | "focal_officer" | "leader",
    email?: string,
  ) => {
    const user = await buildUser(ctx.db, { grants: [{ unit, role }] });
    if (email)
      await ctx.db
        .update(users)
        .set({ email })
        .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    return loginAs(ctx.app, { username: user.username, password: TEST_PASSWORD });
  };

  beforeAll(async () => {
    const built = await buildReportingPlan(ctx.db);
    ({ plan, tasks, communeA, targetKey } = built);
    reporterEmail = `vanhoa.${Date.now().toString(36)}@xa.example.vn`;
    reporter = await person(communeA, "unit_reporter", reporterEmail);
    otherReporter = await person(built.communeB, "unit_reporter");
    officer = await person(built.district, "focal_officer", "daumoi@huyen.example.vn");
    // A leader of the province reviews everything below it.
    leader = await person(built.province, "leader");
  });

  it("tells the reviewers of a submission, the reporters of a return with its reason, and never the actor", async () => {
    const url = `/api/plans/${plan.code}/periods/2025-Q1/reports/${communeA.id}`;
    const form = (await call(reporter, "GET", url)).json() as TUnitReport;
    const saved = await call(reporter, "PUT", url, {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress: 50, note: "Đã triển khai" })),
      values: [{ targetKey, numerator: 30, denominator: 40, note: "" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(reporter, "POST", `${url}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);

    for (const reviewer of [officer, leader]) {
      const mine = await inbox(reviewer);
      const note = mine.items.find((n) => n.kind === "report.submitted");
      expect(note?.title).toBe(`Báo cáo chờ duyệt: ${communeA.name}`);
      expect(note?.body).toContain("Quý I năm 2025");
      expect(note?.link).toBe(`/periods/${plan.code}/2025-Q1/units/${communeA.id}`);
      expect(mine.unread).toBeGreaterThan(0);
    }
    expect((await inbox(reporter)).items.filter((n) => n.kind.startsWith("report."))).toEqual([]);

    const returned = await call(officer, "POST", `${url}/return`, {
      version: submitted.json().version,
      comment: "Bổ sung số liệu hồ sơ trực tuyến",
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = (await inbox(reporter)).items.find((n) => n.kind === "report.returned");
    expect(back?.title).toBe("Báo cáo bị trả lại: Quý I năm 2025");
    expect(back?.body).toContain("Lý do: Bổ sung số liệu hồ sơ trực tuyến");
    // Another unit's reporter hears nothing of it.
    expect((await inbox(otherReporter)).items).toEqual([]);

    // The reporter has an address: the same news waits in the outbox, once.
    const mails = await ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, plan.tenantId), eq(outbox.toAddress, reporterEmail)));
    expect(mails.map((m) => m.kind)).toEqual(["report.returned"]);
    expect(mails[0].subject).toBe("[dtplan] Báo cáo bị trả lại: Quý I năm 2025");
    expect(mails[0].body).toContain("Bổ sung số liệu hồ sơ trực tuyến");
  });

  it("tells the lead unit's reporters of a leader's direction on their task", async () => {
    const task = tasks.find((t) => t.leadUnitId === communeA.id);
    const posted = await call(leader, "POST", `/api/tasks/${task?.id}/comments`, {
      kind: "direction",
      body: "Hoàn thành trước ngày 30/6, báo cáo kết quả cho Ban Chỉ đạo.",
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const note = (await inbox(reporter)).items.find((n) => n.kind === "task.direction");
    expect(note?.title).toMatch(/^Ý kiến chỉ đạo mới: /);
    expect(note?.body).toContain("Hoàn thành trước ngày 30/6");
    expect(note?.link).toBe(`/my-tasks?task=${task?.id}`);
    expect((await inbox(otherReporter)).items).toEqual([]);
  });
});
