import { type TUser, ZAuditList, ZUserList } from "@dtplan/contracts";
import { auditChangeLines, auditSentence } from "@dtplan/domain/audit/audit-words.ts";
import { todayInVietnam } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import { auditLog } from "../src/db/schema.ts";
import {
  buildTenant,
  buildUser,
  describeBothDatabases,
  isoDaysFromToday,
  loginAs,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("accounts and audit", (ctx) => {
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let provinceAdmin: SignedIn;
  let communeAdmin: SignedIn;
  let provinceAdminId: string;

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    const p = await buildUser(ctx.db, { grants: [{ unit: tenant.province, role: "administrator" }] });
    provinceAdminId = p.id;
    provinceAdmin = await loginAs(ctx.app, p);
    communeAdmin = await signInAs(ctx, tenant.communeA, "administrator");
  });

  const { call: as } = ctx;

  const newUser = (unitId: string, username: string) => ({
    username,
    fullName: "Nguyễn Văn A",
    email: "a@example.vn",
    password: "mat-khau-ban-dau",
    grants: [{ unitId, role: "unit_reporter" }],
  });

  it("lets an administrator create an account that can then sign in, and audits it without the password", async () => {
    const response = await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "nva.xa-a"));
    expect(response.statusCode).toBe(201);
    const user = response.json() as TUser;
    expect(user).toMatchObject({ username: "nva.xa-a", tenantId: tenant.province.id, active: true });
    expect(user.grants).toEqual([
      {
        unitId: tenant.communeA.id,
        role: "unit_reporter",
        unitName: tenant.communeA.name,
        unitClosedOn: null,
        tenantId: tenant.province.id,
      },
    ]);
    await loginAs(ctx.app, { username: "nva.xa-a", password: "mat-khau-ban-dau" });
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.create")));
    expect(entry).toMatchObject({ actorId: provinceAdminId, before: null });
    expect(JSON.stringify(entry.after)).not.toMatch(/mat-khau|argon2|password/i);
  });

  it("refuses a username already taken with 409", async () => {
    await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "trung-ten"));
    const again = await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeB.id, "trung-ten"));
    expect(again.statusCode).toBe(409);
  });

  it("does not let a commune administrator grant roles on another commune", async () => {
    const own = await as(communeAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "cua-xa-a"));
    expect(own.statusCode).toBe(201);
    const other = await as(communeAdmin, "POST", "/api/users", newUser(tenant.communeB.id, "cua-xa-b"));
    expect(other.statusCode).toBe(403);
    const sneaky = await as(communeAdmin, "PATCH", `/api/users/${own.json().id}`, {
      grants: [{ unitId: tenant.communeB.id, role: "administrator" }],
    });
    expect(sneaky.statusCode).toBe(403);
  });

  it("does not let a commune administrator touch an account of the province", async () => {
    const response = await as(communeAdmin, "POST", `/api/users/${provinceAdminId}/reset-password`, {
      newPassword: "mat-khau-moi-123",
    });
    expect(response.statusCode).toBe(403);
  });

  it("replaces grants, deactivates and records before → after", async () => {
    const created = (
      await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "doi-vai-tro"))
    ).json();
    const response = await as(provinceAdmin, "PATCH", `/api/users/${created.id}`, {
      fullName: "Trần Thị B",
      grants: [{ unitId: tenant.district.id, role: "leader" }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().grants).toEqual([
      expect.objectContaining({ unitId: tenant.district.id, role: "leader" }),
    ]);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "user.update")));
    expect(entry.before).toMatchObject({
      fullName: "Nguyễn Văn A",
      grants: [expect.objectContaining({ role: "unit_reporter" })],
    });
    expect(entry.after).toMatchObject({
      fullName: "Trần Thị B",
      grants: [expect.objectContaining({ role: "leader" })],
    });

    const session = await loginAs(ctx.app, { username: "doi-vai-tro", password: "mat-khau-ban-dau" });
    await as(provinceAdmin, "PATCH", `/api/users/${created.id}`, { active: false });
    const me = await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it("resets a password: the old one stops working, sessions end, the log holds no hash", async () => {
    const created = (
      await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeB.id, "quen-mat-khau"))
    ).json();
    const session = await loginAs(ctx.app, { username: "quen-mat-khau", password: "mat-khau-ban-dau" });
    const reset = await as(provinceAdmin, "POST", `/api/users/${created.id}/reset-password`, {
      newPassword: "mat-khau-moi-456",
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).statusCode,
    ).toBe(401);
    const old = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "quen-mat-khau", password: "mat-khau-ban-dau" },
    });
    expect(old.statusCode).toBe(401);
    await loginAs(ctx.app, { username: "quen-mat-khau", password: "mat-khau-moi-456" });
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "user.reset_password")));
    expect(entry.after).toEqual({ username: "quen-mat-khau", passwordReset: true });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|mat-khau-moi/);
  });

  it("lets a signed-in user change their own password: a wrong current one counts as a failed sign-in, other devices are signed out", async () => {
    const created = (
      await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "tu-doi-mat-khau"))
    ).json() as TUser;
    const account = { username: "tu-doi-mat-khau", password: "mat-khau-ban-dau" };
    const here = await loginAs(ctx.app, account);
    const phone = await loginAs(ctx.app, account);
    const change = (currentPassword: string, newPassword: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/account/password",
        payload: { currentPassword, newPassword },
        headers: here.headers,
        remoteAddress: "10.250.250.7",
      });

    const wrong = await change("khong-phai-mat-khau", "mat-khau-rieng-cua-toi");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: "body.currentPassword", message: "Mật khẩu hiện tại không đúng" },
    ]);
    const failures = await queryRows<{ scope: string; failures: number }>(
      ctx.db,
      sql`SELECT scope, failures FROM sign_in_failures WHERE key = 'tu-doi-mat-khau'`,
    );
    expect(failures).toEqual([{ scope: "account", failures: 1 }]);
    const weak = await change("mat-khau-ban-dau", "123456789012");
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ path: "body.newPassword" });

    expect((await change("mat-khau-ban-dau", "mat-khau-rieng-cua-toi")).statusCode).toBe(200);
    const me = (s: SignedIn) => ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: s.headers });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    await loginAs(ctx.app, { ...account, password: "mat-khau-rieng-cua-toi" });
    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.entity, "user")));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.change_password_failed", "user.change_password"]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/argon2|mat-khau-rieng|khong-phai/);
  });

  it("refuses a too-short password with a Vietnamese message on the field", async () => {
    const response = await as(provinceAdmin, "POST", "/api/users", {
      ...newUser(tenant.communeA.id, "ngan"),
      password: "123",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: "body.password", message: "Mật khẩu tối thiểu 12 ký tự" },
    ]);
  });

  it("refuses a common password, one equal to the username, and a weak reset, naming the field", async () => {
    for (const [password, message] of [
      ["123456789012", /phổ biến/],
      ["password1234", /phổ biến/],
      ["            ", /đơn giản/],
      ["ten-dang-nhap-dai", /trùng tên đăng nhập/],
    ] as const) {
      const response = await as(provinceAdmin, "POST", "/api/users", {
        ...newUser(tenant.communeA.id, "ten-dang-nhap-dai"),
        password,
      });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.details[0].path).toBe("body.password");
      expect(response.json().error.details[0].message).toMatch(message);
    }
    const created = (
      await as(provinceAdmin, "POST", "/api/users", newUser(tenant.communeA.id, "doi-mat-khau-yeu"))
    ).json() as TUser;
    const reset = await as(provinceAdmin, "POST", `/api/users/${created.id}/reset-password`, {
      newPassword: "qwertyuiop123",
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.details[0]).toMatchObject({ path: "body.newPassword" });
  });

  it("lists only the accounts within the caller's reach", async () => {
    const all = ZUserList.parse((await as(provinceAdmin, "GET", "/api/users?limit=200")).json());
    const mine = ZUserList.parse((await as(communeAdmin, "GET", "/api/users?limit=200")).json());
    expect(all.total).toBeGreaterThan(mine.total);
    for (const user of mine.items) {
      expect(user.grants.some((g) => g.unitId === tenant.communeA.id)).toBe(true);
    }
    const search = ZUserList.parse((await as(provinceAdmin, "GET", "/api/users?q=quen-mat")).json());
    expect(search.items.map((u) => u.username)).toEqual(["quen-mat-khau"]);
  });

  it("shows the audit log of the caller's province, newest first, filtered by entity", async () => {
    const response = await as(provinceAdmin, "GET", "/api/audit?entity=user&limit=200");
    expect(response.statusCode).toBe(200);
    const list = ZAuditList.parse(response.json());
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((e) => e.entity === "user")).toBe(true);
    const times = list.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(list.items[0].actorName).toBeTruthy();

    const stranger = await signInAs(ctx, (await buildTenant(ctx.db)).province, "administrator");
    const theirs = ZAuditList.parse((await as(stranger, "GET", "/api/audit?entity=user")).json());
    expect(
      theirs.items.filter((e) => e.entityId && list.items.some((m) => m.entityId === e.entityId)),
    ).toEqual([]);
  });

  it("says each entry in words, names the objects, filters by person, unit, kind and dates in SQL", async () => {
    const get = async (query: string) => {
      const response = await as(provinceAdmin, "GET", `/api/audit?${query}`);
      expect(response.statusCode, query).toBe(200);
      return ZAuditList.parse(response.json());
    };
    const byAdmin = await get(`actorId=${provinceAdminId}&entity=user&limit=200`);
    expect(byAdmin.total).toBeGreaterThan(2);
    expect(byAdmin.items.every((e) => e.actorId === provinceAdminId && e.entity === "user")).toBe(true);

    const update = byAdmin.items.find(
      (e) => e.action === "user.update" && (e.before as { fullName?: string }).fullName === "Nguyễn Văn A",
    );
    if (!update) throw new Error("no user.update entry");
    expect(auditSentence(update, "vi")).toBe("Người dùng thử nghiệm đã sửa tài khoản «Trần Thị B»");
    expect(auditSentence(update, "en")).toBe("Người dùng thử nghiệm edited the account «Trần Thị B»");
    const lines = auditChangeLines(update, "vi");
    expect(lines.map((l) => l.label)).toEqual(expect.arrayContaining(["Họ và tên", "Vai trò"]));
    const roles = lines.find((l) => l.label === "Vai trò");
    expect(roles?.after).toBe(`Lãnh đạo — ${tenant.district.name}`);
    const shown = lines.map(({ label, before, after }) => [label, before, after]);
    expect(JSON.stringify(shown)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|fullName|unitId|unit_reporter/);

    const inCommuneB = await get(`unitId=${tenant.communeB.id}&limit=200`);
    expect(inCommuneB.total).toBeGreaterThan(0);
    expect(inCommuneB.items.every((e) => e.unitId === tenant.communeB.id)).toBe(true);
    expect(inCommuneB.items[0].unitName).toBe(tenant.communeB.name);

    const today = todayInVietnam();
    expect((await get(`from=${today}&to=${today}&entity=user`)).total).toBe((await get("entity=user")).total);
    expect((await get(`from=${isoDaysFromToday(1)}`)).total).toBe(0);
    expect((await get(`to=${isoDaysFromToday(-1)}&entity=user`)).total).toBe(0);
    expect((await as(provinceAdmin, "GET", "/api/audit?entity=task.progress")).statusCode).toBe(400);

    const people = (await as(provinceAdmin, "GET", "/api/audit/people")).json();
    expect(people.items).toContainEqual({ id: provinceAdminId, fullName: "Người dùng thử nghiệm" });
  });

  it("names a catalogue indicator in the log by its name (its id is a code, not a uuid)", async () => {
    const created = await as(provinceAdmin, "POST", "/api/indicators", {
      unitId: tenant.province.id,
      code: "NK-1",
      name: "Tỷ lệ hồ sơ trong nhật ký",
      unit: "%",
      pillar: "other",
      aggregation: "ratio",
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await as(provinceAdmin, "GET", "/api/audit?entity=indicator");
    expect(response.statusCode, response.body).toBe(200);
    const entry = ZAuditList.parse(response.json()).items.find((e) => e.entityId === "NK-1");
    expect(entry?.subject).toBe("Tỷ lệ hồ sơ trong nhật ký");
  });

  it("exports the filtered log to XLSX in words, without codes or ids", async () => {
    const response = await as(
      provinceAdmin,
      "GET",
      `/api/exports/audit?entity=user&actorId=${provinceAdminId}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(
      expect.arrayContaining(["Thời điểm", "Người thực hiện", "Diễn giải", "Đối tượng", "Nội dung thay đổi"]),
    );
    const text = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(text).toContain("Người dùng thử nghiệm đã tạo tài khoản «Nguyễn Văn A»");
    expect(text).toContain("Họ và tên: Nguyễn Văn A → Trần Thị B");
    expect(text).not.toMatch(/user\.(create|update)|[0-9a-f]{8}-[0-9a-f]{4}-|"fullName"/);
  });
});
