import { type TExportJson, ZExportJson } from "@dtplan/contracts";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import {
  type OrgUnitRow,
  type PlanRow,
  type PlanTaskRow,
  planTasks,
  unitReportValues,
} from "../src/db/schema.ts";
import { toCsv } from "../src/modules/exports/tabular.ts";
import { buildReportingPlan, describeBothDatabases, type SignedIn, signInAs } from "./helpers.ts";

describeBothDatabases("exports: targets, indicator values and tasks as CSV, JSON and XLSX", (ctx) => {
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let targetKey: string;
  let district: OrgUnitRow;
  let communeA: OrgUnitRow;
  let communeB: OrgUnitRow;
  let officer: SignedIn;
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let viewer: SignedIn;
  let stranger: SignedIn;

  const get = (session: SignedIn, url: string) =>
    ctx.app.inject({ method: "GET", url, headers: session.headers });
  const json = async (session: SignedIn, url: string): Promise<TExportJson> => {
    const res = await get(session, url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    return ZExportJson.parse(res.json());
  };
  const workbook = async (session: SignedIn, url: string) => {
    const res = await get(session, url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets[0];
  };
  /** The header row's cells, in order. */
  const headerOf = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
  const columnOf = (ws: ExcelJS.Worksheet, row: number, header: string) =>
    headerOf(ws, row).indexOf(header) + 1;

  const tasksUrl = (query: string) => `/api/exports/tasks?planCode=${plan.code}&${query}`;
  const listUrl = (query: string) => `/api/plan-tasks?planCode=${plan.code}&limit=200&${query}`;
  const valuesUrl = (query = "") => `/api/plans/${plan.code}/exports/indicator-values?format=json&${query}`;

  beforeAll(async () => {
    const built = await buildReportingPlan(ctx.db);
    ({ plan, tasks, targetKey, district, communeA, communeB } = built);
    // A task text with a comma and quotes (CSV must quote it), dated deadlines.
    await ctx.db
      .update(planTasks)
      .set({ text: 'Số hóa hồ sơ "một cửa", cấp xã', deadlineDate: "2025-06-30" })
      .where(and(eq(planTasks.planId, plan.id), eq(planTasks.id, tasks[0].id)));
    await ctx.db
      .update(planTasks)
      .set({ deadlineDate: "2025-12-31" })
      .where(and(eq(planTasks.planId, plan.id), eq(planTasks.id, tasks[1].id)));
    officer = await signInAs(ctx, district, "focal_officer");
    reporterA = await signInAs(ctx, communeA, "unit_reporter");
    reporterB = await signInAs(ctx, communeB, "unit_reporter");
    viewer = await signInAs(ctx, built.province, "province_viewer");
    const other = await buildReportingPlan(ctx.db);
    stranger = await signInAs(ctx, other.province, "administrator");

    // Commune A submits 2025-Q1 (90 of 100 files online); commune B only drafts (10 of 20).
    const report = (unit: OrgUnitRow) => `/api/plans/${plan.code}/periods/2025-Q1/reports/${unit.id}`;
    const fill = async (session: SignedIn, unit: OrgUnitRow, numerator: number, denominator: number) => {
      const form = await get(session, report(unit));
      expect(form.statusCode, form.body).toBe(200);
      const saved = await ctx.app.inject({
        method: "PUT",
        url: report(unit),
        headers: session.headers,
        payload: {
          version: form.json().version,
          tasks: form.json().tasks.map((t: { key: string }) => ({ key: t.key, progress: 50 })),
          values: [{ targetKey, numerator, denominator, note: "Số liệu thử, có dấu phẩy" }],
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return saved.json().version as number;
    };
    const version = await fill(reporterA, communeA, 90, 100);
    const submitted = await ctx.app.inject({
      method: "POST",
      url: `${report(communeA)}/submit`,
      headers: reporterA.headers,
      payload: { version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    await fill(reporterB, communeB, 10, 20);
  });

  it("exports the plan's tasks as CSV with a byte-order mark, Vietnamese headers and quoted text", async () => {
    const res = await get(officer, tasksUrl("format=csv"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`filename="nhiem-vu-${plan.code}.csv"`);
    const body = res.rawPayload.toString("utf8");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "ID nhiệm vụ,Mã kế hoạch,Phiên bản,STT,Mã nhiệm vụ,Mã trụ cột,Trụ cột,Mục,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Thời hạn (theo kế hoạch),Tiến độ (%),Mã trạng thái,Trạng thái,Ngày hoàn thành",
    );
    expect(lines).toHaveLength(tasks.length + 2); // header, rows, the empty line after the last CRLF
    expect(body).toContain('"Số hóa hồ sơ ""một cửa"", cấp xã"');
    expect(body).toContain(`,${communeA.name},`);
    expect(body).toContain(",2025-06-30,");
  });

  it("gives the same tasks as GET /api/plan-tasks for the same filters, every row at once", async () => {
    for (const query of [
      "",
      `unitId=${communeA.id}`,
      "status=overdue",
      "deadlineFrom=2025-07-01",
      "pillar=digital_economy",
    ]) {
      const list = await get(officer, listUrl(query));
      expect(list.statusCode, list.body).toBe(200);
      const exported = await json(officer, tasksUrl(`format=json&${query}`));
      expect(
        exported.rows.map((r) => r.taskKey),
        query,
      ).toEqual(list.json().items.map((t: { key: string }) => t.key));
    }
    const one = await json(officer, tasksUrl(`format=json&unitId=${communeA.id}`));
    expect(one.plan).toEqual({ code: plan.code, title: plan.title, version: 1 });
    expect(one.filters).toEqual({ planCode: plan.code, unitId: communeA.id });
    expect(one.rows).toEqual([
      expect.objectContaining({
        taskId: tasks[0].id,
        planCode: plan.code,
        position: 1,
        pillar: "digital_government",
        pillarLabel: "Chính quyền số",
        text: 'Số hóa hồ sơ "một cửa", cấp xã',
        leadUnit: communeA.name,
        deadline: "2025-06-30",
        progress: 50, // the submitted report moved it
        status: "overdue",
        statusLabel: "Quá hạn",
      }),
    ]);
  });

  it("writes the tasks' workbook with a frozen header, percent and dd/mm/yyyy formats", async () => {
    const ws = await workbook(officer, tasksUrl("format=xlsx"));
    expect(ws.name).toBe("Nhiệm vụ");
    expect(ws.getCell("A1").value).toBe(`Nhiệm vụ — ${plan.title}`);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const deadline = columnOf(ws, 2, "Thời hạn");
    const progress = columnOf(ws, 2, "Tiến độ (%)");
    expect(ws.getCell(3, deadline).value).toEqual(new Date("2025-06-30T00:00:00Z"));
    expect(ws.getCell(3, deadline).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(3, progress).value).toBe(50);
    expect(ws.getCell(3, progress).numFmt).toBe('0.0"%"');
    expect(ws.rowCount).toBe(2 + tasks.length);
  });

  it("holds for a unit reporter exactly what their task list holds", async () => {
    const list = await get(reporterA, "/api/plan-tasks?limit=200");
    const exported = await json(reporterA, "/api/exports/tasks?format=json");
    expect(exported.rows.map((r) => r.taskId)).toEqual(list.json().items.map((t: { id: string }) => t.id));
    // A unit outside their reach is refused, as the list refuses it.
    expect((await get(reporterA, listUrl(`unitId=${communeB.id}`))).statusCode).toBe(403);
    expect((await get(reporterA, tasksUrl(`unitId=${communeB.id}`))).statusCode).toBe(403);
  });

  it("exports 'việc của tôi' as GET /api/my-work lists it, filtered by status and role", async () => {
    const work = (await get(reporterA, "/api/my-work")).json();
    const all = await json(reporterA, "/api/exports/my-tasks?format=json");
    const listed = [...work.overdue, ...work.dueSoon, ...work.inProgress, ...work.done].map(
      (x: { id: string }) => x.id,
    );
    expect(all.rows.map((r) => r.taskId)).toEqual([...new Set(listed)]);
    expect(all.rows.map((r) => r.taskId)).toEqual([tasks[0].id]);
    expect(all.rows[0]).toMatchObject({ role: "Chủ trì", statusLabel: "Quá hạn", deadline: "2025-06-30" });
    expect((await json(reporterA, "/api/exports/my-tasks?format=json&role=coordinator")).rows).toEqual([]);
    expect((await json(reporterA, "/api/exports/my-tasks?format=json&status=done")).rows).toEqual([]);
    const csv = await get(reporterA, "/api/exports/my-tasks?format=csv");
    expect(csv.headers["content-disposition"]).toContain('filename="viec-cua-toi.csv"');
    expect(csv.rawPayload.toString("utf8")).toMatch(
      /^\uFEFFID nhiệm vụ,Mã kế hoạch,Kế hoạch,Trụ cột,Nhiệm vụ,/,
    );
  });

  it("exports the targets of the plan in force with the latest rolled-up result and attainment", async () => {
    const detail = await get(officer, `/api/plans/${plan.code}`);
    const exported = await json(officer, `/api/plans/${plan.code}/exports/targets?format=json`);
    expect(exported.rows.map((r) => r.targetKey)).toEqual(
      detail.json().targets.map((t: { key: string }) => t.key),
    );
    // Only commune A's submitted 90/100 counts; commune B's draft does not.
    const ratio = exported.rows.find((r) => r.targetKey === targetKey);
    expect(ratio).toMatchObject({
      pillarLabel: "Chính quyền số",
      comparator: ">=",
      comparatorText: "Đạt tối thiểu",
      targetValue: 80,
      unit: "%",
      year: 2025,
      result: 90,
      numerator: 90,
      denominator: 100,
      reportingUnits: 1,
      attainment: "achieved",
      attainmentLabel: "Đạt",
    });
    expect(ratio?.indicatorName).toBe("Tỷ lệ hồ sơ trực tuyến toàn trình");
    const pillar = await json(
      officer,
      `/api/plans/${plan.code}/exports/targets?format=json&pillar=digital_economy`,
    );
    expect(pillar.rows.map((r) => r.pillar)).toEqual(["digital_economy"]);

    const csv = await get(reporterA, `/api/plans/${plan.code}/exports/targets?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toContain(`filename="chi-tieu-${plan.code}.csv"`);
    expect(csv.rawPayload.toString("utf8").split("\r\n")[0]).toBe(
      "\uFEFFSTT,Mã chỉ tiêu,Mã trụ cột,Trụ cột,Mục,Chỉ tiêu,Mã chỉ số,Chỉ số,So sánh,Yêu cầu,Giá trị mục tiêu,Đơn vị tính,Năm,Phạm vi,Kết quả tổng hợp,Tử số,Mẫu số,Số đơn vị báo cáo,Mã mức độ đạt,Mức độ đạt,Xu hướng",
    );

    const ws = await workbook(officer, `/api/plans/${plan.code}/exports/targets?format=xlsx&period=2025-Q1`);
    expect(ws.getCell("A1").value).toBe(`Chỉ tiêu — ${plan.title} — Quý I năm 2025`);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const result = columnOf(ws, 2, "Kết quả tổng hợp");
    const rowOf = (ws.getColumn(columnOf(ws, 2, "Mã chỉ tiêu")).values as unknown[]).indexOf(targetKey);
    expect(ws.getCell(rowOf, result).value).toBe(90);
    expect(ws.getCell(rowOf, result).numFmt).toBe("#,##0.##");
  });

  it("exports each unit's figures; drafts and returned reports only to reviewers", async () => {
    const all = await json(officer, valuesUrl());
    expect(Object.fromEntries(all.rows.map((r) => [r.unitId, r.reportStatus]))).toEqual({
      [communeA.id]: "submitted",
      [communeB.id]: "draft",
    });
    const a = all.rows.find((r) => r.unitId === communeA.id);
    expect(a).toMatchObject({
      periodKey: "2025-Q1",
      periodLabel: "Quý I năm 2025",
      unitName: communeA.name,
      indicatorName: "Tỷ lệ hồ sơ trực tuyến toàn trình",
      targetKey,
      targetValue: 80,
      numerator: 90,
      denominator: 100,
      value: 90,
      reportStatusLabel: "Đã nộp, chờ duyệt",
      evidenceCount: 0,
    });
    expect(a?.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A reader who may not review: commune B's draft is not there.
    for (const session of [viewer, reporterA]) {
      const rows = (await json(session, valuesUrl())).rows;
      expect(rows.map((r) => r.unitId)).toEqual([communeA.id]);
    }
    // A unit reporter sees only their own unit, and nothing while their report is a draft.
    expect((await json(reporterB, valuesUrl())).rows).toEqual([]);

    expect((await json(officer, valuesUrl(`unitId=${communeB.id}`))).rows.map((r) => r.unitId)).toEqual([
      communeB.id,
    ]);
    expect((await json(officer, valuesUrl(`unitId=${district.id}`))).rows).toHaveLength(2);
    expect((await json(officer, valuesUrl("period=2025-Q2"))).rows).toEqual([]);
    expect((await json(officer, valuesUrl("indicator=KHONG-CO"))).rows).toEqual([]);
    expect((await json(officer, valuesUrl(`indicator=${a?.indicatorCode}`))).rows).toHaveLength(2);

    // Commune B submits, then is returned: out of sight again for readers, there for the officer.
    const reportB = `/api/plans/${plan.code}/periods/2025-Q1/reports/${communeB.id}`;
    const act = async (session: SignedIn, action: string, payload: object) => {
      const version = (await get(session, reportB)).json().version;
      const res = await ctx.app.inject({
        method: "POST",
        url: `${reportB}/${action}`,
        headers: session.headers,
        payload: { version, ...payload },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act(reporterB, "submit", {});
    expect((await json(viewer, valuesUrl())).rows).toHaveLength(2);
    await act(officer, "return", { comment: "Kiểm tra lại mẫu số" });
    expect((await json(viewer, valuesUrl())).rows.map((r) => r.unitId)).toEqual([communeA.id]);
    const returned = (await json(officer, valuesUrl(`unitId=${communeB.id}`))).rows;
    expect(returned.map((r) => r.reportStatusLabel)).toEqual(["Bị trả lại"]);
  });

  it("writes the indicator values as CSV and XLSX", async () => {
    const csv = await get(viewer, `/api/plans/${plan.code}/exports/indicator-values?period=2025-Q1`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-disposition"]).toContain(
      `filename="so-lieu-chi-so-${plan.code}-2025-Q1.csv"`,
    );
    const lines = csv.rawPayload.toString("utf8").split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFFMã kỳ,Kỳ báo cáo,Mốc số liệu,Mã đơn vị,Đơn vị,Mã chỉ số,Chỉ số,/);
    expect(lines[1]).toContain("Quý I năm 2025,2025-03-14,");
    expect(lines[1]).toContain(',90,100,90,"Số liệu thử, có dấu phẩy",submitted,"Đã nộp, chờ duyệt",');

    const ws = await workbook(officer, valuesUrl().replace("format=json", "format=xlsx"));
    expect(ws.name).toBe("Số liệu chỉ số");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.rowCount).toBe(4);
    const periodEnd = columnOf(ws, 2, "Mốc số liệu");
    expect(ws.getCell(3, periodEnd).value).toEqual(new Date("2025-03-14T00:00:00Z"));
    expect(ws.getCell(3, periodEnd).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(3, columnOf(ws, 2, "Giá trị")).numFmt).toBe("#,##0.##");
  });

  it("writes the indicator values' CSV in the database byte for byte as Node writes the table's rows", async () => {
    // Text to quote, numbers JavaScript writes with an exponent or rounds, a target beyond 1e21.
    await ctx.db
      .update(unitReportValues)
      .set({
        numerator: 1,
        denominator: 3,
        value: 33.333333333333336,
        note: 'Ghi chú "trích dẫn", có dấu phẩy\ndòng hai',
      })
      .where(and(eq(unitReportValues.tenantId, plan.tenantId), eq(unitReportValues.targetKey, targetKey)));
    await ctx.db.execute(
      sql`UPDATE unit_report_values SET numerator = 123456789012345678, denominator = 1e22, value = 0.00000012345
           WHERE tenant_id = ${plan.tenantId} AND target_key = ${targetKey}
             AND report_id IN (SELECT id FROM unit_reports WHERE tenant_id = ${plan.tenantId} AND unit_id = ${communeB.id})`,
    );
    await ctx.db.execute(
      sql`UPDATE plan_targets SET value = 1e21 WHERE tenant_id = ${plan.tenantId} AND plan_id = ${plan.id} AND key = ${targetKey}`,
    );
    const indicator = (await json(officer, valuesUrl())).rows[0]?.indicatorCode;
    const queries = [
      "",
      "period=2025-Q1",
      "period=2025-Q2",
      `unitId=${district.id}`,
      `unitId=${communeB.id}`,
      "pillar=digital_government",
      "pillar=digital_economy",
      `indicator=${indicator}`,
    ];
    let lines = 0;
    // Every filter for a reviewer; for the others, what changes which figures they read.
    const asked: [SignedIn, string[]][] = [
      [officer, queries],
      [viewer, ["", `unitId=${district.id}`, "pillar=digital_government"]],
      [reporterA, ["", "period=2025-Q1"]],
      [reporterB, [""]],
    ];
    for (const [session, some] of asked) {
      for (const query of some) {
        const csv = await get(session, valuesUrl(query).replace("format=json", "format=csv"));
        expect(csv.statusCode, csv.body).toBe(200);
        // The JSON rows are the table's rows, column by column: written by toCsv as Node would.
        const rows = (await json(session, valuesUrl(query))).rows;
        const keys = Object.keys(rows[0] ?? {});
        const expected = toCsv({
          name: "",
          columns: keys.map((key) => ({ key, header: key, value: (r: (typeof rows)[number]) => r[key] })),
          rows,
        });
        const body = csv.rawPayload.toString("utf8").split("\r\n").slice(1);
        expect(body, query).toEqual(expected.split("\r\n").slice(1));
        lines += body.length - 1;
      }
    }
    expect(lines).toBeGreaterThan(10);
    const all = (await get(officer, valuesUrl().replace("format=json", "format=csv"))).rawPayload.toString(
      "utf8",
    );
    expect(all).toContain(',1e+21,%,1,3,33.333333333333336,"Ghi chú ""trích dẫn"", có dấu phẩy\ndòng hai",');
    expect(all).toContain(",1e+21,%,123456789012345680,1e+22,1.2345e-7,");
  });

  it("refuses another province and says in Vietnamese what is wrong with a bad format", async () => {
    expect((await get(stranger, `/api/plans/${plan.code}/exports/targets`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/plans/${plan.code}/exports/indicator-values`)).statusCode).toBe(404);
    expect((await json(stranger, tasksUrl("format=json"))).rows).toEqual([]);
    const anonymous = await ctx.app.inject({ method: "GET", url: tasksUrl("format=csv") });
    expect(anonymous.statusCode).toBe(401);

    for (const url of [
      tasksUrl("format=pdf"),
      `/api/plans/${plan.code}/exports/targets?format=docx`,
      `/api/plans/${plan.code}/exports/indicator-values?format=`,
    ]) {
      const bad = await get(officer, url);
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().error.code).toBe("validation_failed");
      expect(bad.json().error.details).toEqual([
        { path: "querystring.format", message: "Định dạng xuất phải là csv, json hoặc xlsx" },
      ]);
    }
    const badPeriod = await get(officer, `/api/plans/${plan.code}/exports/targets?period=2031-Q9`);
    expect(badPeriod.statusCode).toBe(404);
    expect(badPeriod.json().error.message).toBe("Không tìm thấy kỳ báo cáo.");
  });
});
