import type { AddressInfo } from "node:net";
import { type TNotificationList, ZNotificationList } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { readConfig } from "../src/config.ts";
import { closeDatabase, type Database, wrapPgPool } from "../src/db/database.ts";
import {
  type OrgUnitRow,
  outbox,
  type PlanRow,
  reportingPeriods,
  unitReports,
  users,
} from "../src/db/schema.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import { deliverOutbox, STALE_CLAIM_MS } from "../src/modules/reminders/deliver-outbox.ts";
import { createMailer, type Mailer } from "../src/modules/reminders/mailer.ts";
import { OVERDUE_STOP_DAYS, reminderDue } from "../src/modules/reminders/plan-reminders.ts";
import { runReminders, startReminderScheduler } from "../src/modules/reminders/scheduler.ts";
import {
  buildReportingPlan,
  buildUser,
  describeBothDatabases,
  isoDaysFromToday,
  loginAs,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 encoded words (nodemailer encodes a Vietnamese subject). */
function decodeHeader(value: string): string {
  const qp = (text: string) =>
    Buffer.from(
      text
        .replace(/_/g, " ")
        .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    );
  // Adjacent encoded words are one byte run: a character may be split across them.
  return value.replace(/(=\?utf-8\?[bq]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
      enc.toLowerCase() === "b" ? Buffer.from(text, "base64") : qp(text),
    );
    return Buffer.concat(bytes).toString("utf8");
  });
}

function parseMessage(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = decodeHeader(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? "");
  let text = rest.join("\n\n");
  if (/content-transfer-encoding: quoted-printable/i.test(unfolded)) {
    text = Buffer.from(
      text
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  } else if (/content-transfer-encoding: base64/i.test(unfolded)) {
    text = Buffer.from(text, "base64").toString("utf8");
  }
  return { subject, text };
}

// One local SMTP server for the file; the tests read what it accepted.
const received: Received[] = [];
let refuse = false;
let smtp: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse) {
          const error = Object.assign(new Error("Hộp thư tạm thời không nhận"), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = createMailer({
    host: "127.0.0.1",
    port,
    secure: false,
    user: null,
    password: null,
    from: "dtplan <no-reply@dtplan.test>",
  });
});
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("when a reminder is due", () => {
  const config = { daysBefore: 3, overdueEveryDays: 3 };
  it("reminds once in the days before the due date, then every N days after it", () => {
    const period = { dueDate: "2025-06-15" };
    expect(reminderDue(period, "2025-06-11", config)).toBeNull();
    expect(reminderDue(period, "2025-06-12", config)).toEqual({ kind: "before_due", bucket: "2025-06-15" });
    expect(reminderDue(period, "2025-06-15", config)).toEqual({ kind: "before_due", bucket: "2025-06-15" });
    expect(reminderDue(period, "2025-06-16", config)).toEqual({ kind: "overdue", bucket: "w0" });
    expect(reminderDue(period, "2025-06-18", config)).toEqual({ kind: "overdue", bucket: "w0" });
    expect(reminderDue(period, "2025-06-19", config)).toEqual({ kind: "overdue", bucket: "w1" });
    // 2025-09-13 is 90 days after the due date, the last day overdue reminders go out.
    expect(OVERDUE_STOP_DAYS).toBe(90);
    expect(reminderDue(period, "2025-09-13", config)?.kind).toBe("overdue");
    expect(reminderDue(period, "2025-09-14", config)).toBeNull();
  });
});

