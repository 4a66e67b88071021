import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseTrustProxy } from "../src/config.ts";
import { auditLog } from "../src/db/schema.ts";
import { buildTenant, buildUser, describeBothDatabases } from "./helpers.ts";

const LIMITS = { windowMs: 60_000, perAccountAndAddress: 3, perAccount: 6, perAddress: 8 };

describe("DTPLAN_TRUST_PROXY", () => {
  it("reads a hop count or a list of addresses and CIDR ranges, and refuses anything else", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("127.0.0.1, 10.0.0.0/8,::1")).toEqual(["127.0.0.1", "10.0.0.0/8", "::1"]);
    for (const bad of ["true", "nginx", "10.0.0.0/33", "10.0.0.0/8/1", "1.2.3"]) {
      expect(parseTrustProxy(bad), bad).toBeNull();
    }
  });
});

describeBothDatabases(
  "sign-in protection",
  (ctx) => {
    const signIn = (
      username: string,
      password: string,
      from: string,
      app = ctx.app,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: from,
        headers,
        payload: { username, password },
      });
    const newUser = async () => {
      const tenant = await buildTenant(ctx.db);
      return buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
    };

    it("counts failures only: many successful sign-ins never lock an account", async () => {
      const user = await newUser();
      for (let i = 0; i < LIMITS.perAccountAndAddress * 3; i++) {
        expect((await signIn(user.username, user.password, "192.0.2.1")).statusCode).toBe(200);
      }
    });

    it("locks one address out of one account after repeated failures, with a 429 in Vietnamese", async () => {
      const user = await newUser();
      for (let i = 0; i < LIMITS.perAccountAndAddress; i++) {
        expect((await signIn(user.username, "sai-mat-khau", "192.0.2.2")).statusCode).toBe(401);
      }
      const limited = await signIn(user.username, user.password, "192.0.2.2");
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({ code: "rate_limited" });
      expect(limited.json().error.message).toMatch(/Đăng nhập sai quá nhiều lần.*thử lại sau \d+ phút/);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      // The owner signing in from elsewhere is not held up by someone else's guesses.
      expect((await signIn(user.username, user.password, "192.0.2.3")).statusCode).toBe(200);
    });

    it("forgets an account's failures once it signs in", async () => {
      const user = await newUser();
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < LIMITS.perAccountAndAddress - 1; i++) {
          expect((await signIn(user.username, "sai-mat-khau", "192.0.2.4")).statusCode).toBe(401);
        }
        expect((await signIn(user.username, user.password, "192.0.2.4")).statusCode).toBe(200);
      }
    });

    it("limits one account guessed from many addresses", async () => {
      const user = await newUser();
      for (let i = 0; i < LIMITS.perAccount; i++) {
        expect((await signIn(user.username, "sai-mat-khau", `198.51.100.${i + 1}`)).statusCode).toBe(401);
      }
      expect((await signIn(user.username, user.password, "198.51.100.200")).statusCode).toBe(429);
    });

    it("gives one address a budget across usernames (password spraying)", async () => {
      for (let i = 0; i < LIMITS.perAddress; i++) {
        expect((await signIn(`khong-co-${i}-${Date.now()}`, "Mua-xuan-2025", "192.0.2.5")).statusCode).toBe(
          401,
        );
      }
      const user = await newUser();
      expect((await signIn(user.username, "Mua-xuan-2025", "192.0.2.5")).statusCode).toBe(429);
      // Signing in to an account one holds does not refill the address's budget.
      expect((await signIn(user.username, user.password, "192.0.2.5")).statusCode).toBe(429);
      expect((await signIn(user.username, user.password, "192.0.2.6")).statusCode).toBe(200);
    });

    it("shares the count between server processes and keeps it across a restart", async () => {
      const user = await newUser();
      const second = await buildApp(ctx.config, { db: ctx.db });
      try {
        for (let i = 0; i < LIMITS.perAccountAndAddress - 1; i++) {
          expect((await signIn(user.username, "sai-mat-khau", "192.0.2.7")).statusCode).toBe(401);
        }
        expect((await signIn(user.username, "sai-mat-khau", "192.0.2.7", second)).statusCode).toBe(401);
        expect((await signIn(user.username, user.password, "192.0.2.7", second)).statusCode).toBe(429);
      } finally {
        await second.close();
      }
      const restarted = await buildApp(ctx.config, { db: ctx.db });
      try {
        expect((await signIn(user.username, user.password, "192.0.2.7", restarted)).statusCode).toBe(429);
      } finally {
        await restarted.close();
      }
    });

    it("writes a failed sign-in on a known account to its province's audit log", async () => {
      const user = await newUser();
      await signIn(user.username, "sai-mat-khau", "192.0.2.8");
      const entries = await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.login_failed"), eq(auditLog.entityId, user.id)));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ tenantId: user.tenantId, actorId: null, entity: "user" });
      expect(entries[0].after).toMatchObject({
        username: user.username,
        ip: "192.0.2.8",
        reason: "wrong_password",
      });
    });

    it("behind a trusted proxy, counts by the client's address from X-Forwarded-For", async () => {
      const user = await newUser();
      const behindProxy = await buildApp({ ...ctx.config, trustProxy: 1 }, { db: ctx.db });
      const via = (client: string) => ({ "x-forwarded-for": client });
      try {
        for (let i = 0; i < LIMITS.perAccountAndAddress; i++) {
          const res = await signIn(
            user.username,
            "sai-mat-khau",
            "127.0.0.1",
            behindProxy,
            via("203.0.113.9"),
          );
          expect(res.statusCode).toBe(401);
        }
        const proxied = await signIn(
          user.username,
          user.password,
          "127.0.0.1",
          behindProxy,
          via("203.0.113.9"),
        );
        expect(proxied.statusCode).toBe(429);
        // Another citizen behind the same proxy is not locked out.
        const other = await signIn(
          user.username,
          user.password,
          "127.0.0.1",
          behindProxy,
          via("203.0.113.10"),
        );
        expect(other.statusCode).toBe(200);
      } finally {
        await behindProxy.close();
      }
      // Without the setting the header is not believed: the proxy's address is what counts.
      const forged = await signIn(user.username, "sai-mat-khau", "127.0.0.9", ctx.app, via("203.0.113.11"));
      expect(forged.statusCode).toBe(401);
      const entries = await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.login_failed"), eq(auditLog.entityId, user.id)));
      const addresses = entries.map((e) => (e.after as { ip: string }).ip);
      expect(addresses).toContain("127.0.0.9");
      expect(addresses).toContain("203.0.113.9");
      expect(addresses).not.toContain("203.0.113.11");
    });
  },
  { config: { signIn: LIMITS } },
);
