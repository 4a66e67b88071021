import { type TUnitReport, ZUnitReport } from "@dtplan/contracts";
import { makeZip } from "@dtplan/domain/extract/read/fixtures.ts";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { type OrgUnitRow, type PlanRow, type PlanTaskRow, unitReports } from "../src/db/schema.ts";
import { buildReportingPlan, describeBothDatabases, multipart, type SignedIn, signInAs } from "./helpers.ts";

describeBothDatabases("reporting: the unit's period form as Excel", (ctx) => {
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let communeA: OrgUnitRow;
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let targetKey: string;

  const xlsxUrl = () => `/api/plans/${plan.code}/periods/2025-Q3/reports/${communeA.id}/xlsx`;
  const download = async (session: SignedIn) => {
    const res = await ctx.app.inject({ method: "GET", url: xlsxUrl(), headers: session.headers });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const upload = async (session: SignedIn, bytes: Uint8Array, fileName = "bao-cao.xlsx") => {
    const body = multipart({}, { name: "file", fileName, bytes });
    return ctx.app.inject({
      method: "POST",
      url: xlsxUrl(),
      payload: body.payload,
      headers: { ...session.headers, ...body.headers },
    });
  };
  const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
  const report = async () =>
    ZUnitReport.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: xlsxUrl().replace(/\/xlsx$/, ""),
          headers: reporterA.headers,
        })
      ).json(),
    ) as TUnitReport;

  beforeAll(async () => {
    const fixture = await buildReportingPlan(ctx.db);
    ({ plan, tasks, communeA, targetKey } = fixture);
    reporterA = await signInAs(ctx, communeA, "unit_reporter");
    reporterB = await signInAs(ctx, fixture.communeB, "unit_reporter");
  });

  it("downloads a locked form with the unit's tasks and indicators and shaded input cells", async () => {
    const wb = await download(reporterA);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Nhiệm vụ",
      "Chỉ tiêu",
      "Khó khăn - Kiến nghị",
      "_dtplan",
    ]);
    const sheet = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    expect(sheet.getCell("B1").value).toBe("Nhiệm vụ");
    expect(sheet.getCell("B2").value).toBe(tasks[0].text);
    expect(sheet.getCell("C2").value).toBe("Chủ trì");
    expect(sheet.getCell("F2").value).toBe(tasks[0].key);
    expect(sheet.getCell("D2").protection?.locked).toBe(false);
    expect(sheet.getCell("B2").protection?.locked).not.toBe(false);
    expect(sheet.getCell("D2").dataValidation).toMatchObject({ type: "whole", formulae: [0, 100] });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const values = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
    expect(values.getCell("I2").value).toBe(targetKey);
    expect(String(values.getCell("D2").value)).toContain("Tổng số hồ sơ");
    expect(wb.getWorksheet("_dtplan")?.state).toBe("veryHidden");
  });

  it("takes a filled form back and saves every figure in one draft", async () => {
    const wb = await download(reporterA);
    const sheet = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    sheet.getCell("D2").value = 70;
    sheet.getCell("E2").value = "Đã triển khai tại 3 thôn";
    const values = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
    values.getCell("E2").value = 45;
    values.getCell("F2").value = "60";
    values.getCell("H2").value = "Số liệu từ Cổng dịch vụ công";
    (wb.getWorksheet("Khó khăn - Kiến nghị") as ExcelJS.Worksheet).getCell("B2").value = "Thiếu thiết bị";
    const res = await upload(reporterA, await bytesOf(wb));
    expect(res.statusCode, res.body).toBe(200);
    const saved = await report();
    expect(saved.tasks[0]).toMatchObject({ progress: 70, note: "Đã triển khai tại 3 thôn" });
    expect(saved.values[0]).toMatchObject({ numerator: 45, denominator: 60, value: 75 });
    expect(saved.difficulties).toBe("Thiếu thiết bị");
  });

  it("lists every bad cell by sheet, row and column and saves nothing", async () => {
    const before = await report();
    const wb = await download(reporterA);
    const sheet = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    sheet.getCell("D2").value = 120;
    sheet.getCell("E2").value = "Không được lưu";
    const values = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
    values.getCell("E2").value = 80;
    values.getCell("F2").value = 50;
    values.getCell("I3").value = "00000000-0000-4000-8000-000000000000";
    values.getCell("E3").value = "nhiều";
    const res = await upload(reporterA, await bytesOf(wb));
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as {
      sheet: string;
      row: number;
      column: string;
      message: string;
    }[];
    expect(details).toContainEqual(
      expect.objectContaining({
        sheet: "Nhiệm vụ",
        row: 2,
        column: "D",
        message: "Nhiệm vụ!D2: tiến độ phải từ 0 đến 100 (số nguyên)",
      }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({
        sheet: "Chỉ tiêu",
        row: 2,
        column: "E",
        message: "Chỉ tiêu!E2: tử số không được lớn hơn mẫu số",
      }),
    );
    expect(details).toContainEqual(expect.objectContaining({ sheet: "Chỉ tiêu", row: 3, column: "I" }));
    const after = await report();
    expect(after.version).toBe(before.version);
    expect(after.tasks[0].note).toBe(before.tasks[0].note);
  });

  it("refuses a form made from an older version, or another unit's report", async () => {
    const wb = await download(reporterA);
    const meta = wb.getWorksheet("_dtplan") as ExcelJS.Worksheet;
    meta.getCell("B4").value = 1;
    meta.getCell("B3").value = tasks[1].leadUnitId;
    const res = await upload(reporterA, await bytesOf(wb));
    expect(res.statusCode, res.body).toBe(400);
    const messages = (res.json().error.details as { message: string }[]).map((d) => d.message);
    expect(messages.some((m) => m.includes("đã được cập nhật sau khi tải"))).toBe(true);
    expect(messages.some((m) => m.includes("đơn vị khác"))).toBe(true);
  });

  it("refuses an .xlsx zip bomb before expanding it, saving nothing", async () => {
    const bomb = makeZip([
      { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(200 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(reporterA, bomb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain("zip bomb");
    expect(res.body).not.toMatch(/zip_bomb|xl\/worksheets/);
  });

  it("says in words what is wrong with a Word file sent as the Excel form, never a code or a part name", async () => {
    const docx = makeZip([{ name: "word/document.xml", data: new TextEncoder().encode("<document/>") }]);
    const res = await upload(reporterA, docx);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "body.file", message: "Tệp bị hỏng hoặc không phải tệp Excel hoàn chỉnh" },
    ]);
    expect(res.body).not.toMatch(/corrupt_file|xl\/workbook\.xml/);
  });

  it("refuses a file that is not .xlsx and a reporter of another unit", async () => {
    const res = await upload(reporterA, new TextEncoder().encode("STT,Nhiệm vụ\n1,abc"), "bao-cao.csv");
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain(".xlsx");
    const fake = await upload(reporterA, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]));
    expect(fake.statusCode).toBe(400);
    const wb = await download(reporterA);
    const other = await upload(reporterB, await bytesOf(wb));
    expect([403, 404]).toContain(other.statusCode);
    const [row] = await ctx.db
      .select()
      .from(unitReports)
      .where(and(eq(unitReports.planCode, plan.code), eq(unitReports.unitId, communeA.id)));
    expect(row.updatedBy).not.toBeNull();
  });

  it("lets the unit download its own submitted report as Excel and PDF, and nobody of another unit", async () => {
    const documentUrl = (format: string) => xlsxUrl().replace(/\/xlsx$/, `/document.${format}`);
    const get = (session: SignedIn, format: string) =>
      ctx.app.inject({ method: "GET", url: documentUrl(format), headers: session.headers });
    // Not before it is submitted.
    const early = await get(reporterA, "xlsx");
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.message).toContain("chưa được nộp");

    const current = await report();
    const submitted = await ctx.app.inject({
      method: "POST",
      url: xlsxUrl().replace(/\/xlsx$/, "/submit"),
      headers: reporterA.headers,
      payload: { version: current.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const res = await get(reporterA, "xlsx");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename=.*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Chỉ tiêu", "Thông tin chung"]);
    const cells = (name: string) =>
      (wb.getWorksheet(name) as ExcelJS.Worksheet)
        .getSheetValues()
        .flat()
        .map((v) => String(v ?? ""));
    expect(cells("Nhiệm vụ")).toContain(tasks[0].text);
    expect(cells("Nhiệm vụ")).toContain("Đã triển khai tại 3 thôn");
    expect(cells("Chỉ tiêu")).toContain("75");
    expect(cells("Thông tin chung").some((c) => c.startsWith("Đã nộp, chờ duyệt"))).toBe(true);
    expect(cells("Thông tin chung")).toContain(plan.title);
    expect(cells("Thông tin chung").join(" ")).not.toContain(plan.code);

    // Another unit's reporter gets nothing of it, in either form.
    for (const format of ["xlsx", "pdf"]) {
      const other = await get(reporterB, format);
      expect([403, 404], format).toContain(other.statusCode);
    }

    // The PDF is the Word document through LibreOffice, as the consolidated report's (once).
    if (ctx.kind === "pglite") {
      const pdf = await get(reporterA, "pdf");
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});