describe("reminder and mail configuration", () => {
  it("reads SMTP and reminder settings, and has no mail server unless DTPLAN_SMTP_HOST is set", () => {
    expect(readConfig({}, "/srv").smtp).toBeNull();
    expect(readConfig({}, "/srv").reminders).toEqual({
      daysBefore: 3,
      overdueEveryDays: 3,
      intervalMs: 900_000,
      publicUrl: "http://127.0.0.1:3000",
    });
    const config = readConfig(
      {
        DTPLAN_SMTP_HOST: "mail.tinh.gov.vn",
        DTPLAN_SMTP_PORT: "465",
        DTPLAN_SMTP_SECURE: "true",
        DTPLAN_SMTP_USER: "dtplan",
        DTPLAN_SMTP_PASSWORD: "bi-mat",
        DTPLAN_REMINDER_DAYS_BEFORE: "5",
        DTPLAN_PUBLIC_URL: "https://dtplan.tinh.gov.vn/",
      },
      "/srv",
    );
    expect(config.smtp).toMatchObject({ host: "mail.tinh.gov.vn", port: 465, secure: true, user: "dtplan" });
    expect(config.reminders).toMatchObject({ daysBefore: 5, publicUrl: "https://dtplan.tinh.gov.vn" });
    expect(() => readConfig({ DTPLAN_REMINDER_OVERDUE_EVERY_DAYS: "0" })).toThrow(
      /DTPLAN_REMINDER_OVERDUE_EVERY_DAYS/,
    );
  });
});

