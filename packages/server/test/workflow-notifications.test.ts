import type {
  TCalendarFeed,
  TNotificationList,
  TNotificationSettings,
  TTodo,
  TUnitReport,
} from "@dtplan/contracts";
import { parseCalendar } from "@dtplan/domain/reminders/ics.ts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  notifications,
  type OrgUnitRow,
  orgUnits,
  outbox,
  type PlanRow,
  type PlanTaskRow,
  planTasks,
  users,
} from "../src/db/schema.ts";
import { todayIso } from "../src/db/sql.ts";
import { actorOfUser } from "../src/modules/auth/session.repository.ts";
import { myTodo } from "../src/modules/my-work/my-todo.ts";
import { sendDigests } from "../src/modules/notify/digest.ts";
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
  let reporter: SignedIn & { user: { id: string; tenantId: string } };
  let otherReporter: SignedIn;
  let officer: SignedIn;
  let leader: SignedIn;
  let reporterEmail: string;
  let communeB: OrgUnitRow;
  let administrator: SignedIn;
  let viewer: SignedIn;

  const call = (
    session: SignedIn,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => ctx.app.inject({ method, url, payload, headers: session.headers });
  const inbox = async (session: SignedIn) => {
    const res = await call(session, "GET", "/api/notifications?limit=50");
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TNotificationList;
  };
  const person = async (
    unit: OrgUnitRow,
    role: "unit_reporter" | "focal_officer" | "leader" | "administrator" | "province_viewer",
    email?: string,
  ) => {
    const user = await buildUser(ctx.db, { grants: [{ unit, role }] });
    if (email)
      await ctx.db
        .update(users)
        .set({ email })
        .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    return { ...(await loginAs(ctx.app, { username: user.username, password: TEST_PASSWORD })), user };
  };

  beforeAll(async () => {
    const built = await buildReportingPlan(ctx.db);
    ({ plan, tasks, communeA, communeB, targetKey } = built);
    reporterEmail = `vanhoa.${Date.now().toString(36)}@xa.example.vn`;
    reporter = await person(communeA, "unit_reporter", reporterEmail);
    otherReporter = await person(built.communeB, "unit_reporter");
    officer = await person(built.district, "focal_officer", "daumoi@huyen.example.vn");
    // A leader of the province reviews everything below it.
    leader = await person(built.province, "leader");
    // May act anywhere, but reviewing reports is neither's work: they are not told, nor listed.
    administrator = await person(built.province, "administrator", "quantri@tinh.example.vn");
    viewer = await person(built.province, "province_viewer");
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
    expect((await inbox(administrator)).items).toEqual([]);
    // The officer has an address: the submission waits in the outbox for them, once.
    const toOfficer = await ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, plan.tenantId), eq(outbox.toAddress, "daumoi@huyen.example.vn")));
    expect(toOfficer.map((m) => [m.kind, m.status])).toEqual([["report.submitted", "pending"]]);
    expect(toOfficer[0].subject).toBe(`[dtplan] Báo cáo chờ duyệt: ${communeA.name}`);
    expect((await inbox(viewer)).items).toEqual([]);

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

  const reportUrl = (unit: OrgUnitRow, key: string) =>
    `/api/plans/${plan.code}/periods/${key}/reports/${unit.id}`;
  /** Saves the unit's report as it stands and submits it. */
  const submit = async (session: SignedIn, unit: OrgUnitRow, key: string) => {
    const url = reportUrl(unit, key);
    const form = (await call(session, "GET", url)).json() as TUnitReport;
    const saved = await call(session, "PUT", url, {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress: 60, note: "Đang triển khai" })),
      values: [{ targetKey, numerator: 35, denominator: 40, note: "" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const done = await call(session, "POST", `${url}/submit`, { version: saved.json().version });
    expect(done.statusCode, done.body).toBe(200);
    return done.json().version as number;
  };
  const todo = async (session: SignedIn) => {
    const res = await call(session, "GET", "/api/my-todo");
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TTodo;
  };

  it("lists on each role's home page what waits for that person, counted, each with where to act", async () => {
    await submit(otherReporter, communeB, "2025-Q1");
    // Commune B's task is past its deadline: its staff and the reviewers chase it.
    const lateTask = tasks.find((t) => t.leadUnitId === communeB.id) as PlanTaskRow;
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: "2025-03-31", deadlineText: "Quý I năm 2025" })
      .where(and(eq(planTasks.tenantId, lateTask.tenantId), eq(planTasks.id, lateTask.id)));
    expect((await todo(otherReporter)).counts.overdue).toBe(1);
    const mine = await todo(reporter);
    expect(mine.counts).toMatchObject({ returned: 1, approve: 0, direction: 1 });
    const back = mine.items.find((i) => i.kind === "returned");
    expect(back).toMatchObject({
      title: `Quý I năm 2025 — ${communeA.name}`,
      reason: "Bổ sung số liệu hồ sơ trực tuyến",
      link: `/periods/${plan.code}/2025-Q1/units/${communeA.id}`,
    });
    expect(mine.items.find((i) => i.kind === "direction")?.reason).toContain("Hoàn thành trước ngày 30/6");
    for (const reviewer of [officer, leader]) {
      const theirs = await todo(reviewer);
      expect(theirs.counts).toMatchObject({ approve: 1, overdue: 1, returned: 0, fill: 0, direction: 0 });
      expect(theirs.items.find((i) => i.kind === "approve")).toMatchObject({
        title: `Quý I năm 2025 — ${communeB.name}`,
        link: `/periods/${plan.code}/2025-Q1/units/${communeB.id}`,
      });
    }
    // Neither the administrator nor the province viewer reviews or chases: nothing waits for them.
    for (const bystander of [administrator, viewer]) {
      const theirs = await todo(bystander);
      expect(
        Object.values(theirs.counts).every((n) => n === 0),
        JSON.stringify(theirs.counts),
      ).toBe(true);
    }
    // Once the plan's unit no longer exists (a district after the 2025 reform), its plan is
    // history: its submitted report and late task wait for nobody.
    const closeDistrict = (validTo: string | null) =>
      ctx.db
        .update(orgUnits)
        .set({ validTo })
        .where(and(eq(orgUnits.tenantId, plan.tenantId), eq(orgUnits.id, plan.unitId)));
    await closeDistrict("2025-06-30");
    try {
      expect((await todo(otherReporter)).counts.overdue).toBe(0);
      expect((await todo(officer)).counts).toMatchObject({ overdue: 0, approve: 0 });
    } finally {
      await closeDistrict(null);
    }
    // On 1/6/2025 the second quarter's report is the commune's to fill, due 15/6.
    const [user] = await ctx.db.select().from(users).where(eq(users.id, reporter.user.id));
    const actor = await actorOfUser(ctx.db, user, "test");
    const june = await myTodo(ctx.db, actor, new Date("2025-06-01T09:00:00+07:00"));
    expect(june.counts.fill).toBe(1);
    expect(june.items.find((i) => i.kind === "fill")).toMatchObject({
      title: `Quý II năm 2025 — ${communeA.name}`,
      due: "2025-06-15",
      late: false,
      link: `/periods/${plan.code}/2025-Q2/units/${communeA.id}`,
    });
  });

  it("keeps each e-mail for the daily digest when a person chooses it: one digest per person per day", async () => {
    const chosen = await call(reporter, "PUT", "/api/account/notifications", {
      channels: { in_app: false, digest: true },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect((chosen.json() as TNotificationSettings).channels).toEqual({
      in_app: false,
      email: true,
      digest: true,
    });
    const version = await submit(reporter, communeA, "2025-Q1");
    const approved = await call(officer, "POST", `${reportUrl(communeA, "2025-Q1")}/approve`, { version });
    expect(approved.statusCode, approved.body).toBe(200);
    // No bell for this person now; the e-mail waits, held for the digest.
    const bell = await ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.tenantId, reporter.user.tenantId), eq(notifications.userId, reporter.user.id)),
      );
    expect(bell.map((n) => n.kind)).not.toContain("report.approved");
    const mails = () =>
      ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.tenantId, plan.tenantId), eq(outbox.toAddress, reporterEmail)));
    expect((await mails()).find((m) => m.kind === "report.approved")?.status).toBe("held");
    // A reopening tells them why, in the same digest.
    const reopened = await call(officer, "POST", `${reportUrl(communeA, "2025-Q1")}/reopen`, {
      reason: "Sửa số liệu hồ sơ trực tuyến theo kiểm tra của Sở",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await mails()).find((m) => m.kind === "report.reopened")).toMatchObject({
      status: "held",
      subject: "[dtplan] Báo cáo được mở lại để sửa: Quý I năm 2025",
    });

    const tomorrow = todayIso(new Date(Date.now() + 86_400_000));
    expect(await sendDigests(ctx.db, { now: new Date(`${tomorrow}T06:00:00+07:00`) })).toBe(0);
    const morning = new Date(`${tomorrow}T08:00:00+07:00`);
    expect(await sendDigests(ctx.db, { now: morning })).toBe(1);
    expect(await sendDigests(ctx.db, { now: new Date(morning.getTime() + 3600_000) })).toBe(0);
    const after = await mails();
    const digests = after.filter((m) => m.kind === "digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      status: "pending",
      idempotencyKey: `digest:${reporter.user.id}:${tomorrow}`,
    });
    expect(digests[0].body).toContain("1. Báo cáo đã được duyệt: Quý I năm 2025");
    expect(digests[0].body).toContain("2. Báo cáo được mở lại để sửa: Quý I năm 2025");
    expect(digests[0].body).toContain("Lý do: Sửa số liệu hồ sơ trực tuyến theo kiểm tra của Sở");
    expect(digests[0].subject).toMatch(
      /^\[dtplan\] Tóm tắt thông báo đến hết ngày \d{2}\/\d{2}\/\d{4}: 2 việc$/,
    );
    expect(
      after
        .filter((m) => m.status === "digested")
        .map((m) => m.kind)
        .sort(),
    ).toEqual(["report.approved", "report.reopened"]);
  });

  it("gives each person a private ICS feed of their deadlines that reads back, regenerable and revocable", async () => {
    const led = tasks.find((t) => t.leadUnitId === communeA.id) as PlanTaskRow;
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: "2026-12-31", deadlineText: "Trước 31/12/2026" })
      .where(and(eq(planTasks.tenantId, led.tenantId), eq(planTasks.id, led.id)));
    const made = await call(reporter, "POST", "/api/account/calendar");
    expect(made.statusCode, made.body).toBe(200);
    const feed = made.json() as TCalendarFeed;
    const path = new URL(feed.url).pathname;
    const res = await ctx.app.inject({ method: "GET", url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { events } = parseCalendar(res.body);
    const q1 = events.find((e) => e.SUMMARY?.value === `Hạn nộp báo cáo Quý I năm 2025 — ${communeA.name}`);
    expect(q1?.DTSTART).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20250315" });
    expect(q1?.DESCRIPTION.value).toBe(`${plan.title}\nKỳ báo cáo: Quý I năm 2025, hạn nộp 15/03/2025.`);
    expect(res.body).toContain("Quý I năm 2025\\, hạn nộp");
    const task = events.find((e) => e.UID.value === `task-${led.key}@dtplan`);
    expect(task?.DTSTART.value).toBe("20261231");
    expect(task?.SUMMARY.value).toBe(`Hạn nhiệm vụ: ${led.text}`);
    // Another unit's deadlines are not this person's.
    expect(events.some((e) => e.SUMMARY.value.includes(communeB.name))).toBe(false);
    // The same events keep their UIDs from one fetch to the next.
    const again = parseCalendar((await ctx.app.inject({ method: "GET", url: path })).body);
    expect(again.events.map((e) => e.UID.value)).toEqual(events.map((e) => e.UID.value));

    const renewed = (await call(reporter, "POST", "/api/account/calendar")).json() as TCalendarFeed;
    expect((await ctx.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    const newPath = new URL(renewed.url).pathname;
    expect((await ctx.app.inject({ method: "GET", url: newPath })).statusCode).toBe(200);
    expect((await call(reporter, "DELETE", "/api/account/calendar")).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "GET", url: newPath })).statusCode).toBe(404);
    const settings = (
      await call(reporter, "GET", "/api/account/notifications")
    ).json() as TNotificationSettings;
    expect(settings.calendar).toEqual({ active: false, createdAt: null });
  });

  it("speaks English where the person reads it: the bell in the interface's language, e-mails in the one they chose", async () => {
    const en = { ...reporter.headers, "accept-language": "en" };
    const bell = await ctx.app.inject({ method: "GET", url: "/api/notifications?limit=50", headers: en });
    const back = (bell.json() as TNotificationList).items.find((n) => n.kind === "report.returned");
    expect(back?.title).toBe("Report returned: Q1 2025");
    expect(back?.body).toContain("Reason: Bổ sung số liệu hồ sơ trực tuyến");
    expect((await inbox(reporter)).items.find((n) => n.kind === "report.returned")?.title).toBe(
      "Báo cáo bị trả lại: Quý I năm 2025",
    );

    const chosen = await call(reporter, "PUT", "/api/account/notifications", { language: "en" });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect((chosen.json() as TNotificationSettings).language).toBe("en");
    const bad = await call(reporter, "PUT", "/api/account/notifications", { language: "fr" });
    expect(bad.statusCode).toBe(400);
    try {
      const task = tasks.find((t) => t.leadUnitId === communeA.id);
      const posted = await call(leader, "POST", `/api/tasks/${task?.id}/comments`, {
        kind: "direction",
        body: "Gửi báo cáo tiến độ trước ngày 15/7.",
      });
      expect(posted.statusCode, posted.body).toBe(201);
      const [mail] = await ctx.db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.tenantId, plan.tenantId),
            eq(outbox.toAddress, reporterEmail),
            eq(outbox.idempotencyKey, `task.direction:${posted.json().id}:${reporter.user.id}`),
          ),
        );
      expect(mail.subject).toMatch(/^\[dtplan\] New direction: /);
      expect(mail.body).toMatch(/^Dear .*\n\n.* gave a direction on the task “/);
      expect(mail.body).toContain("Gửi báo cáo tiến độ trước ngày 15/7.");
    } finally {
      await call(reporter, "PUT", "/api/account/notifications", { language: "vi" });
    }
  });
});
