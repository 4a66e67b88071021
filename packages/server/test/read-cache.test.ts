import type { TPlanDashboard } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { atSnapshot, SnapshotCache } from "../src/db/data-snapshot.ts";
import { planTasks, roleGrants } from "../src/db/schema.ts";
import { createSession, loadActorAt, parseSessionCookie } from "../src/modules/auth/session.repository.ts";
import { READ_CACHE_HEADER } from "../src/read-cache.ts";
import {
  buildReportingPlan,
  buildTenant,
  buildUnit,
  buildUser,
  describeBothDatabases,
  loginAs,
  type SignedIn,
} from "./helpers.ts";

describe("snapshot cache", () => {
  it("gives a value only under the snapshot it was read at, and keeps to its budget", () => {
    const cache = new SnapshotCache(4000, 2);
    cache.set("10:12:", "a", 1, 100);
    expect(cache.get("10:12:", "a")).toBe(1);
    expect(cache.get("10:13:", "a")).toBeUndefined();
    cache.set("10:13:", "a", 2, 100);
    cache.set("10:14:", "a", 3, 100);
    // Two snapshots at most: the oldest went with its values.
    expect(cache.get("10:12:", "a")).toBeUndefined();
    expect([cache.get("10:13:", "a"), cache.get("10:14:", "a")]).toEqual([2, 3]);
    for (let i = 0; i < 20; i++) cache.set("10:14:", `k${i}`, i, 500);
    expect(cache.size).toBeLessThanOrEqual(4000);
    expect(cache.get("10:14:", "k19")).toBe(19);
    // Too large for the budget: not kept at all.
    cache.set("10:14:", "big", "x", 3000);
    expect(cache.get("10:14:", "big")).toBeUndefined();
  });
});

describe("reads kept per snapshot", () => {
  it("never keeps what a transaction reads (it may have written)", async () => {
    const cache = new SnapshotCache(1 << 20);
    const db = {} as Parameters<typeof atSnapshot>[0];
    let calls = 0;
    const compute = async () => ++calls;
    expect(await atSnapshot(db, { snapshot: "5:5:", cache }, "k", compute)).toBe(1);
    expect(await atSnapshot(db, { snapshot: "5:5:", cache }, "k", compute)).toBe(2);
    expect(calls).toBe(2);
  });
});

