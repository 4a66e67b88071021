// DTI files: a framework exported as the criteria table and imported back is the same
// tree; an import with mistakes names each bad cell; the ranking and a scoresheet as
// .xlsx; the decision's annex as .docx. On PGlite and PostgreSQL 15.
import type { TDtiFramework, TDtiFrameworkList, TDtiRound } from "@dtplan/contracts";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { beforeAll, expect, it } from "vitest";
import { ensureDtiFrameworks } from "../src/modules/dti-seed/framework-rows.ts";
import { buildTenant, describeBothDatabases, multipart, type SignedIn, signInAs } from "./helpers.ts";

const strip = (nodes: TDtiFramework["nodes"]): unknown =>
  nodes.map((n) => ({ ...n, children: strip(n.children) }));

describeBothDatabases("DTI framework import and export, ranking and scoresheet files, the annex", (ctx) => {
  let officer: SignedIn;
  let reporter: SignedIn;
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let frameworks: TDtiFramework[];

  const get = (who: SignedIn, url: string) => ctx.app.inject({ method: "GET", url, headers: who.headers });
  const importXlsx = (who: SignedIn, bytes: Buffer, fields: Record<string, string>) => {
    const form = multipart(fields, {
      name: "file",
      fileName: "bo-chi-so.xlsx",
      bytes,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    return ctx.app.inject({
      method: "POST",
      url: "/api/dti/frameworks/import",
      payload: form.payload,
      headers: { ...form.headers, ...who.headers },
    });
  };

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    await ensureDtiFrameworks(ctx.db, tenant.province.id);
    officer = await signInAs(ctx, tenant.province, "focal_officer");
    reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
    frameworks = ((await get(officer, "/api/dti/frameworks")).json() as TDtiFrameworkList).frameworks;
  });

  it("exports every seeded framework as a criteria table and imports it back as the same tree", async () => {
    for (const f of frameworks) {
      const res = await get(reporter, `/api/dti/frameworks/${f.id}/xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const back = await importXlsx(officer, res.rawPayload, {
        code: `${f.code}-nhap`,
        year: String(f.year),
        name: `${f.name} (nhập lại)`,
        subject: f.subject,
      });
      expect(back.statusCode, back.body.slice(0, 500)).toBe(201);
      const imported = back.json() as TDtiFramework;
      expect(imported.maxPoints).toBe(f.maxPoints);
      expect(strip(imported.nodes)).toEqual(strip(f.nodes));
    }
  });

  it("refuses a criteria table with mistakes, naming each cell, and creates nothing", async () => {
    const source = frameworks.find((f) => f.code === "dti-so-nganh-xa") as TDtiFramework;
    const res = await get(officer, `/api/dti/frameworks/${source.id}/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    // Row 2 is the header (a title above it); rows 3… the nodes in order: 1, 1.1, 1.2, 1.3, 2 …
    ws.getCell("E4").value = "bốn mươi";
    ws.getCell("G5").value = "Chấm theo cảm tính";
    ws.getCell("H4").value = "a) 99: Chủ tịch\nb) 20: Phó Chủ tịch";
    ws.getCell("B6").value = "9.9";
    ws.getCell("C7").value = "Nhóm";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await importXlsx(officer, bytes, {
      code: "sai",
      year: "2025",
      name: "Sai",
      subject: "units",
    });
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details as {
      path: string;
      sheet: string;
      row: number;
      column: string;
    }[];
    expect(details.map((d) => d.path)).toEqual([
      "Bộ chỉ số!E4",
      "Bộ chỉ số!G5",
      "Bộ chỉ số!B6",
      "Bộ chỉ số!C7",
    ]);
    expect(refused.json().error.message).toContain("Bộ chỉ số!G5: không rõ cách tính");
    // Once the cells are right, a level above the maximum is named at its rule cell.
    ws.getCell("E4").value = 40;
    ws.getCell("G5").value = "Tự động từ chỉ tiêu";
    ws.getCell("B6").value = "1";
    ws.getCell("C7").value = "Tiêu chí";
    const again = await importXlsx(officer, Buffer.from(await wb.xlsx.writeBuffer()), {
      code: "sai",
      year: "2025",
      name: "Sai",
      subject: "units",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { path: string }) => d.path)).toEqual(["Bộ chỉ số!H4"]);
    expect(again.json().error.message).toContain("vượt điểm tối đa 40");
    const list = ((await get(officer, "/api/dti/frameworks")).json() as TDtiFrameworkList).frameworks;
    expect(list.some((f) => f.code === "sai")).toBe(false);
    // Fields and permission.
    expect(
      (await importXlsx(officer, bytes, { code: "Sai Mã", year: "2025", name: "x", subject: "units" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await importXlsx(reporter, res.rawPayload, { code: "la", year: "2025", name: "x", subject: "units" }))
        .statusCode,
    ).toBe(403);
  });

  it("gives the ranking and a unit's scoresheet as .xlsx and the annex as .docx in the official layout", async () => {
    const units = frameworks.find((f) => f.code === "dti-so-nganh-xa") as TDtiFramework;
    const round = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/dti/rounds",
        headers: officer.headers,
        payload: {
          frameworkId: units.id,
          year: 2025,
          name: "Đánh giá chuyển đổi số năm 2025",
          unitIds: [tenant.communeA.id, tenant.communeB.id],
          startDate: "2026-01-05",
          dueDate: "2026-02-15",
        },
      })
    ).json() as TDtiRound;
    await ctx.app.inject({
      method: "POST",
      url: `/api/dti/rounds/${round.id}/open`,
      headers: officer.headers,
    });
    const save = await ctx.app.inject({
      method: "PUT",
      url: `/api/dti/rounds/${round.id}/units/${tenant.communeA.id}`,
      headers: reporter.headers,
      payload: { version: 1, entries: [{ code: "1.1", level: "a", explanation: "Quyết định 15/QĐ-UBND" }] },
    });
    expect(save.statusCode, save.body).toBe(200);

    const xlsx = await get(officer, `/api/dti/rounds/${round.id}/ranking/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(2).getCell(2).value).toBe("Đơn vị");
    expect([ws.getCell("A3").value, ws.getCell("B3").value, ws.getCell("C3").value]).toEqual([
      1,
      tenant.communeA.name,
      40,
    ]);
    expect((await get(reporter, `/api/dti/rounds/${round.id}/ranking/xlsx`)).statusCode).toBe(403);

    const sheet = await get(reporter, `/api/dti/rounds/${round.id}/units/${tenant.communeA.id}/xlsx`);
    expect(sheet.statusCode).toBe(200);
    const sb = new ExcelJS.Workbook();
    await sb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = (sb.worksheets[0] as ExcelJS.Worksheet).getSheetValues().flat().map(String).join(" | ");
    expect(rows).toContain("Quyết định 15/QĐ-UBND");
    expect(
      (await get(reporter, `/api/dti/rounds/${round.id}/units/${tenant.communeB.id}/xlsx`)).statusCode,
    ).toBe(403);

    const docx = await get(officer, `/api/dti/rounds/${round.id}/ranking/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    for (const line of [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Phụ lục",
      "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2025",
      "Kèm theo Quyết định số",
      tenant.communeA.name,
      "Xếp hạng",
    ]) {
      expect(text).toContain(line);
    }
  });
});
