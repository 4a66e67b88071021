import { expect, it } from "vitest";
import { createFirstAdministrator } from "../src/modules/users/create-first-administrator.ts";
import { describeBothDatabases, loginAs } from "./helpers.ts";

describeBothDatabases("first administrator of a new installation", (ctx) => {
  const input = {
    username: "quantri.tinh",
    fullName: "Trần Thị Quản Trị",
    password: "mat-khau-khoi-tao-1",
    unit: { code: "T-KHOITAO", name: "Tỉnh Khởi Tạo" },
  };

  it("creates a superadministrator on a new province who can then sign in and see it", async () => {
    const { unitId } = await createFirstAdministrator(ctx.db, input);
    const session = await loginAs(ctx.app, input);
    const me = await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers });
    expect(me.json().user).toMatchObject({ username: "quantri.tinh", isSuperadmin: true });
    expect(me.json().user.grants).toEqual([expect.objectContaining({ unitId, role: "administrator" })]);
    const audit = await ctx.app.inject({
      method: "GET",
      url: "/api/audit?entity=user",
      headers: session.headers,
    });
    const entry = audit
      .json()
      .items.find((e: { action: string }) => e.action === "user.create_first_administrator");
    expect(entry.after).not.toHaveProperty("passwordHash");
  });

  it("refuses a second bootstrap once a superadministrator exists", async () => {
    await expect(
      createFirstAdministrator(ctx.db, {
        ...input,
        username: "ke.la",
        unit: { code: "T-KHAC", name: "Tỉnh Khác" },
      }),
    ).rejects.toThrow(/đã có quản trị viên/);
  });

  it("refuses a weak password with a Vietnamese message, writing nothing", async () => {
    await expect(createFirstAdministrator(ctx.db, { ...input, password: "ngan" })).rejects.toThrow(
      /password: Mật khẩu tối thiểu 12 ký tự/,
    );
  });
});
