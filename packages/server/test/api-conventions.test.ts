import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZErrorResponse, ZHealth } from "@dtplan/contracts";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { LATEST_MIGRATION } from "../src/db/migrate.ts";
import { buildTenant, buildUser, describeBothDatabases, loginAs, openTestDatabase } from "./helpers.ts";

describeBothDatabases("API conventions", (ctx) => {
  it("reports the database kind and the migration state on /api/health without a session, the versions only to a signed-in user", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    const health = ZHealth.parse(response.json());
    expect(health).toEqual({
      status: "ok",
      database: {
        kind: ctx.kind,
        migration: { current: LATEST_MIGRATION, latest: LATEST_MIGRATION, upToDate: true },
      },
    });
    expect(response.body).not.toMatch(/PostgreSQL|\d+\.\d+\.\d+/);

    const tenant = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
    const session = await loginAs(ctx.app, user);
    const signedIn = ZHealth.parse(
      (await ctx.app.inject({ method: "GET", url: "/api/health", headers: session.headers })).json(),
    );
    expect(signedIn.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(signedIn.database.serverVersion).toMatch(
      ctx.kind === "postgres" ? /^PostgreSQL 15\./ : /^PostgreSQL/,
    );
  });

  it("answers an unknown /api route with a JSON 404", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/no-such-thing" });
    expect(response.statusCode).toBe(404);
    expect(ZErrorResponse.parse(response.json()).error.code).toBe("not_found");
  });

  it("answers invalid JSON, missing fields, wrong types and oversize bodies with 400 saying what and where", async () => {
    const invalid = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username": "admin",',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe("bad_request");
    expect(invalid.json().error.message).toMatch(/^Dữ liệu JSON không hợp lệ/);

    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin" },
    });
    expect(missing.statusCode).toBe(400);
    const missingError = ZErrorResponse.parse(missing.json()).error;
    expect(missingError.code).toBe("validation_failed");
    expect(missingError.details).toEqual([{ path: "body.password", message: "Nhập mật khẩu" }]);

    const wrongType = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: 42, password: "x" },
    });
    expect(wrongType.statusCode).toBe(400);
    const wrongTypeError = ZErrorResponse.parse(wrongType.json()).error;
    expect(wrongTypeError.details?.[0].path).toBe("body.username");
    expect(wrongTypeError.details?.[0].message).toBe("Tên đăng nhập: sai kiểu dữ liệu, cần chữ");

    const oversize = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "x".repeat(ctx.config.bodyLimit + 10) },
    });
    expect(oversize.statusCode).toBe(400);
    expect(oversize.json().error.code).toBe("payload_too_large");
  });

  it("refuses a state-changing request sent from another site's page", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { username: "admin", password: "whatever-password" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
  });

  it("publishes an OpenAPI document listing every /api route", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.info.title).toBe("dtplan API");
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const routes = ctx.app.apiRoutes
      .filter((r) => r.url !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual(routes.sort());
    const login = doc.paths["/api/auth/login"].post as { summary: string };
    expect(login.summary).toBe("Đăng nhập");
  });

  it("never sends a stack trace, even when the database fails under a request", async () => {
    const broken = await openTestDatabase(ctx.kind);
    const app = await buildApp(testConfig(), { db: broken.db });
    try {
      const { province } = await buildTenant(broken.db);
      const user = await buildUser(broken.db, { grants: [{ unit: province, role: "administrator" }] });
      const session = await loginAs(app, user);
      await broken.close();
      const response = await app.inject({ method: "GET", url: "/api/org/units", headers: session.headers });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: { code: "internal", message: expect.stringMatching(/lỗi/) },
      });
      expect(response.body).not.toMatch(/at .*\.ts|stack|Error:/);
    } finally {
      await app.close();
    }
  });
});

describe("web app", () => {
  it("serves the built web app and falls back to index.html for client-side routes, never for /api or a missing file", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "dtplan-web-"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>dtplan</title>");
    writeFileSync(path.join(dist, "app.js"), "console.log(1)");
    const { db, close } = await openTestDatabase("pglite");
    const app = await buildApp(testConfig({ webDist: dist }), { db });
    try {
      const index = await app.inject({ method: "GET", url: "/" });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain("<title>dtplan</title>");
      expect((await app.inject({ method: "GET", url: "/app.js" })).body).toContain("console.log");
      const deep = await app.inject({
        method: "GET",
        url: "/org/units/123",
        headers: { accept: "text/html" },
      });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain("<title>dtplan</title>");
      const staleAsset = await app.inject({ method: "GET", url: "/assets/index-0ld.js" });
      expect(staleAsset.statusCode).toBe(404);
      const api = await app.inject({ method: "GET", url: "/api/nothing-here" });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe("not_found");
    } finally {
      await app.close();
      await close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
