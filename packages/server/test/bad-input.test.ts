import { expect, it } from "vitest";
import { buildTenant, buildUser, describeBothDatabases, loginAs, type SignedIn } from "./helpers.ts";

const NUL_VALUE = "a%00b";

describeBothDatabases("bad input is a clear 4xx in Vietnamese", (ctx) => {
  let admin: SignedIn;
  it("signs in a superadmin", async () => {
    const tenant = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, {
      grants: [{ unit: tenant.province, role: "administrator" }],
      isSuperadmin: true,
    });
    admin = await loginAs(ctx.app, user);
  });

  it("refuses NUL in any address parameter or query with 400, on every API route", async () => {
    const failures: string[] = [];
    for (const route of ctx.app.apiRoutes) {
      const url = `${route.url.replace(/:[A-Za-z]+/g, NUL_VALUE)}?q=${NUL_VALUE}&limit=${NUL_VALUE}`;
      for (const withNulInQueryOnly of [false, true]) {
        const target = withNulInQueryOnly ? `${route.url.replace(/:[A-Za-z]+/g, "x")}?q=%00` : url;
        const response = await ctx.app.inject({
          method: route.method as "GET",
          url: target,
          headers: admin.headers,
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
        });
        if (response.statusCode >= 500) failures.push(`${route.method} ${target} → ${response.statusCode}`);
        if (!withNulInQueryOnly && response.statusCode !== 400 && response.statusCode !== 404)
          failures.push(`${route.method} ${target} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("cleans NUL and U+FFFE out of a JSON body: sign-in with them is a wrong password, not a 500", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ai\u0000do\uFFFE", password: "x\u0000y" },
      remoteAddress: "10.200.0.1",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toMatch(/không đúng/);
  });

  it("answers malformed JSON in Vietnamese", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username": "a", ',
      remoteAddress: "10.200.0.2",
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toMatch(/^Dữ liệu JSON không hợp lệ/);
    expect(error.message).not.toMatch(/Body is not valid JSON|content-type is set/);
  });

  it("answers a JSON content type with a body that is not JSON in Vietnamese", async () => {
    for (const payload of ["username=a&password=b", "\u0000"]) {
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload,
        remoteAddress: "10.200.0.3",
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/^Dữ liệu JSON không hợp lệ/);
    }
  });

  it("answers a Content-Length that does not match the body with 400 in Vietnamese", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "content-length": "5" },
      payload: JSON.stringify({ username: "a", password: "b" }),
      remoteAddress: "10.200.0.4",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Content-Length/);
  });
});
