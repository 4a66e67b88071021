import { type TConsolidatedReport, type TSaveConsolidated, ZConsolidatedReport } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.ts";
import { docxToPdf, PdfUnavailableError } from "../src/modules/consolidated/render-pdf.ts";
import { officialName, placeNameOf, viLongDate } from "../src/modules/consolidated/vi-format.ts";
import { DEMO_PASSWORD } from "./demo-snapshot.ts";
import { describeBothDatabases, loginAs, type SignedIn } from "./helpers.ts";

const BASE = "/api/plans/chau-thanh-2025/periods/2025-Q2/consolidated";

const narrativeOf = (r: TConsolidatedReport): TSaveConsolidated => ({ ...r.narrative, version: r.version });

describe("consolidated report helpers", () => {
  it("derives the place of the date line from the issuing unit", () => {
    expect(placeNameOf("Huyện Châu Thành")).toBe("Châu Thành");
    expect(placeNameOf("Thành phố Vĩnh Long")).toBe("Vĩnh Long");
    expect(placeNameOf("Xã Phú Túc")).toBe("Phú Túc");
  });

  it("writes a unit's name without the register's notes in brackets", () => {
    expect(officialName("Xã Phú Túc (sau sáp nhập, dữ liệu mẫu)")).toBe("Xã Phú Túc");
    expect(officialName("Phòng Văn hóa và Thông tin (Phòng VH&TT) (cũ)")).toBe("Phòng Văn hóa và Thông tin");
    expect(officialName("Huyện Châu Thành")).toBe("Huyện Châu Thành");
    expect(officialName("(chưa đặt tên)")).toBe("(chưa đặt tên)");
  });

  it("writes the date the way Decree 30 does (two-digit day, month 1 and 2 with a zero)", () => {
    expect(viLongDate("2025-07-05")).toBe("ngày 05 tháng 7 năm 2025");
    expect(viLongDate("2025-02-15")).toBe("ngày 15 tháng 02 năm 2025");
  });

  it("says clearly when LibreOffice is not installed", async () => {
    await expect(docxToPdf(Buffer.from("x"), { soffice: "/nonexistent/soffice" })).rejects.toBeInstanceOf(
      PdfUnavailableError,
    );
  });
});

