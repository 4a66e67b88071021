// Part of the reliability suite (npm run test:reliability), fast enough for npm test:
// two people editing the same versioned thing at once — one wins, the other gets a 409
// that names who saved and when, and nothing is silently overwritten.
import { expect, it } from "vitest";
import {
  buildPlan,
  buildReportingPlan,
  buildUser,
  describeBothDatabases,
  loginAs,
  type SignedIn,
} from "./helpers.ts";
import { expectStoredFiguresMatch } from "./stored-figures.ts";

const STALE = /đã được .+ lưu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}; hãy tải lại/;

describeBothDatabases("concurrent edits of every versioned thing", (ctx) => {
  let world: Awaited<ReturnType<typeof buildReportingPlan>>;
  let first: SignedIn;
  let second: SignedIn;
  let reporterA: SignedIn;
  let reporterA2: SignedIn;
  let draftCode: string;

  const { call } = ctx;
  /** Both sessions send from the same version at the same moment: exactly one may win. */
  const race = async (url: string, method: "PUT" | "PATCH", bodies: [object, object]) => {
    const [a, b] = await Promise.all([
      call(first, method, url, bodies[0]),
      call(second, method, url, bodies[1]),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes, `${a.body.slice(0, 200)} | ${b.body.slice(0, 200)}`).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.message).toMatch(STALE);
    return a.statusCode === 200 ? 0 : 1;
  };

  it("prepares a published plan with reports, a draft plan and two editors", async () => {
    world = await buildReportingPlan(ctx.db);
    const officer = await buildUser(ctx.db, { grants: [{ unit: world.district, role: "focal_officer" }] });
    first = await loginAs(ctx.app, officer);
    second = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: world.district, role: "focal_officer" }] }),
    );
    reporterA = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: world.communeA, role: "unit_reporter" }] }),
    );
    reporterA2 = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: world.communeA, role: "unit_reporter" }] }),
    );
    const draft = await buildPlan(ctx.db, world.district, officer.id);
    draftCode = draft.code;
  });

  for (const type of ["target", "task"] as const) {
    it(`refuses a stale edit of a draft plan's ${type} and lets one of two racing edits win`, async () => {
      const review = (await call(first, "GET", `/api/plans/${draftCode}/review`)).json();
      const item = (type === "target" ? review.plan.targets : review.plan.tasks)[0];
      expect(item.version).toBe(1);
      const url = `/api/plans/${draftCode}/${type}s/${item.id}`;
      const saved = await call(first, "PATCH", url, { text: "Sửa lần một", version: item.version });
      expect(saved.statusCode, saved.body.slice(0, 200)).toBe(200);
      const stale = await call(second, "PATCH", url, { text: "Sửa trên bản cũ", version: item.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toMatch(STALE);
      expect(stale.json().error.message).toMatch(type === "target" ? /^Chỉ tiêu này/ : /^Nhiệm vụ này/);
      const winner = await race(url, "PATCH", [
        { text: "Người thứ nhất", version: 2 },
        { text: "Người thứ hai", version: 2 },
      ]);
      const after = (await call(first, "GET", `/api/plans/${draftCode}/review`)).json();
      const now = (type === "target" ? after.plan.targets : after.plan.tasks).find(
        (i: { id: string }) => i.id === item.id,
      );
      expect(now).toMatchObject({ version: 3, text: winner === 0 ? "Người thứ nhất" : "Người thứ hai" });
    });
  }

  it("refuses a stale edit of a budget item and lets one of two racing edits win", async () => {
    const created = await call(first, "POST", `/api/plans/${world.plan.code}/budget-items`, {
      title: "Hạng mục",
      amountPlanned: 1_000_000,
    });
    expect(created.statusCode, created.body.slice(0, 200)).toBe(201);
    const item = created.json();
    expect(item.version).toBe(1);
    const url = `/api/plans/${world.plan.code}/budget-items/${item.id}`;
    expect((await call(first, "PATCH", url, { amountDisbursed: 10, version: 1 })).statusCode).toBe(200);
    const stale = await call(second, "PATCH", url, { amountDisbursed: 20, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^Hạng mục kinh phí này/);
    const winner = await race(url, "PATCH", [
      { amountDisbursed: 100, version: 2 },
      { amountDisbursed: 200, version: 2 },
    ]);
    const items = (await call(first, "GET", `/api/plans/${world.plan.code}/budget-items`)).json().items;
    expect(items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
      version: 3,
      amountDisbursed: winner === 0 ? 100 : 200,
    });
  });

  it("lets one of two racing saves of the consolidated narrative win", async () => {
    const url = `/api/plans/${world.plan.code}/periods/2025-Q1/consolidated`;
    const current = (await call(first, "GET", url)).json();
    const body = (opening: string) => ({ ...current.narrative, version: current.version, opening });
    await race(url, "PUT", [body("Mở đầu một"), body("Mở đầu hai")]);
  });

  it("lets one of two racing saves of a unit's report win", async () => {
    const url = `/api/plans/${world.plan.code}/periods/2025-Q1/reports/${world.communeA.id}`;
    const form = (await call(reporterA, "GET", url)).json();
    const [a, b] = await Promise.all([
      call(reporterA, "PUT", url, { version: form.version, difficulties: "Khó khăn một" }),
      call(reporterA2, "PUT", url, { version: form.version, difficulties: "Khó khăn hai" }),
    ]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body.slice(0, 200)} | ${b.body.slice(0, 200)}`).toEqual([
      200, 409,
    ]);
  });

  it("counts two reports of one period submitted at once in the stored figures, both of them", async () => {
    const reporterB = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: world.communeB, role: "unit_reporter" }] }),
    );
    const fill = async (session: SignedIn, unitId: string, numerator: number) => {
      const url = `/api/plans/${world.plan.code}/periods/2025-Q1/reports/${unitId}`;
      const form = (await call(session, "GET", url)).json();
      const saved = await call(session, "PUT", url, {
        version: form.version,
        tasks: form.tasks.map((t: { key: string }) => ({ key: t.key, progress: 50, note: "Đang làm" })),
        values: [{ targetKey: world.targetKey, numerator, denominator: 100 }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return { url: `${url}/submit`, version: saved.json().version as number };
    };
    const [a, b] = [
      await fill(reporterA, world.communeA.id, 60),
      await fill(reporterB, world.communeB.id, 90),
    ];
    const sent = await Promise.all([
      call(reporterA, "POST", a.url, { version: a.version }),
      call(reporterB, "POST", b.url, { version: b.version }),
    ]);
    expect(
      sent.map((r) => r.statusCode),
      sent.map((r) => r.body.slice(0, 200)).join(" | "),
    ).toEqual([200, 200]);
    expect(await expectStoredFiguresMatch(ctx.db, ctx.config.attainment.nearThreshold)).toBeGreaterThan(0);
  });
});