describeBothDatabases("read cache: answers and grants reused while the data is the same", (ctx) => {
  let setup: Awaited<ReturnType<typeof buildReportingPlan>>;
  let leader: SignedIn;
  let leaderId: string;
  let stranger: SignedIn;
  const url = () => `/api/plans/${setup.plan.code}/dashboard`;
  const get = (who: SignedIn) => ctx.app.inject({ method: "GET", url: url(), headers: who.headers });

  beforeAll(async () => {
    setup = await buildReportingPlan(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: setup.district, role: "leader" }] });
    leaderId = user.id;
    leader = await loginAs(ctx.app, user);
    const other = await buildTenant(ctx.db);
    stranger = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: other.district, role: "leader" }] }),
    );
  });

  // PostgreSQL's snapshot covers the whole server: on the shared test server, other suites'
  // writes (in other databases) also start a new one, so only PGlite's run can count on a hit.
  const expectHit = (res: { headers: Record<string, unknown> }) => {
    if (ctx.kind === "pglite") expect(res.headers[READ_CACHE_HEADER]).toBe("hit");
  };

  it("reuses the dashboard until a write from any connection, then computes it again", async () => {
    await get(leader); // the session's last-seen time is written at most once a minute: now
    const first = await get(leader);
    expect(first.statusCode, first.body).toBe(200);
    const again = await get(leader);
    expectHit(again);
    expect(again.body).toBe(first.body);
    expect(again.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(again.headers["cache-control"]).toBe("no-store");

    // A write the server did not make (another connection, as psql or another server would).
    const task = setup.tasks[0];
    await ctx.db
      .update(planTasks)
      .set({ progress: 100, completedAt: "2025-01-10" })
      .where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.id, task.id)));
    const after = await get(leader);
    expect(after.headers[READ_CACHE_HEADER]).toBe("miss");
    const before = (first.json() as TPlanDashboard).tasks;
    const now = (after.json() as TPlanDashboard).tasks;
    expect(now.done).toBe(before.done + 1);

    // Many at once after a change: computed once, the others wait for that answer.
    await ctx.db
      .update(planTasks)
      .set({ progress: 50, completedAt: null })
      .where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.id, task.id)));
    const burst = await Promise.all([1, 2, 3, 4].map(() => get(leader)));
    expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
    expect((burst[0].json() as TPlanDashboard).tasks.done).toBe(before.done);
    if (ctx.kind === "pglite") {
      expect(burst.filter((r) => r.headers[READ_CACHE_HEADER] === "miss")).toHaveLength(1);
    }
  });

  it("answers each caller for themselves: another province's leader is still refused", async () => {
    expect((await get(leader)).statusCode).toBe(200);
    const refused = await get(stranger);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers[READ_CACHE_HEADER]).not.toBe("hit");
  });

  it("a report's scope read per snapshot follows a write made elsewhere", async () => {
    const kept = { snapshot: "", cache: new SnapshotCache(1 << 20) };
    const { currentSnapshot } = await import("../src/db/data-snapshot.ts");
    const { reportingPlan } = await import("../src/modules/reporting/reporting.guards.ts");
    const { reportScope } = await import("../src/modules/reporting/get-report.ts");
    const { grantsOfUser } = await import("../src/modules/auth/session.repository.ts");
    const reporter = await buildUser(ctx.db, { grants: [{ unit: setup.communeA, role: "unit_reporter" }] });
    const actorAt = async () => {
      return {
        ...reporter,
        grants: await grantsOfUser(ctx.appDb, reporter.id),
        session: { id: "", tenantId: reporter.tenantId, csrfToken: "" },
        readAt: kept,
      };
    };
    const scopeNow = async () => {
      const actor = await actorAt();
      return reportScope(
        ctx.appDb,
        await reportingPlan(ctx.appDb, actor, setup.plan.code),
        "2025-Q1",
        setup.communeA.id,
      );
    };
    kept.snapshot = await currentSnapshot(ctx.appDb);
    const first = await scopeNow();
    const again = await scopeNow();
    // The same snapshot: the same rows, read once; each call carries its own actor.
    expect(again.basis).toBe(first.basis);
    expect(again.ctx.actor).not.toBe(first.ctx.actor);
    const task = setup.tasks[0];
    await ctx.db
      .update(planTasks)
      .set({ text: "Nhiệm vụ đã sửa ở nơi khác" })
      .where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.id, task.id)));
    const later = await currentSnapshot(ctx.appDb);
    expect(later).not.toBe(kept.snapshot);
    kept.snapshot = later;
    const after = await scopeNow();
    expect(after.basis).not.toBe(first.basis);
    expect(after.basis.tasks.find((t) => t.id === task.id)?.text).toBe("Nhiệm vụ đã sửa ở nơi khác");
  });

  it("walks a session's reach once per snapshot, and again once a unit is added under its grant", async () => {
    // A fresh session: its last-seen time is not due to be written (a write is a new snapshot).
    const session = await createSession(ctx.db, {
      tenantId: setup.district.tenantId,
      userId: leaderId,
      idleMs: ctx.config.sessionIdleMs,
    });
    const cookie = parseSessionCookie(session.cookieValue) as NonNullable<
      ReturnType<typeof parseSessionCookie>
    >;
    const cache = new SnapshotCache(1024 * 1024);
    const read = () => loadActorAt(ctx.appDb, cookie, ctx.config.sessionIdleMs, { cache });
    const first = await read();
    const again = await read();
    expect(again?.actor.reach?.under).toEqual(first?.actor.reach?.under);
    if (ctx.kind === "pglite") expect(again?.actor.reach).toBe(first?.actor.reach);
    const unit = await buildUnit(ctx.db, { parent: setup.district });
    const after = await read();
    expect(after?.snapshot).not.toBe(first?.snapshot);
    expect(after?.actor.reach?.under.get(unit.id)).toEqual([setup.district.id]);
  });

  it("a grant taken away is seen by the very next request", async () => {
    expect((await get(leader)).statusCode).toBe(200);
    expectHit(await get(leader));
    await ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.tenantId, setup.district.tenantId), eq(roleGrants.userId, leaderId)));
    const res = await get(leader);
    expect(res.statusCode).toBeGreaterThanOrEqual(403);
    expect(res.statusCode).toBeLessThanOrEqual(404);
  });
});
