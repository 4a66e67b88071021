// Issue 12: one U+FFFE in a unit's difficulties made the consolidated Word and Excel files
// unopenable. Random Unicode goes in through the API (a report, the narrative, a plan
// import) and straight into the database (text stored before the input was cleaned);
// every DOCX/XLSX that comes out must be well-formed XML and open in a reader.
import { cleanText, hasForbiddenCharacters } from "@dtplan/domain/text/clean.ts";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import mammoth from "mammoth";
import { SaxesParser } from "saxes";
import { expect, it } from "vitest";
import { unitReports } from "../src/db/schema.ts";
import { buildReportingPlan, describeBothDatabases, multipart, type SignedIn, signInAs } from "./helpers.ts";

/** Every XML part of an OOXML package parsed by a strict XML 1.0 parser (throws on the first error). */
async function assertWellFormedPackage(bytes: Buffer, what: string): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
  expect(parts.length, what).toBeGreaterThan(0);
  for (const part of parts) {
    const xml = await part.async("string");
    const parser = new SaxesParser({ xmlns: false });
    let failure: Error | null = null;
    parser.on("error", (e) => {
      failure ??= e;
    });
    parser.write(xml).close();
    if (failure) throw new Error(`${what}: ${part.name} is not well-formed XML: ${String(failure)}`);
  }
}

async function assertDocx(bytes: Buffer, what: string): Promise<void> {
  await assertWellFormedPackage(bytes, what);
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  expect(value.length, what).toBeGreaterThan(0);
}

async function assertXlsx(bytes: Buffer, what: string): Promise<void> {
  await assertWellFormedPackage(bytes, what);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.length, what).toBeGreaterThan(0);
}

/** Text a person (or an attacker) might type: any code point, lone surrogates and the XML-forbidden ones included. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(
      fc.constantFrom("\u0000", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\u000B", "a\u0300", "Đ", " ", "<&>"),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join("")),
);

describeBothDatabases("text that cannot break documents", (ctx) => {
  let world: Awaited<ReturnType<typeof buildReportingPlan>>;
  let reporter: SignedIn;
  let officer: SignedIn;
  const reportUrl = () => `/api/plans/${world.plan.code}/periods/2025-Q1/reports/${world.communeA.id}`;
  const consolidatedUrl = () => `/api/plans/${world.plan.code}/periods/2025-Q1/consolidated`;
  const get = (session: SignedIn, url: string) =>
    ctx.app.inject({ method: "GET", url, headers: session.headers });
  const send = (session: SignedIn, method: "PUT" | "POST", url: string, payload: object) =>
    ctx.app.inject({ method, url, headers: session.headers, payload });

  const consolidatedFiles = async (label: string) => {
    for (const format of ["docx", "xlsx"] as const) {
      const res = await get(officer, `${consolidatedUrl()}.${format}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      if (format === "docx") await assertDocx(res.rawPayload, `${label} consolidated DOCX`);
      else await assertXlsx(res.rawPayload, `${label} consolidated XLSX`);
    }
  };

  it("prepares a plan with a reporting unit and its focal officer", async () => {
    world = await buildReportingPlan(ctx.db);
    reporter = await signInAs(ctx, world.communeA, "unit_reporter");
    officer = await signInAs(ctx, world.district, "focal_officer");
  });

  it("keeps a unit's report and its Excel form well-formed whatever is typed", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (difficulties, proposals, note) => {
        const form = (await get(reporter, reportUrl())).json();
        const saved = await send(reporter, "PUT", reportUrl(), {
          version: form.version,
          difficulties,
          proposals,
          tasks: form.tasks.map((t: { key: string }) => ({ key: t.key, progress: 40, note })),
          values: [{ targetKey: world.targetKey, numerator: 4, denominator: 5, note }],
        });
        expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
        const stored = saved.json();
        expect(stored.difficulties).toBe(cleanText(difficulties));
        const xlsx = await get(reporter, `${reportUrl()}/xlsx`);
        expect(xlsx.statusCode).toBe(200);
        await assertXlsx(xlsx.rawPayload, "unit report XLSX");
      }),
      { numRuns: 4 },
    );
    const form = (await get(reporter, reportUrl())).json();
    const submitted = await send(reporter, "POST", `${reportUrl()}/submit`, { version: form.version });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);
    await consolidatedFiles("after a submitted report:");
  });

  it("keeps the consolidated report well-formed whatever the narrative holds", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (opening, assessment, recipient) => {
        const current = (await get(officer, consolidatedUrl())).json();
        const saved = await send(officer, "PUT", consolidatedUrl(), {
          ...current.narrative,
          version: current.version,
          opening,
          assessment,
          difficulties: `${assessment}${opening}`,
          nextTasks: opening,
          recipients: [`Nơi nhận ${recipient}`, "Lưu: VT"],
          signature: { ...current.narrative.signature, name: `Ký ${recipient}` },
        });
        expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
        await consolidatedFiles("narrative:");
      }),
      { numRuns: 4 },
    );
  });

  it("cleans text stored before the input was cleaned when writing Word, Excel and PDF", {
    timeout: 120_000,
  }, async () => {
    await ctx.db
      .update(unitReports)
      .set({
        difficulties: "Khó khăn \uFFFE\uFFFF\u0001 kinh phí",
        proposals: "Đề xuất \u000B\u0008",
      })
      .where(and(eq(unitReports.tenantId, world.plan.tenantId), eq(unitReports.unitId, world.communeA.id)));
    const current = (await get(officer, consolidatedUrl())).json();
    expect(current.statements[0].difficulties).toContain("\uFFFE");
    await consolidatedFiles("stored text:");
    const unitXlsx = await get(reporter, `${reportUrl()}/xlsx`);
    await assertXlsx(unitXlsx.rawPayload, "unit report XLSX of stored text");
    // The units' statements sheet carries the stored text without what XML forbids (a lone
    // surrogate cannot be stored: the driver writes it as U+FFFD).
    const xlsx = await get(officer, `${consolidatedUrl()}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet("Khó khăn - Kiến nghị")?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(
      cells.some((c) => c.includes("Khó khăn  kinh phí")),
      cells.join(" | "),
    ).toBe(true);
    // One PDF run (LibreOffice takes about a second and a half).
    const pdf = await get(officer, `${consolidatedUrl()}.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  it("cleans the text of an imported plan: nothing forbidden reaches the draft", async () => {
    const manager = await signInAs(ctx, world.district, "focal_officer");
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (title, target) => {
        const text = [
          `KẾ HOẠCH Chuyển đổi số năm 2025 ${title}`,
          "I. MỤC TIÊU",
          `1. Tỷ lệ hồ sơ trực tuyến đạt 80% ${target}`,
          "II. NHIỆM VỤ",
          `1. Triển khai dịch vụ công trực tuyến ${target}`,
        ].join("\n");
        const res = await ctx.app.inject({
          method: "POST",
          url: "/api/plans/import",
          ...(() => {
            const body = multipart(
              { unitId: world.district.id },
              { name: "file", fileName: "ke-hoach.txt", bytes: Buffer.from(text, "utf8") },
            );
            return { payload: body.payload, headers: { ...manager.headers, ...body.headers } };
          })(),
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        if (res.statusCode !== 200 && res.statusCode !== 201) return;
        const strings: string[] = [];
        JSON.parse(res.body, (_k, v) => {
          if (typeof v === "string") strings.push(v);
          return v;
        });
        expect(strings.filter(hasForbiddenCharacters)).toEqual([]);
      }),
      { numRuns: 4 },
    );
  });
});
