import { type TProvinceView, ZProvinceView } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { type OrgUnitRow, planTasks } from "../src/db/schema.ts";
import {
  buildPublishedPlan,
  buildReportingPlan,
  buildTenant,
  buildUnit,
  buildUser,
  describeBothDatabases,
  isoDaysFromToday,
  loginAs,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("province view: every locality side by side", (ctx) => {
  let setup: Awaited<ReturnType<typeof buildReportingPlan>>;
  let ward: OrgUnitRow;
  let closedCommune: OrgUnitRow;
  let viewer: SignedIn;
  let districtLeader: SignedIn;
  let otherViewer: SignedIn;
  let superadmin: SignedIn;
  let otherProvince: OrgUnitRow;

  const get = (session: SignedIn, url: string) =>
    ctx.app.inject({ method: "GET", url, headers: session.headers });

  beforeAll(async () => {
    setup = await buildReportingPlan(ctx.db);
    ward = await buildUnit(ctx.db, { parent: setup.province, kind: "ward", name: "Phường Mới" });
    closedCommune = await buildUnit(ctx.db, {
      parent: setup.district,
      kind: "commune",
      name: "Xã Đã Sáp Nhập",
      validTo: "2025-06-30",
    });
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: isoDaysFromToday(-3), progress: 40 })
      .where(and(eq(planTasks.tenantId, setup.tasks[0].tenantId), eq(planTasks.id, setup.tasks[0].id)));
    await ctx.db
      .update(planTasks)
      .set({ progress: 100, completedAt: isoDaysFromToday(-1) })
      .where(and(eq(planTasks.tenantId, setup.tasks[1].tenantId), eq(planTasks.id, setup.tasks[1].id)));
    viewer = await signInAs(ctx, setup.province, "province_viewer");
    districtLeader = await signInAs(ctx, setup.district, "leader");
    otherProvince = (await buildTenant(ctx.db)).province;
    otherViewer = await signInAs(ctx, otherProvince, "province_viewer");
    superadmin = await loginAs(
      ctx.app,
      await buildUser(ctx.db, {
        isSuperadmin: true,
        grants: [
          { unit: otherProvince, role: "administrator" },
          { unit: setup.province, role: "administrator" },
        ],
      }),
    );
  });

  const view = async (session: SignedIn, query = "") => {
    const res = await get(session, `/api/province${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return ZProvinceView.parse(res.json()) as TProvinceView;
  };

  it("lists the district's plan with its figures and the communes and wards without a plan", async () => {
    const v = await view(viewer);
    expect(v.province).toEqual({ id: setup.province.id, name: setup.province.name });
    const byId = new Map(v.localities.map((l) => [l.unit.id, l]));
    const district = byId.get(setup.district.id);
    // One plan, every 2025 quarter past due: the province compares the latest one.
    expect(v.period).toEqual({ key: "2025-Q4", label: "Quý IV năm 2025" });
    expect(district?.plans).toEqual([
      { code: setup.plan.code, title: setup.plan.title, years: "2025", period: v.period, notStarted: false },
    ]);
    expect(district?.tasks).toEqual({ total: 2, done: 1, overdue: 1, averageProgress: 70 });
    expect(district?.targets).toMatchObject({ total: 2, noData: 1, qualitative: 1, achievedPercent: null });
    // Nobody reported the fourth quarter: two units expected, both missing.
    expect(district?.reporting).toEqual({ expected: 2, onTime: 0, late: 0, missing: 2, onTimePercent: 0 });
    for (const unit of [setup.communeA, setup.communeB, ward]) {
      expect(byId.get(unit.id), unit.name).toMatchObject({
        plans: [],
        targets: { total: 0, achievedPercent: null },
        tasks: { total: 0, averageProgress: null },
      });
    }
    expect(byId.get(ward.id)?.unit).toMatchObject({ kind: "ward", kindLabel: "Phường", closed: false });
    // A commune closed by the reorganisation is no longer a locality; nor is the province itself.
    expect(byId.has(closedCommune.id)).toBe(false);
    expect(byId.has(setup.province.id)).toBe(false);
    // Localities with a plan come first.
    expect(v.localities[0].unit.id).toBe(setup.district.id);
  });

  it("refuses another province, a district leader, and lets a superadmin pick the province", async () => {
    expect((await get(otherViewer, `/api/province?tenantId=${setup.province.id}`)).statusCode).toBe(403);
    expect((await get(otherViewer, `/api/province/export?tenantId=${setup.province.id}`)).statusCode).toBe(
      403,
    );
    expect((await get(districtLeader, "/api/province")).statusCode).toBe(403);
    const own = await view(otherViewer);
    expect(own.province.id).toBe(otherProvince.id);
    expect(own.localities.some((l) => l.unit.id === setup.district.id)).toBe(false);

    const picked = await view(superadmin, `?tenantId=${setup.province.id}`);
    expect(picked.province.id).toBe(setup.province.id);
    expect(picked.provinces.map((p) => p.id).sort()).toEqual([setup.province.id, otherProvince.id].sort());
  });

  it("exports the same rows as CSV with a byte-order mark and as XLSX", async () => {
    const v = await view(viewer);
    const csv = await get(viewer, "/api/province/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trimEnd().split("\r\n");
    expect(lines[0].split(",").slice(0, 5)).toEqual([
      "Địa phương",
      "Loại đơn vị",
      "Kế hoạch",
      "Kỳ số liệu",
      "Số chỉ tiêu",
    ]);
    expect(lines).toHaveLength(v.localities.length + 1);
    expect(lines[1].startsWith(setup.district.name)).toBe(true);
    expect(csv.body).toContain("Chưa có kế hoạch");

    const xlsx = await get(viewer, "/api/province/export?format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Toàn tỉnh");
    expect(String(ws.getCell(1, 1).value)).toContain(setup.province.name);
    expect(ws.getRow(2).getCell(1).value).toBe("Địa phương");
    expect(ws.getRow(2).getCell(13).value).toBe("Hoàn thành");
    expect(ws.rowCount).toBe(v.localities.length + 2);
    expect(ws.getRow(3).getCell(1).value).toBe(setup.district.name);
    expect(ws.getRow(3).getCell(12).value).toBe(2);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });

    const json = await get(viewer, "/api/province/export?format=json");
    expect(json.json().rows[0]).toMatchObject({ locality: setup.district.name, tasks: 2, tasksOverdue: 1 });
    const bad = await get(viewer, "/api/province/export?format=pdf");
    expect(bad.statusCode).toBe(400);
  });

  it("compares one period across localities, hides closed units and plans not yet started, counts overdue of units in force", async () => {
    const { planReportingRules, plans: planTable } = await import("../src/db/schema.ts");
    const { writePlanPeriods } = await import("../src/modules/plans/plan-periods.ts");
    const { QUARTERLY_RULE } = await import("./helpers.ts");
    const year = Number(isoDaysFromToday(0).slice(0, 4));
    const tenant = await buildTenant(ctx.db);
    const closedDistrict = await buildUnit(ctx.db, {
      parent: tenant.province,
      kind: "district",
      name: "Huyện Đã Giải Thể",
      validTo: `${year - 1}-06-30`,
    });
    const office = await buildUnit(ctx.db, {
      parent: closedDistrict,
      kind: "department",
      validTo: `${year - 1}-06-30`,
    });
    const commune = await buildUnit(ctx.db, { parent: tenant.province, kind: "commune", name: "Xã Hôm Nay" });
    const later = await buildUnit(ctx.db, { parent: tenant.province, kind: "commune", name: "Xã Năm Sau" });
    const planOf = async (unit: OrgUnitRow, y: number, lead: OrgUnitRow) => {
      const { plan } = await buildPublishedPlan(ctx.db, unit, {
        tasks: [{ leadUnitId: lead.id, deadlineDate: `${y}-03-31` }],
      });
      const [row] = await ctx.db
        .update(planTable)
        .set({ periodStart: y, periodEnd: y })
        .where(and(eq(planTable.tenantId, plan.tenantId), eq(planTable.id, plan.id)))
        .returning();
      await ctx.db
        .insert(planReportingRules)
        .values({ tenantId: row.tenantId, planId: row.id, ...QUARTERLY_RULE });
      await writePlanPeriods(ctx.db, row);
      return row;
    };
    await planOf(closedDistrict, year - 1, office);
    await planOf(commune, year, commune);
    await planOf(later, year + 1, later);
    const session = await signInAs(ctx, tenant.province, "province_viewer");

    const lastYear = await view(session, `?period=${year - 1}-Q2`);
    expect(lastYear.period?.key).toBe(`${year - 1}-Q2`);
    // The dissolved district and next year's plan are left out by default, and counted.
    expect(lastYear.hidden).toEqual({ closedUnits: 1, notStartedPlans: 1 });
    expect(lastYear.localities.some((l) => l.unit.id === closedDistrict.id)).toBe(false);
    const today = lastYear.localities.find((l) => l.unit.id === commune.id);
    // The commune's plan has no quarter of last year: nothing of another year is compared.
    expect(today?.plans[0].period).toBeNull();
    expect(today?.reporting.expected).toBe(0);
    expect(lastYear.localities.find((l) => l.unit.id === later.id)?.plans).toEqual([]);

    const all = await view(session, `?period=${year - 1}-Q2&showAll=true`);
    expect(all.hidden).toEqual({ closedUnits: 0, notStartedPlans: 0 });
    const district = all.localities.find((l) => l.unit.id === closedDistrict.id);
    expect(district?.unit.closed).toBe(true);
    expect(district?.plans[0].period?.key).toBe(`${year - 1}-Q2`);
    // Its task is long past its deadline, but its lead office no longer exists.
    expect(district?.tasks).toMatchObject({ total: 1, overdue: 0 });
    expect(all.localities.find((l) => l.unit.id === later.id)?.plans[0].notStarted).toBe(true);

    const thisYear = await view(session, `?period=${year}-Q1`);
    expect(thisYear.localities.find((l) => l.unit.id === commune.id)?.plans[0].period?.key).toBe(
      `${year}-Q1`,
    );
    expect(thisYear.periods.map((p) => p.key)).toContain(`${year - 1}-Q4`);
    const unknown = await get(session, "/api/province?period=1999-Q1");
    expect(unknown.statusCode).toBe(400);
  });
});