describeBothDatabases("reminders: in-app notifications and e-mail through the outbox", (ctx) => {
  let plan: PlanRow;
  let communeA: OrgUnitRow;
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let officer: SignedIn;
  let emailA: string;
  const dueDate = isoDaysFromToday(2);
  const vnDue = `${dueDate.slice(8, 10)}/${dueDate.slice(5, 7)}/${dueDate.slice(0, 4)}`;
  const tick = (db: Database = ctx.db) => runReminders(db, ctx.config, mailer);
  const mine = () => received.filter((m) => m.to.includes(emailA));
  const notificationsOf = async (session: SignedIn) => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/notifications", headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return ZNotificationList.parse(res.json()) as TNotificationList;
  };

  beforeAll(async () => {
    const fixture = await buildReportingPlan(ctx.db);
    ({ plan, communeA } = fixture);
    // Q4 is due in two days; the other periods far in the future, so only Q4 reminds.
    await writePlanPeriods(ctx.db, plan);
    await ctx.db
      .update(reportingPeriods)
      .set({ dueDate: "2099-12-31" })
      .where(eq(reportingPeriods.planCode, plan.code));
    const [q4] = await ctx.db
      .update(reportingPeriods)
      .set({ dueDate })
      .where(and(eq(reportingPeriods.planCode, plan.code), eq(reportingPeriods.key, "2025-Q4")))
      .returning();
    // Commune B has submitted: it is not reminded.
    await ctx.db.insert(unitReports).values({
      tenantId: plan.tenantId,
      periodId: q4.id,
      planCode: plan.code,
      unitId: fixture.communeB.id,
      status: "submitted",
      firstSubmittedAt: new Date(),
      submittedAt: new Date(),
    });
    const a = await buildUser(ctx.db, { grants: [{ unit: communeA, role: "unit_reporter" }] });
    emailA = `${a.username}@xa-a.gov.vn`;
    await ctx.db.update(users).set({ email: emailA }).where(eq(users.id, a.id));
    reporterA = await loginAs(ctx.app, a);
    const b = await buildUser(ctx.db, { grants: [{ unit: fixture.communeB, role: "unit_reporter" }] });
    await ctx.db
      .update(users)
      .set({ email: `${b.username}@xa-b.gov.vn` })
      .where(eq(users.id, b.id));
    reporterB = await loginAs(ctx.app, b);
    officer = await signInAs(ctx, fixture.district, "focal_officer");
  });

  it("e-mails the reporter of a unit that has not submitted, once, in Vietnamese, and notifies in the app", async () => {
    const first = await tick();
    expect(first.planned).toEqual({ units: 1, notifications: 1, emails: 1 });
    expect(first.delivered.sent).toBe(1);
    expect(mine()).toHaveLength(1);
    expect(mine()[0].subject).toBe(`[dtplan] Nhắc nộp báo cáo Quý IV năm 2025 — hạn ${vnDue}`);
    expect(mine()[0].text).toContain(communeA.name);
    expect(mine()[0].text).toContain(`/periods/${plan.code}/2025-Q4/units/${communeA.id}`);
    expect(mine()[0].text).toContain("còn 2 ngày");
    const list = await notificationsOf(reporterA);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: "reminder.before_due",
      title: `Nhắc nộp báo cáo Quý IV năm 2025 — hạn ${vnDue}`,
      link: `/periods/${plan.code}/2025-Q4/units/${communeA.id}`,
      readAt: null,
    });
    expect((await notificationsOf(reporterB)).items).toHaveLength(0);

    const again = await tick();
    expect(again.planned).toEqual({ units: 1, notifications: 0, emails: 0 });
    expect(again.delivered.sent).toBe(0);
    expect(mine()).toHaveLength(1);
  });

  it("sends nothing twice after a restart, even with two processes running at once", async () => {
    const before = received.length;
    const app2 = await buildApp(ctx.config, { db: ctx.db });
    await app2.close();
    let second: Database = ctx.db;
    if (ctx.kind === "postgres") {
      const url = (ctx.db as unknown as { $client: pg.Pool }).$client.options.connectionString;
      second = wrapPgPool(new pg.Pool({ connectionString: url, max: 2 }));
    }
    try {
      // A new pending e-mail, claimed by exactly one of the two runs.
      await ctx.db.insert(outbox).values({
        tenantId: plan.tenantId,
        idempotencyKey: `test:restart:${ctx.kind}`,
        kind: "reminder.manual",
        toAddress: emailA,
        subject: `[dtplan] Thư thử nghiệm ${ctx.kind}`,
        body: "Nội dung",
      });
      const [r1, r2] = await Promise.all([tick(ctx.db), tick(second)]);
      expect(r1.planned.emails + r2.planned.emails).toBe(0);
      expect(r1.delivered.sent + r2.delivered.sent).toBe(1);
      expect(received.length).toBe(before + 1);
    } finally {
      if (second !== ctx.db) await closeDatabase(second);
    }
  });

  it("sends again, once, an e-mail a crashed process left claimed", async () => {
    const crashedAt = new Date(Date.now() - STALE_CLAIM_MS - 60_000);
    const [stuck] = await ctx.db
      .insert(outbox)
      .values({
        tenantId: plan.tenantId,
        idempotencyKey: `test:crash:${ctx.kind}`,
        kind: "reminder.manual",
        toAddress: emailA,
        subject: `[dtplan] Thư bị bỏ dở ${ctx.kind}`,
        body: "Nội dung",
        status: "sending",
        attempts: 1,
        claimedAt: crashedAt,
      })
      .returning();
    // One claimed a minute ago may still be in flight elsewhere: left alone.
    await ctx.db.insert(outbox).values({
      tenantId: plan.tenantId,
      idempotencyKey: `test:inflight:${ctx.kind}`,
      kind: "reminder.manual",
      toAddress: emailA,
      subject: `[dtplan] Thư đang gửi ${ctx.kind}`,
      body: "Nội dung",
      status: "sending",
      attempts: 1,
      claimedAt: new Date(Date.now() - 60_000),
    });
    await tick();
    await tick();
    expect(received.filter((m) => m.subject === `[dtplan] Thư bị bỏ dở ${ctx.kind}`)).toHaveLength(1);
    expect(received.filter((m) => m.subject === `[dtplan] Thư đang gửi ${ctx.kind}`)).toHaveLength(0);
    const [row] = await ctx.db.select().from(outbox).where(eq(outbox.id, stuck.id));
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("retries later when the mail server refuses, and waits without a mail server", async () => {
    const [row] = await ctx.db
      .insert(outbox)
      .values({
        tenantId: plan.tenantId,
        idempotencyKey: `test:refused:${ctx.kind}`,
        kind: "reminder.manual",
        toAddress: emailA,
        subject: `[dtplan] Thư bị từ chối ${ctx.kind}`,
        body: "Nội dung",
      })
      .returning();
    const waiting = await deliverOutbox(ctx.db, null);
    expect(waiting.waiting).toBeGreaterThanOrEqual(1);
    refuse = true;
    try {
      const failed = await deliverOutbox(ctx.db, mailer);
      expect(failed.retried).toBe(1);
    } finally {
      refuse = false;
    }
    const [after] = await ctx.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after).toMatchObject({ status: "pending", attempts: 1 });
    expect(after.lastError).toBeTruthy();
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect((await deliverOutbox(ctx.db, mailer)).sent).toBe(0);
    const later = await deliverOutbox(ctx.db, mailer, { now: new Date(Date.now() + 2 * 60_000) });
    expect(later.sent).toBe(1);
    expect(received.filter((m) => m.subject === `[dtplan] Thư bị từ chối ${ctx.kind}`)).toHaveLength(1);
  });

  it("lets the focal officer remind the missing units now, once a day, and not a reporter", async () => {
    const url = `/api/plans/${plan.code}/periods/2025-Q4/remind`;
    const refused = await ctx.app.inject({ method: "POST", url, headers: reporterA.headers });
    expect(refused.statusCode).toBe(403);
    const res = await ctx.app.inject({ method: "POST", url, headers: officer.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 1, notifications: 1, emails: 1 });
    const again = await ctx.app.inject({ method: "POST", url, headers: officer.headers });
    expect(again.json()).toEqual({ units: 1, notifications: 0, emails: 0 });
    expect((await deliverOutbox(ctx.db, mailer)).sent).toBe(1);
    expect(mine().filter((m) => m.subject.startsWith("[dtplan] Nhắc nộp báo cáo Quý IV"))).toHaveLength(2);
  });

  it("marks notifications read, one or all, only the caller's own", async () => {
    const list = await notificationsOf(reporterA);
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.kind)).toEqual(["reminder.manual", "reminder.before_due"]);
    const id = list.items[1].id;
    const stranger = await ctx.app.inject({
      method: "POST",
      url: `/api/notifications/${id}/read`,
      headers: reporterB.headers,
    });
    expect(stranger.statusCode).toBe(404);
    const read = await ctx.app.inject({
      method: "POST",
      url: `/api/notifications/${id}/read`,
      headers: reporterA.headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await notificationsOf(reporterA)).unread).toBe(1);
    const all = await ctx.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: reporterA.headers,
    });
    expect(all.json()).toEqual({ updated: 1 });
    expect((await notificationsOf(reporterA)).unread).toBe(0);
  });

  it("runs a pass at start-up and on every tick of the in-process scheduler, and stops cleanly", async () => {
    const subject = `[dtplan] Thư của bộ lập lịch ${ctx.kind}`;
    await ctx.db.insert(outbox).values({
      tenantId: plan.tenantId,
      idempotencyKey: `test:scheduler:${ctx.kind}`,
      kind: "reminder.manual",
      toAddress: emailA,
      subject,
      body: "Nội dung",
    });
    const quiet = { info() {}, warn() {}, error() {} } as never;
    expect(startReminderScheduler(ctx.db, ctx.config, quiet)).toBeNull();
    const port = (smtp.server.address() as AddressInfo).port;
    const scheduler = startReminderScheduler(
      ctx.db,
      {
        reminders: { ...ctx.config.reminders, intervalMs: 3_600_000 },
        smtp: { host: "127.0.0.1", port, secure: false, user: null, password: null, from: "dtplan <a@b.vn>" },
      },
      quiet,
    );
    try {
      await scheduler?.tick();
      expect(received.filter((m) => m.subject === subject)).toHaveLength(1);
    } finally {
      await scheduler?.stop();
    }
  });
});