describeBothDatabases(
  "consolidated report of a period",
  (ctx) => {
    let officer: SignedIn;
    let leader: SignedIn;
    let reporter: SignedIn;
    let viewer: SignedIn;
    let otherProvince: SignedIn;

    const get = (session: SignedIn, suffix = "") =>
      ctx.app.inject({ method: "GET", url: `${BASE}${suffix}`, headers: session.headers });
    const load = async (session: SignedIn) => {
      const res = await get(session);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return ZConsolidatedReport.parse(res.json());
    };
    const save = (session: SignedIn, body: TSaveConsolidated) =>
      ctx.app.inject({ method: "PUT", url: BASE, headers: session.headers, payload: body });
    const docxOf = async (session: SignedIn) => {
      const res = await get(session, ".docx");
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const bytes = res.rawPayload;
      const text = (await mammoth.extractRawText({ buffer: bytes })).value;
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file("word/document.xml")?.async("string");
      const styles = await zip.file("word/styles.xml")?.async("string");
      return { res, text, xml: xml ?? "", styles: styles ?? "" };
    };

    beforeAll(async () => {
      const as = (username: string) => loginAs(ctx.app, { username, password: DEMO_PASSWORD });
      [officer, leader, reporter, viewer, otherProvince] = await Promise.all([
        // The province's focal officer, leader and viewer read the closed district's history.
        as("vinhlong.daumoi"),
        as("vinhlong.lanhdao"),
        as("vinhlong.sonv"),
        as("vinhlong.tinh"),
        as("dongthap.daumoi"),
      ]);
    }, 300_000);

    it("gathers the targets, the tasks by pillar, the units' difficulties and the reporting counts", async () => {
      const report = await load(officer);
      expect(report.plan).toMatchObject({ code: "chau-thanh-2025", unit: { name: "Huyện Châu Thành" } });
      expect(report.issuer).toEqual({ body: "ỦY BAN NHÂN DÂN", unit: "HUYỆN CHÂU THÀNH" });
      expect(report.period.key).toBe("2025-Q2");
      expect(report.subject).toMatch(/^Kết quả thực hiện Kế hoạch .*, quý II năm 2025$/);
      expect(report.targets.some((t) => t.value !== null && t.attainmentLabel)).toBe(true);
      // Tasks come grouped by pillar, in the domain's order, each with a Vietnamese label.
      const order = report.pillars.map((p) => p.key);
      const ranks = report.tasks.map((t) => order.indexOf(t.pillar));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(report.pillars.every((p) => p.label && p.label !== p.key)).toBe(true);
      const reported = report.tasks.filter((t) => t.progressSource === "report");
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.every((t) => typeof t.progress === "number" && t.leadUnit)).toBe(true);
      expect(report.counts.expected).toBeGreaterThan(1);
      expect(report.counts.submitted + report.counts.approved).toBe(report.counts.expected);
      expect(report.statements.length).toBeGreaterThan(0);
      expect(report.statements[0].difficulties).toContain("kinh phí");
      // Before anyone saves: defaults, difficulties gathered from the units with their names.
      expect(report.saved).toBeNull();
      expect(report.version).toBe(0);
      expect(report.narrative.placeName).toBe("Châu Thành");
      expect(report.narrative.documentNumber).toBe("");
      expect(report.narrative.difficulties).toContain(report.statements[0].unit.name);
      expect(report.narrative.difficulties).toContain("kinh phí cho chuyển đổi số còn hạn chế");
      expect(report.narrative.recipients.at(-1)).toBe("Lưu: VT");
      expect(report.can.edit).toBe(true);
    });

    it("writes a Decree 30 Word document: the parts, in the words and figures of the data", async () => {
      const report = await load(officer);
      const { res, text, xml, styles } = await docxOf(officer);
      expect(res.headers["content-type"]).toContain("wordprocessingml");
      expect(res.headers["content-disposition"]).toContain("bao-cao-chau-thanh-2025-2025-Q2.docx");
      for (const part of [
        "ỦY BAN NHÂN DÂN",
        "HUYỆN CHÂU THÀNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        report.subject,
        "I. KẾT QUẢ THỰC HIỆN",
        "II. KHÓ KHĂN, VƯỚNG MẮC",
        "III. ĐỀ XUẤT, KIẾN NGHỊ",
        "IV. NHIỆM VỤ KỲ TỚI",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
      ]) {
        expect(text, part).toContain(part);
      }
      // The number is left blank for the clerk: "Số:      /BC-UBND".
      expect(text).toMatch(/Số: {3,}\/BC-UBND/);
      expect(text).toContain(`Châu Thành, ${viLongDate(report.narrative.reportDate)}`);
      // A target row and a task row with their real values.
      const target = report.targets.find(
        (t) => t.value !== null && t.planned,
      ) as TConsolidatedReport["targets"][0];
      expect(text).toContain(target.text);
      expect(text).toContain(target.planned as string);
      expect(text).toContain(target.attainmentLabel);
      expect(text).toContain(
        new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(target.value as number),
      );
      const task = report.tasks.find(
        (t) => t.progressSource === "report" && t.deadline.date,
      ) as TConsolidatedReport["tasks"][0];
      expect(text).toContain(task.text.slice(0, 40));
      expect(text).toContain(task.leadUnit as string);
      expect(text).toContain((task.deadline.date as string).split("-").reverse().join("/"));
      expect(text).toContain(task.statusLabel);
      expect(text).toContain(report.statements[0].unit.name);
      expect(text).toContain("kinh phí cho chuyển đổi số còn hạn chế");
      if (report.narrative.signature.signatory === "vice_chairman") {
        expect(text).toContain("KT. CHỦ TỊCH");
        expect(text).toContain("PHÓ CHỦ TỊCH");
      }

      // A4 portrait and the margins of Decree 30, in twips.
      const pgSz = /<w:pgSz ([^>]*)\/>/.exec(xml)?.[1] ?? "";
      expect(pgSz).toMatch(/w:w="11906"/);
      expect(pgSz).toMatch(/w:h="16838"/);
      expect(pgSz).toMatch(/w:orient="portrait"/);
      const margin = (side: string) => Number(new RegExp(`<w:pgMar [^>]*w:${side}="(\\d+)"`).exec(xml)?.[1]);
      const mm = (x: number) => (x * 1440) / 25.4;
      expect(margin("top")).toBeGreaterThanOrEqual(mm(20) - 1);
      expect(margin("top")).toBeLessThanOrEqual(mm(25) + 1);
      expect(margin("bottom")).toBeGreaterThanOrEqual(mm(20) - 1);
      expect(margin("bottom")).toBeLessThanOrEqual(mm(25) + 1);
      expect(margin("left")).toBeGreaterThanOrEqual(mm(30) - 1);
      expect(margin("left")).toBeLessThanOrEqual(mm(35) + 1);
      expect(margin("right")).toBeGreaterThanOrEqual(mm(15) - 1);
      expect(margin("right")).toBeLessThanOrEqual(mm(20) + 1);
      // Times New Roman in the default style and on every run; no other font named.
      expect(styles).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
      const fonts = [...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
      expect(fonts.length).toBeGreaterThan(50);
      expect(new Set(fonts)).toEqual(new Set(["Times New Roman"]));
      // The body: 14 pt, justified, first line indented about 1 cm (567 twips).
      const opening = report.narrative.opening.slice(0, 30);
      const paragraph = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)]
        .map((m) => m[0])
        .find((p) => p.includes(opening)) as string;
      expect(paragraph).toBeDefined();
      expect(paragraph).toMatch(/<w:jc w:val="both"\/>/);
      const indent = Number(/<w:ind [^>]*w:firstLine="(\d+)"/.exec(paragraph)?.[1]);
      expect(indent).toBeGreaterThanOrEqual(500);
      expect(indent).toBeLessThanOrEqual(720);
      const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(paragraph)?.[1]);
      expect(size).toBeGreaterThanOrEqual(26);
      expect(size).toBeLessThanOrEqual(28);
      // The place-and-date line is one italic run.
      const dateRun = [...xml.matchAll(/<w:r>.*?<\/w:r>/gs)]
        .map((m) => m[0])
        .find((r) => r.includes(`Châu Thành, ${viLongDate(report.narrative.reportDate)}`));
      expect(dateRun).toMatch(/<w:i\/>|<w:i w:val="true"\/>/);
      // Table header rows repeat on every page.
      expect(xml).toContain("<w:tblHeader/>");
    });

    it("keeps the saved narrative when the report is generated again; the tables stay live", async () => {
      const before = await load(officer);
      const body: TSaveConsolidated = {
        ...narrativeOf(before),
        documentNumber: "125",
        reportDate: "2025-07-05",
        difficulties: "Hạ tầng mạng tại một số xã còn yếu, cần đầu tư thêm.",
        signature: {
          authority: "TM. ỦY BAN NHÂN DÂN",
          signatory: "vice_chairman",
          signerName: "Nguyễn Văn Ký",
        },
        recipients: ["UBND tỉnh Vĩnh Long (b/c)", "Lưu: VT"],
      };
      const res = await save(officer, body);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const saved = ZConsolidatedReport.parse(res.json());
      expect(saved.version).toBe(1);
      expect(saved.saved?.updatedBy?.name).toBeTruthy();
      expect(saved.narrative.difficulties).toBe(body.difficulties);

      const again = await load(leader);
      expect(again.narrative).toMatchObject({ documentNumber: "125", difficulties: body.difficulties });
      expect(again.targets).toEqual(before.targets);
      const { text } = await docxOf(leader);
      expect(text).toContain("Số: 125/BC-UBND");
      expect(text).toContain("Châu Thành, ngày 05 tháng 7 năm 2025");
      expect(text).toContain(body.difficulties);
      expect(text).not.toContain("kinh phí cho chuyển đổi số còn hạn chế; một số cán bộ");
      expect(text).toContain("KT. CHỦ TỊCH");
      expect(text).toContain("PHÓ CHỦ TỊCH");
      expect(text).toContain("Nguyễn Văn Ký");
      expect(text).toContain("- UBND tỉnh Vĩnh Long (b/c);");

      const [entry] = await ctx.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "consolidated.save"), eq(auditLog.entityId, "chau-thanh-2025/2025-Q2")),
        );
      expect(entry.after).toMatchObject({ documentNumber: "125" });
    });

    it("refuses a save made on a stale version (409, naming who saved and when)", async () => {
      const current = await load(officer);
      const first = await save(leader, { ...narrativeOf(current), opening: "Mở đầu của lãnh đạo." });
      expect(first.statusCode, first.body.slice(0, 300)).toBe(200);
      const stale = await save(officer, { ...narrativeOf(current), opening: "Mở đầu cũ." });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toMatch(/đã được .+ lưu lúc \d{2}:\d{2} ngày/);
      expect((await load(officer)).narrative.opening).toBe("Mở đầu của lãnh đạo.");
    });

    it("validates the narrative with Vietnamese messages", async () => {
      const current = await load(officer);
      const res = await save(officer, { ...narrativeOf(current), placeName: "", documentNumber: "12/3" });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain("Nhập địa danh");
    });

    it("lets the province read it but not edit it; a unit reporter neither; another province does not see it", async () => {
      const report = await load(viewer);
      expect(report.can.edit).toBe(false);
      expect((await save(viewer, narrativeOf(report))).statusCode).toBe(403);
      // Other units' statements and unapproved figures are for the period's reviewers: a
      // department's reporter reads neither its own province plan's report nor a closed
      // district's (which it does not see at all).
      const today = "/api/plans/vinh-long-2026/periods/2026-Q2/consolidated";
      for (const url of [today, `${today}.docx`])
        expect((await ctx.app.inject({ method: "GET", url, headers: reporter.headers })).statusCode).toBe(
          403,
        );
      expect(
        (
          await ctx.app.inject({
            method: "PUT",
            url: today,
            headers: reporter.headers,
            payload: narrativeOf(report),
          })
        ).statusCode,
      ).toBe(403);
      expect((await get(reporter)).statusCode).toBe(404);
      expect((await get(otherProvince)).statusCode).toBe(404);
      expect((await get(otherProvince, ".docx")).statusCode).toBe(404);
      const missing = await ctx.app.inject({
        method: "GET",
        url: "/api/plans/chau-thanh-2025/periods/2031-Q9/consolidated",
        headers: officer.headers,
      });
      expect(missing.statusCode).toBe(404);
    });

    it("writes the same tables to Excel: one sheet each, frozen headers, figures as numbers", async () => {
      const report = await load(officer);
      const res = await get(officer, ".xlsx");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain("bao-cao-chau-thanh-2025-2025-Q2.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "Chỉ tiêu",
        "Nhiệm vụ",
        "Tình hình báo cáo",
        "Khó khăn - Kiến nghị",
      ]);
      const targets = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
      expect(targets.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(targets.getRow(2).getCell(2).value).toBe("Chỉ tiêu");
      expect(targets.rowCount).toBe(report.targets.length + 2);
      const i = report.targets.findIndex((t) => t.value !== null);
      const result = targets.getRow(i + 3).getCell(5);
      expect(result.value).toBeCloseTo(report.targets[i].value as number, 6);
      expect(result.numFmt).toBe("#,##0.##");
      const tasks = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
      expect(tasks.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      const j = report.tasks.findIndex((t) => t.progress !== null && t.deadline.date && !t.recurring);
      const row = tasks.getRow(j + 3);
      expect(row.getCell(2).value).toBe(report.tasks[j].text);
      expect(row.getCell(6).value).toBe(report.tasks[j].progress);
      expect(row.getCell(4).value).toBeInstanceOf(Date);
      expect(row.getCell(4).numFmt).toBe("dd/mm/yyyy");
      const units = wb.getWorksheet("Tình hình báo cáo") as ExcelJS.Worksheet;
      expect(units.rowCount).toBe(report.units.length + 2);
      const statements = wb.getWorksheet("Khó khăn - Kiến nghị") as ExcelJS.Worksheet;
      expect(String(statements.getRow(3).getCell(3).value)).toContain("kinh phí");
    });

    // npm test installs LibreOffice Writer when it is missing (scripts/test.sh).
    it("converts the Word document to PDF through LibreOffice", { timeout: 120_000 }, async () => {
      const res = await get(officer, ".pdf");
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
    });
  },
  { demo: true },
);
