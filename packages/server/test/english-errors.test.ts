import { expect, it } from "vitest";
import { buildTenant, buildUser, describeBothDatabases, loginAs, type SignedIn } from "./helpers.ts";

const EN = { "accept-language": "en-US,en;q=0.9,vi;q=0.8" };
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

interface ErrorBody {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

/** The error of a response, checked to be wholly English (message and every detail). */
function englishError(response: { json: () => { error: Partial<ErrorBody> } }): ErrorBody {
  const { error } = response.json();
  const full = { code: error.code ?? "", message: error.message ?? "", details: error.details ?? [] };
  for (const text of [full.message, ...full.details.map((d) => d.message)]) {
    expect(text).not.toMatch(VIETNAMESE);
  }
  return full;
}

describeBothDatabases("errors in English for a caller who chose English", (ctx) => {
  let admin: SignedIn;
  /** A GET by the administrator, asking for English. */
  const getInEnglish = (url: string) =>
    ctx.app.inject({ method: "GET", url, headers: { ...admin.headers, ...EN } });
  /** A sign-in whose JSON body is cut short. */
  const malformedSignIn = (headers: Record<string, string>, remoteAddress: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { ...headers, "content-type": "application/json" },
      payload: '{"username": "a", ',
      remoteAddress,
    });
  it("signs in an administrator", async () => {
    const tenant = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: tenant.province, role: "administrator" }] });
    admin = await loginAs(ctx.app, user);
  });

  it("answers malformed JSON, a wrong Content-Length and NUL in English", async () => {
    const json = await malformedSignIn(EN, "10.201.0.1");
    expect(json.statusCode).toBe(400);
    expect(englishError(json).message).toMatch(/^Invalid JSON: /);

    const length = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { ...EN, "content-type": "application/json", "content-length": "5" },
      payload: JSON.stringify({ username: "a", password: "b" }),
      remoteAddress: "10.201.0.2",
    });
    expect(length.statusCode).toBe(400);
    expect(englishError(length).message).toBe("The Content-Length does not match the data sent.");

    const nul = await getInEnglish("/api/plans?q=a%00b");
    expect(nul.statusCode).toBe(400);
    expect(englishError(nul).message).toMatch(/^The request address contains invalid characters/);
  });

  it("answers an oversize body in English", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { ...EN, "content-type": "application/json" },
      payload: JSON.stringify({ username: "a", password: "x".repeat(3 * 1024 * 1024) }),
      remoteAddress: "10.201.0.3",
    });
    expect(response.statusCode).toBe(400);
    const error = englishError(response);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toMatch(/^The data sent is too large \(at most \d+ KB\)\.$/);
  });

  it("answers the shared schemas' messages and zod's own in English, field by field", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { ...admin.headers, ...EN },
      payload: { username: "ab", fullName: "", password: "x", grants: [] },
    });
    expect(response.statusCode).toBe(400);
    const error = englishError(response);
    // The sentence names the fields in words; the paths stay in the details.
    expect(error.message).toBe(
      "The data sent is not valid — A username has at least 3 characters; Enter the full name; A password has at least 12 characters; Grant at least one role on a unit",
    );
    const byPath = Object.fromEntries(error.details.map((d) => [d.path, d.message]));
    expect(byPath["body.username"]).toBe("A username has at least 3 characters");
    expect(byPath["body.fullName"]).toBe("Enter the full name");
    expect(byPath["body.grants"]).toBe("Grant at least one role on a unit");

    const tooMany = await getInEnglish("/api/users?limit=1000");
    expect(tooMany.statusCode).toBe(400);
    expect(englishError(tooMany).details[0]).toEqual({
      path: "querystring.limit",
      message: "Too big: expected number to be <=200",
    });
  });

  it("answers refusals, missing things and a wrong password in English", async () => {
    const missing = await getInEnglish("/api/plans/khong-co");
    expect(missing.statusCode).toBe(404);
    expect(englishError(missing).message).toBe("Plan not found.");

    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/users", headers: EN });
    expect(anonymous.statusCode).toBe(401);
    englishError(anonymous);

    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: EN,
      payload: { username: "khong-ai", password: "sai mat khau" },
      remoteAddress: "10.201.0.4",
    });
    expect(wrong.statusCode).toBe(401);
    expect(englishError(wrong).message).toBe("The username or password is wrong.");

    const noRoute = await ctx.app.inject({ method: "GET", url: "/api/khong-co", headers: EN });
    expect(noRoute.statusCode).toBe(404);
    expect(englishError(noRoute).message).toBe("There is no address GET /api/khong-co.");

    const province = await getInEnglish("/api/plans?province=khong-phai-uuid");
    expect(province.statusCode).toBe(400);
    expect(englishError(province).message).toBe(
      "The province (x-dtplan-province or ?province=) must be an identifier (UUID).",
    );
  });

  it("keeps Vietnamese by default and for a caller who prefers Vietnamese", async () => {
    const preferences: Record<string, string>[] = [{}, { "accept-language": "vi-VN,vi;q=0.9,en;q=0.8" }];
    for (const headers of preferences) {
      const json = await malformedSignIn(headers, "10.201.0.5");
      expect(json.json().error.message).toMatch(/^Dữ liệu JSON không hợp lệ/);

      const invalid = await ctx.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { ...admin.headers, ...headers },
        payload: { username: "ab", fullName: "", password: "x", grants: [] },
      });
      const { error } = invalid.json();
      expect(error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ — /);
      expect(error.details.find((d: { path: string }) => d.path === "body.username").message).toBe(
        "Tên đăng nhập tối thiểu 3 ký tự",
      );

      const missing = await ctx.app.inject({
        method: "GET",
        url: "/api/plans/khong-co",
        headers: { ...admin.headers, ...headers },
      });
      expect(missing.json().error.message).toBe("Không tìm thấy kế hoạch.");
    }
  });
});
