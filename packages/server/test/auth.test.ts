import { ZSessionResponse } from "@dtplan/contracts";
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, orgUnits, roleGrants, sessions } from "../src/db/schema.ts";
import { buildTenant, buildUser, describeBothDatabases, loginAs } from "./helpers.ts";

describeBothDatabases("sign-in and sessions", (ctx) => {
  const setup = async () => {
    const tenant = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
    return { tenant, user };
  };

  it("signs in with the right password: httpOnly SameSite=Strict cookie, the user and a CSRF token", async () => {
    const { user, tenant } = await setup();
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "dtplan_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const body = ZSessionResponse.parse(response.json());
    expect(body.user.username).toBe(user.username);
    expect(body.user.grants).toEqual([
      {
        unitId: tenant.communeA.id,
        role: "unit_reporter",
        unitName: tenant.communeA.name,
        unitClosedOn: null,
        tenantId: tenant.province.id,
      },
    ]);
    // Only a hash of the token is stored.
    const [row] = await ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(cookie?.value).not.toContain(row.tokenHash);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a wrong password and an unknown username the same refusal", async () => {
    const { user } = await setup();
    const wrongPassword = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "not-the-password" },
    });
    const unknownUser = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody-at-all", password: "not-the-password" },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownUser.json());
    expect(wrongPassword.json().error.code).toBe("unauthenticated");
  });

  it("refuses a deactivated account with the same message as a wrong password", async () => {
    const { tenant } = await setup();
    const user = await buildUser(ctx.db, {
      grants: [{ unit: tenant.communeA, role: "leader" }],
      active: false,
    });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
    });
    expect(response.statusCode).toBe(401);
  });

  it("knows the signed-in user on /api/auth/me and forgets them after logout", async () => {
    const { user } = await setup();
    const session = await loginAs(ctx.app, user);
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().csrfToken).toBe(session.csrfToken);
    // The browser refuses an evidence file over this size before uploading it.
    expect(me.json().limits.evidenceMaxBytes).toBe(ctx.app.appConfig.evidence.maxBytes);

    const logout = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: session.headers,
    });
    expect(logout.statusCode).toBe(200);
    const after = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it("reads the grants and where they reach afresh on each request: a unit moved, a grant given or taken, a sign-out", async () => {
    const { tenant } = await setup();
    const user = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "leader" }] });
    const session = await loginAs(ctx.app, user);
    const unit = (id: string) =>
      ctx.app.inject({ method: "GET", url: `/api/org/units/${id}`, headers: { cookie: session.cookie } });
    expect((await unit(tenant.communeA.id)).statusCode).toBe(200);
    expect((await unit(tenant.communeB.id)).statusCode).toBe(403);
    // Commune B moved under commune A: now within the grant's reach.
    await ctx.db
      .update(orgUnits)
      .set({ parentId: tenant.communeA.id })
      .where(and(eq(orgUnits.tenantId, tenant.communeB.tenantId), eq(orgUnits.id, tenant.communeB.id)));
    expect((await unit(tenant.communeB.id)).statusCode).toBe(200);
    // A grant on the district given, then every grant taken.
    await ctx.db
      .insert(roleGrants)
      .values({ tenantId: tenant.province.id, userId: user.id, unitId: tenant.district.id, role: "leader" });
    expect((await unit(tenant.district.id)).statusCode).toBe(200);
    await ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.tenantId, tenant.province.id), eq(roleGrants.userId, user.id)));
    expect((await unit(tenant.communeA.id)).statusCode).toBe(403);
    // Signed out elsewhere (the session row gone): the next request is not signed in.
    await ctx.db
      .delete(sessions)
      .where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
    expect((await unit(tenant.communeA.id)).statusCode).toBe(401);
  });

  it("records sign-in and sign-out in the audit log", async () => {
    const { user } = await setup();
    const session = await loginAs(ctx.app, user);
    await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: session.headers });
    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(rows.map((r) => r.action).sort()).toEqual(["auth.login", "auth.logout"]);
  });

  it("refuses a state-changing request without the session's CSRF token", async () => {
    const { user } = await setup();
    const session = await loginAs(ctx.app, user);
    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("csrf_failed");
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": "x".repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    // The session is still alive.
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(200);
  });

  it("ends a session once it has gone unused past its idle limit", async () => {
    const { user } = await setup();
    const session = await loginAs(ctx.app, user);
    await ctx.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, user.id));
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("unauthenticated");
  });

  it("slides the expiry forward when a session is used", async () => {
    const { user } = await setup();
    const session = await loginAs(ctx.app, user);
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() + interval '6 hours'` })
      .where(eq(sessions.userId, user.id));
    await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } });
    const [row] = await ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row.expiresAt.getTime() - row.lastSeenAt.getTime()).toBe(ctx.config.sessionIdleMs);
  });

  it("ignores a forged or malformed session cookie", async () => {
    const { tenant } = await setup();
    for (const cookie of [
      "dtplan_session=garbage",
      `dtplan_session=${tenant.province.id}.${"A".repeat(43)}`,
    ]) {
      const me = await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(me.statusCode).toBe(401);
    }
  });
});

describeBothDatabases(
  "session cookie over HTTPS",
  (ctx) => {
    it("marks the session cookie Secure when configured", async () => {
      const { communeA } = await buildTenant(ctx.db);
      const user = await buildUser(ctx.db, { grants: [{ unit: communeA, role: "leader" }] });
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password: user.password },
      });
      expect(response.cookies.find((c) => c.name === "dtplan_session")?.secure).toBe(true);
    });
  },
  { config: { cookieSecure: true } },
);
