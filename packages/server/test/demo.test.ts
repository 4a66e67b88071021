import {
  ZOrgUnitList,
  ZPeriodStatus,
  ZPlanAttainment,
  ZPlanCascade,
  ZPlanDetail,
  ZPlanList,
  ZPlanPeriods,
  ZPlanTaskList,
  ZSessionResponse,
  ZUnitLineage,
} from "@dtplan/contracts";
import { count, eq } from "drizzle-orm";
import { beforeAll, expect, inject, it } from "vitest";
import {
  evidenceFiles,
  notifications,
  orgUnits,
  outbox,
  plans,
  reportEvents,
  unitReportValues,
  users,
} from "../src/db/schema.ts";
import { DEMO_ADMIN, demoAccounts, seedDemo } from "../src/modules/demo/seed.ts";
import { DEMO_PASSWORD, demoSeedResult } from "./demo-snapshot.ts";
import { describeBothDatabases, loginAs } from "./helpers.ts";
import { expectStoredFiguresMatch } from "./stored-figures.ts";

// Every case below reads a copy of the demo seeded once per run on each database (the
// same seed: demo-snapshot.ts, by `dtplan serve --demo`'s start-up on PGlite and by
// seedDemo on PostgreSQL): the accounts and units, then the plans, reports and evidence
// files it loads. A seed is the suite's longest step; this file used to make two more.
describeBothDatabases(
  "demo data",
  (ctx) => {
    beforeAll(() => {
      // The seed found an empty database and loaded the demo whole.
      expect(demoSeedResult(ctx.kind, inject("demoRoot")).created).toBe(true);
    });

    it("loads three provinces, each a tenant, and is idempotent", async () => {
      const roots = await ctx.db.select().from(orgUnits).where(eq(orgUnits.kind, "province"));
      const tenants = roots.filter((r) => r.parentId === null).map((r) => r.name);
      expect(tenants.sort()).toEqual(["Tỉnh Quảng Ngãi", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp"].sort());
      const [{ n }] = await ctx.db.select({ n: count() }).from(orgUnits);
      const again = await seedDemo(ctx.db, { password: DEMO_PASSWORD });
      expect(again.created).toBe(false);
      const [{ n: after }] = await ctx.db.select({ n: count() }).from(orgUnits);
      expect(after).toBe(n);
    });

    it("tells nobody of its replayed history: at most its last return waits, unread", async () => {
      const notes = await ctx.db.select().from(notifications);
      expect(notes.length).toBeLessThanOrEqual(3);
      for (const note of notes) expect([note.kind, note.readAt]).toEqual(["report.returned", null]);
      const [{ n: mails }] = await ctx.db.select({ n: count() }).from(outbox);
      expect(mails).toBeLessThanOrEqual(notes.length);
    });

    it("signs every demo account in with the demo password; admin is a superadministrator of all three", async () => {
      const accounts = demoAccounts();
      expect(accounts.length).toBe(16);
      const [admin] = await ctx.db.select().from(users).where(eq(users.username, DEMO_ADMIN));
      expect(admin.isSuperadmin).toBe(true);
      const session = await loginAs(ctx.app, { username: DEMO_ADMIN, password: DEMO_PASSWORD });
      const me = ZSessionResponse.parse(
        (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).json(),
      );
      expect(me.user.grants.filter((g) => g.role === "administrator")).toHaveLength(3);
      for (const account of accounts.slice(1, 4))
        await loginAs(ctx.app, { username: account.username, password: DEMO_PASSWORD });
    });

    it("keeps the districts as history closed on 30/6/2025 with the offices the plans name", async () => {
      const session = await loginAs(ctx.app, { username: "vinhlong.tinh", password: DEMO_PASSWORD });
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
      const session = await loginAs(ctx.app, { username: "longho.baocao", password: DEMO_PASSWORD });
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
      expect(lineage.items.map((u) => u.name)).toEqual(
        expect.arrayContaining(["Thị trấn Long Hồ", "Xã Long An", "Xã Long Phước"]),
      );
    });

    it("has today's Vĩnh Long: its departments and at least 20 communes and wards, each formed from its predecessors", async () => {
      const session = await loginAs(ctx.app, { username: "vinhlong.daumoi", password: DEMO_PASSWORD });
      const today = ZOrgUnitList.parse(
        (await ctx.app.inject({ method: "GET", url: "/api/org/units", headers: session.headers })).json(),
      ).items;
      const names = today.map((u) => u.name);
      expect(names).toEqual(
        expect.arrayContaining([
          "Sở Khoa học và Công nghệ tỉnh Vĩnh Long",
          "Sở Nội vụ tỉnh Vĩnh Long",
          "Sở Tài chính tỉnh Vĩnh Long",
          "Văn phòng Ủy ban nhân dân tỉnh Vĩnh Long",
          "Công an tỉnh Vĩnh Long",
          "Xã Long Hồ",
          "Phường Trà Vinh",
        ]),
      );
      expect(names.some((n) => /^Huyện |^Thị trấn |\(trước 1\/7\/2025\)/.test(n))).toBe(false);
      const locals = today.filter((u) => u.kind === "commune" || u.kind === "ward");
      expect(locals.length).toBeGreaterThanOrEqual(20);
      const longHo = today.find((u) => u.name === "Xã Long Hồ");
      const lineage = ZUnitLineage.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: `/api/org/units/${longHo?.id}/lineage`,
            headers: session.headers,
          })
        ).json(),
      );
      expect(lineage.items.map((u) => u.name)).toEqual(
        expect.arrayContaining(["Thị trấn Long Hồ", "Xã Long An", "Xã Long Phước"]),
      );
    });

    it("grants every demo account on a unit in force today", async () => {
      for (const { username } of demoAccounts()) {
        const session = await loginAs(ctx.app, { username, password: DEMO_PASSWORD });
        const me = ZSessionResponse.parse(
          (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).json(),
        );
        for (const grant of me.user.grants) {
          const [unit] = await ctx.db.select().from(orgUnits).where(eq(orgUnits.id, grant.unitId));
          expect(unit.validTo, `${username} → ${unit.name}`).toBeNull();
        }
      }
    });

    it("records the Sở Thông tin và Truyền thông merge into Sở Khoa học và Công nghệ", async () => {
      const [tttt] = await ctx.db
        .select()
        .from(orgUnits)
        .where(eq(orgUnits.name, "Sở Thông tin và Truyền thông tỉnh Bến Tre"));
      expect(tttt.validTo).toBe("2025-02-28");
      const session = await loginAs(ctx.app, { username: DEMO_ADMIN, password: DEMO_PASSWORD });
      const detail = (
        await ctx.app.inject({ method: "GET", url: `/api/org/units/${tttt.id}`, headers: session.headers })
      ).json();
      expect(detail.successors).toEqual([
        expect.objectContaining({
          name: "Sở Khoa học và Công nghệ tỉnh Bến Tre",
          effectiveDate: "2025-03-01",
        }),
      ]);
    });

    // The plans, reports and figures the same seed loaded.

    it("reads each plan's figures from the summary tables exactly as the reports roll up on request", async () => {
      expect(await expectStoredFiguresMatch(ctx.db, ctx.config.attainment.nearThreshold)).toBeGreaterThan(20);
    });

    it("imports and publishes the three dev plans under their districts and today's province and commune plans for 2026, every task with a lead", async () => {
      const admin = await loginAs(ctx.app, { username: DEMO_ADMIN, password: DEMO_PASSWORD });
      const list = ZPlanList.parse(
        (await ctx.app.inject({ method: "GET", url: "/api/plans", headers: admin.headers })).json(),
      );
      expect(list.items.map((p) => [p.code, p.status, p.version, p.unit.name]).sort()).toEqual([
        ["ba-to-2023", "published", 1, "Huyện Ba Tơ"],
        ["chau-thanh-2025", "published", 1, "Huyện Châu Thành"],
        ["long-ho-2026", "published", 1, "Xã Long Hồ"],
        ["thap-muoi-2024", "published", 1, "Huyện Tháp Mười"],
        ["tra-vinh-2026", "published", 1, "Phường Trà Vinh"],
        ["vinh-long-2026", "published", 1, "Tỉnh Vĩnh Long"],
      ]);
      const detail = ZPlanDetail.parse(
        (
          await ctx.app.inject({ method: "GET", url: "/api/plans/chau-thanh-2025", headers: admin.headers })
        ).json(),
      );
      expect(detail.targets.length).toBeGreaterThanOrEqual(20);
      expect(detail.tasks.length).toBeGreaterThanOrEqual(15);
      expect(detail.tasks.every((t) => t.lead !== null)).toBe(true);
      expect(detail.budget?.total).toBe(1552020000);
    });

    it("reads the province's 2026 plan from its Word file: targets by year, the appendix's tasks with their departments and partners", async () => {
      const admin = await loginAs(ctx.app, { username: DEMO_ADMIN, password: DEMO_PASSWORD });
      const detail = ZPlanDetail.parse(
        (
          await ctx.app.inject({ method: "GET", url: "/api/plans/vinh-long-2026", headers: admin.headers })
        ).json(),
      );
      expect(detail).toMatchObject({ documentNumber: "285/KH-UBND", unit: { name: "Tỉnh Vĩnh Long" } });
      expect(detail.targets).toHaveLength(10);
      expect(detail.targets.find((t) => /trực tuyến toàn trình/.test(t.text))).toMatchObject({
        value: 70,
        comparator: ">=",
        year: 2026,
      });
      expect(detail.tasks.every((t) => t.lead.unit !== null)).toBe(true);
      const leads = new Set(detail.tasks.map((t) => t.lead.unit?.name));
      for (const name of [
        "Sở Nội vụ tỉnh Vĩnh Long",
        "Sở Tài chính tỉnh Vĩnh Long",
        "Văn phòng Ủy ban nhân dân tỉnh Vĩnh Long",
        "Công an tỉnh Vĩnh Long",
        "VNPT Vĩnh Long (doanh nghiệp viễn thông)",
        "Bưu điện tỉnh Vĩnh Long (bưu chính công cộng)",
      ])
        expect(leads).toContain(name);
      // The appendix's 16 rows, each read from its table cell, and the body's two solutions.
      expect(detail.tasks).toHaveLength(18);
      expect(detail.budget?.total).toBe(48_600_000_000);
      // The communes' plans implement the province's (their legal basis names it).
      for (const code of ["long-ho-2026", "tra-vinh-2026"]) {
        const commune = ZPlanDetail.parse(
          (await ctx.app.inject({ method: "GET", url: `/api/plans/${code}`, headers: admin.headers })).json(),
        );
        expect(commune.implementsPlan?.code).toBe("vinh-long-2026");
      }
      // Confirmed in review with their corresponding targets: the province plan shows the cascade with figures.
      const cascade = ZPlanCascade.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/plans/vinh-long-2026/cascade",
            headers: admin.headers,
          })
        ).json(),
      );
      expect(cascade.implementers.map((p) => [p.code, p.confirmed]).sort()).toEqual([
        ["long-ho-2026", true],
        ["tra-vinh-2026", true],
      ]);
      expect(cascade.targets.some((t) => t.rollUp.value !== null && t.rollUp.from === 2)).toBe(true);
    });

    it("shows a department's reporter its tasks, and re-seeding adds no plan", async () => {
      const session = await loginAs(ctx.app, { username: "vinhlong.sonv", password: DEMO_PASSWORD });
      const me = ZSessionResponse.parse(
        (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers })).json(),
      );
      const unitId = me.user.grants[0].unitId;
      const tasks = ZPlanTaskList.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: `/api/plan-tasks?unitId=${unitId}`,
            headers: session.headers,
          })
        ).json(),
      );
      expect(tasks.total).toBeGreaterThan(0);
      await seedDemo(ctx.db, { password: DEMO_PASSWORD });
      const [{ n }] = await ctx.db.select({ n: count() }).from(plans);
      expect(n).toBe(6);
    });

    it("has the Châu Thành plan's first two quarters reported with marked demo figures", async () => {
      const session = await loginAs(ctx.app, { username: "vinhlong.daumoi", password: DEMO_PASSWORD });
      const periods = ZPlanPeriods.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/plans/chau-thanh-2025/periods",
            headers: session.headers,
          })
        ).json(),
      ).periods;
      const q1 = periods.find((p) => p.key === "2025-Q1");
      const q2 = periods.find((p) => p.key === "2025-Q2");
      expect(q1?.counts.expected).toBeGreaterThan(1);
      expect(q1?.counts).toMatchObject({ late: 1, missing: 0, approved: q1?.counts.expected });
      expect(q2?.counts.submitted).toBeGreaterThan(0);
      expect(q2?.counts.approved).toBeGreaterThan(0);
      const actions = (await ctx.db.select({ action: reportEvents.action }).from(reportEvents)).map(
        (e) => e.action,
      );
      expect(actions).toContain("returned");
      const values = await ctx.db.select().from(unitReportValues).limit(5);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        expect(v.note).toBe("Số liệu mẫu (demo)");
        // Each unit's figures carry its demo evidence file, readable from the dashboard.
        expect(v.evidenceFileIds).toHaveLength(1);
      }
      const [file] = await ctx.db
        .select()
        .from(evidenceFiles)
        .where(eq(evidenceFiles.id, values[0].evidenceFileIds[0]));
      expect(file).toMatchObject({ contentType: "application/pdf" });
      expect(file.originalName).toMatch(/dữ liệu mẫu\)\.pdf$/);
      const attainment = ZPlanAttainment.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/plans/chau-thanh-2025/attainment?period=2025-Q2",
            headers: session.headers,
          })
        ).json(),
      );
      expect(attainment.targets.some((t) => t.value !== null && t.series.length === 2)).toBe(true);
    });

    it("has the province's 2026 plan reported for three quarters: late, returned, missing, partners without an account", async () => {
      const officer = await loginAs(ctx.app, { username: "vinhlong.daumoi", password: DEMO_PASSWORD });
      const periods = ZPlanPeriods.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/plans/vinh-long-2026/periods",
            headers: officer.headers,
          })
        ).json(),
      ).periods;
      const counts = (key: string) => periods.find((p) => p.key === key)?.counts;
      const q1 = counts("2026-Q1");
      expect(q1?.expected).toBeGreaterThanOrEqual(12);
      expect(q1).toMatchObject({ late: 1, missing: 0, approved: q1?.expected });
      expect(counts("2026-Q2")?.approved).toBeGreaterThan(0);
      expect(counts("2026-Q2")?.submitted).toBeGreaterThan(0);
      expect(counts("2026-Q3")).toMatchObject({ missing: 1, returned: 1 });
      expect(counts("2026-Q4")).toMatchObject({ submitted: 0, approved: 0 });
      // Bưu điện, VNPT and Viettel have no account: the focal officer entered theirs (nhập thay).
      const q1Status = (
        await ctx.app.inject({
          method: "GET",
          url: "/api/plans/vinh-long-2026/periods/2026-Q1/status",
          headers: officer.headers,
        })
      ).json();
      const status = ZPeriodStatus.parse(q1Status);
      const row = (name: string) => status.units.find((u) => u.unit.name.startsWith(name));
      for (const partner of ["Bưu điện tỉnh Vĩnh Long", "VNPT Vĩnh Long", "Viettel Vĩnh Long"])
        expect(row(partner), partner).toMatchObject({ noAccount: true, onBehalf: true, status: "approved" });
      // Sở Nội vụ has its own reporter: it reported itself.
      expect(row("Sở Nội vụ")).toMatchObject({ noAccount: false, onBehalf: false });
    });

    it("has the communes' 2026 plans reported by the commune and its partners, the leader approving", async () => {
      const leader = await loginAs(ctx.app, { username: "longho.lanhdao", password: DEMO_PASSWORD });
      const periods = ZPlanPeriods.parse(
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/plans/long-ho-2026/periods",
            headers: leader.headers,
          })
        ).json(),
      ).periods;
      const counts = (key: string) => periods.find((p) => p.key === key)?.counts;
      expect(counts("2026-Q1")).toMatchObject({ expected: 3, approved: 3, late: 1 });
      expect(counts("2026-Q2")).toMatchObject({ expected: 3, approved: 2, submitted: 1 });
      expect(counts("2026-Q3")).toMatchObject({ expected: 3, submitted: 1, returned: 1, missing: 1 });
    });
  },
  { demo: true },
);
