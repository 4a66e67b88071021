import { type TProvinceView, ZProvinceView } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { type OrgUnitRow, planTasks } from "../src/db/schema.ts";
import {
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
    expect(district?.plans).toEqual([
      { code: setup.plan.code, title: setup.plan.title, years: "2025", period: null },
    ]);
    expect(district?.tasks).toEqual({ total: 2, done: 1, overdue: 1, averageProgress: 70 });
    expect(district?.targets).toMatchObject({ total: 2, noData: 1, qualitative: 1, achievedPercent: null });
    // Every 2025 quarter is past due and nobody reported: two units, four quarters.
    expect(district?.reporting).toEqual({ expected: 8, onTime: 0, late: 0, missing: 8, onTimePercent: 0 });
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
});
