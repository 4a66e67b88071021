import { ZOrgUnitList, ZSessionResponse, ZUnitLineage } from "@dtplan/contracts";
import { count, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { orgUnits, users } from "../src/db/schema.ts";
import { DEMO_ADMIN, demoAccounts, seedDemo } from "../src/modules/demo/seed.ts";
import { describeBothDatabases, loginAs } from "./helpers.ts";

const PASSWORD = "mat-khau-demo-thu";

describeBothDatabases("demo data", (ctx) => {
  beforeAll(async () => {
    const first = await seedDemo(ctx.db, { password: PASSWORD });
    expect(first.created).toBe(true);
  });

  it("loads three provinces, each a tenant, and is idempotent", async () => {
    const roots = await ctx.db.select().from(orgUnits).where(eq(orgUnits.kind, "province"));
    const tenants = roots.filter((r) => r.parentId === null).map((r) => r.name);
    expect(tenants.sort()).toEqual(["Tỉnh Quảng Ngãi", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp"].sort());
    const [{ n }] = await ctx.db.select({ n: count() }).from(orgUnits);
    const again = await seedDemo(ctx.db, { password: PASSWORD });
    expect(again.created).toBe(false);
    const [{ n: after }] = await ctx.db.select({ n: count() }).from(orgUnits);
    expect(after).toBe(n);
  });

  it("signs every demo account in with the demo password; admin is a superadministrator of all three", async () => {
    const accounts = demoAccounts();
    expect(accounts.length).toBe(16);
    const [admin] = await ctx.db.select().from(users).where(eq(users.username, DEMO_ADMIN));
    expect(admin.isSuperadmin).toBe(true);
    const session = await loginAs(ctx.app, { username: DEMO_ADMIN, password: PASSWORD });
    const me = ZSessionResponse.parse(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).json(),
    );
    expect(me.user.grants.filter((g) => g.role === "administrator")).toHaveLength(3);
    for (const account of accounts.slice(1, 4))
      await loginAs(ctx.app, { username: account.username, password: PASSWORD });
  });

  it("keeps the districts as history closed on 30/6/2025 with the offices the plans name", async () => {
    const session = await loginAs(ctx.app, { username: "chauthanh.tinh", password: PASSWORD });
    const today = ZOrgUnitList.parse(
      (await ctx.app.inject({ method: "GET", url: "/api/org/units", headers: session.headers })).json(),
    );
    expect(today.items.some((u) => u.name === "Huyện Châu Thành")).toBe(false);
    const before = ZOrgUnitList.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/org/units?asOf=2025-01-15",
          headers: session.headers,
        })
      ).json(),
    );
    const names = before.items.map((u) => u.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Huyện Châu Thành",
        "Phòng Văn hóa và Thông tin",
        "Xã Hữu Định",
        "Xã Phú Túc",
        "Sở Thông tin và Truyền thông tỉnh Bến Tre",
      ]),
    );
    expect(before.items.find((u) => u.name === "Huyện Châu Thành")?.validTo).toBe("2025-06-30");
  });

  it("lets the merged commune's reporter see the communes it carries on from", async () => {
    const session = await loginAs(ctx.app, { username: "chauthanh.xa", password: PASSWORD });
    const me = ZSessionResponse.parse(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).json(),
    );
    const commune = me.user.grants[0].unitId;
    const lineage = ZUnitLineage.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/org/units/${commune}/lineage`,
          headers: session.headers,
        })
      ).json(),
    );
    expect(lineage.items.map((u) => u.name)).toEqual(expect.arrayContaining(["Xã Hữu Định", "Xã Phú Túc"]));
  });

  it("records the Sở Thông tin và Truyền thông merge into Sở Khoa học và Công nghệ", async () => {
    const [tttt] = await ctx.db
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.name, "Sở Thông tin và Truyền thông tỉnh Bến Tre"));
    expect(tttt.validTo).toBe("2025-02-28");
    const session = await loginAs(ctx.app, { username: DEMO_ADMIN, password: PASSWORD });
    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/org/units/${tttt.id}`, headers: session.headers })
    ).json();
    expect(detail.successors).toEqual([
      expect.objectContaining({ name: "Sở Khoa học và Công nghệ tỉnh Bến Tre", effectiveDate: "2025-03-01" }),
    ]);
  });
});
