import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PlanExtractError, type PlanExtractErrorCode } from "../errors.ts";
import {
  makeDocx,
  makeEmptyPagePdf,
  makeEncryptedPdf,
  makeScannedPdf,
  makeTextPdf,
  makeZip,
  NUMBERING_XML,
  STYLES_XML,
} from "./fixtures.ts";
import { dropFootnotes, dropPageFurniture, type PdfLine, paragraphsOfLines } from "./pdf.ts";
import { readPlanDocument } from "./read.ts";

const DEV = path.resolve(import.meta.dirname, "../../../../../fixtures/plan-extract/dev");
const PLANS = ["ba-to-2023", "chau-thanh-2025", "thap-muoi-2024"] as const;
const devBytes = (file: string) => new Uint8Array(readFileSync(path.join(DEV, file)));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Runs the reader and returns the PlanExtractError it must throw. */
async function readError(bytes: Uint8Array, fileName: string, options = {}): Promise<PlanExtractError> {
  try {
    await readPlanDocument({ bytes, fileName }, options);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanExtractError);
    return error as PlanExtractError;
  }
  throw new Error(`expected ${fileName} to be refused`);
}

async function expectRefused(bytes: Uint8Array, fileName: string, code: PlanExtractErrorCode, options = {}) {
  const error = await readError(bytes, fileName, options);
  expect(error.code).toBe(code);
  // Both languages say something, and the Vietnamese one is Vietnamese.
  expect(error.message.length).toBeGreaterThan(15);
  expect(error.messageEn.length).toBeGreaterThan(15);
  expect(error.message).toMatch(/[ăâđêôơưàáảãạệếềểễỏọốồổộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ]/iu);
  return error;
}

// Phrases every dev plan contains in every format, and plan-specific ones.
const PHRASES: Record<(typeof PLANS)[number], string[]> = {
  "ba-to-2023": ["Chuyển đổi số huyện Ba Tơ năm 2023", "Nghị quyết số 52-NQ/TW", "KINH PHÍ THỰC HIỆN"],
  "chau-thanh-2025": ["CĂN CỨ LẬP KẾ HOẠCH", "NHIỆM VỤ, GIẢI PHÁP TRIỂN KHAI", "KINH PHÍ THỰC HIỆN"],
  "thap-muoi-2024": [
    "Chuyển đổi số huyện Tháp Mười năm 2024",
    "Kế hoạch số 52/KH-UBND ngày 21/02/2024",
    "báo cáo năm trước ngày 15/11",
  ],
};

describe("readPlanDocument on the dev plans", () => {
  for (const plan of PLANS) {
    for (const format of ["txt", "docx", "pdf"] as const) {
      it(`reads ${plan}.${format}`, async () => {
        const doc = await readPlanDocument({
          bytes: devBytes(`${plan}.${format}`),
          fileName: `${plan}.${format}`,
        });
        expect(doc.format).toBe(format);
        expect(doc.text).toBe(doc.text.normalize("NFC"));
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
        expect(doc.text).not.toMatch(/\r|\uFEFF|\u0000/);
        const folded = doc.text.replace(/\s+/g, " ");
        expect(PHRASES[plan].filter((p) => !folded.includes(p))).toEqual([]);
      });
    }
  }

  it("gives the same words for .docx and .pdf (layout aside)", async () => {
    for (const plan of PLANS) {
      const words = async (format: string) =>
        (await readPlanDocument({ bytes: devBytes(`${plan}.${format}`), fileName: `x.${format}` })).text
          .split(/\s+/)
          .filter(Boolean);
      const docx = await words("docx");
      const pdf = await words("pdf");
      const inDocx = new Set(docx);
      const missing = pdf.filter((w) => !inDocx.has(w));
      // Near-identical: a handful of wrap artefacts at most.
      expect(missing.length).toBeLessThan(pdf.length * 0.01);
      expect(Math.abs(docx.length - pdf.length)).toBeLessThan(docx.length * 0.01);
    }
  });

  it("rejoins PDF line wraps into one paragraph per line, like the .docx", async () => {
    const doc = await readPlanDocument({
      bytes: devBytes("thap-muoi-2024.pdf"),
      fileName: "thap-muoi-2024.pdf",
    });
    expect(doc.text).toContain(
      "Thực hiện Kế hoạch số 52/KH-UBND ngày 21/02/2024 của Ủy ban nhân dân tỉnh về Chuyển đổi số tỉnh Đồng Tháp năm 2024;",
    );
    expect(doc.text).toContain("\n\nII. CHỈ TIÊU CỤ THỂ\n\n");
  });
});

describe("text decoding", () => {
  const plan =
    "Kế hoạch chuyển đổi số huyện Tháp Mười năm 2024\n- Ít nhất 80% hồ sơ được xử lý trực tuyến.\n";

  it("accepts a UTF-8 BOM and CRLF line ends", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(plan.replace(/\n/g, "\r\n"))]);
    expect((await readPlanDocument({ bytes, fileName: "a.txt" })).text).toBe(plan);
  });

  it("decodes UTF-16 LE and BE with a BOM, and LE without one", async () => {
    const le = Buffer.from(plan, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(
      (await readPlanDocument({ bytes: new Uint8Array([0xff, 0xfe, ...le]), fileName: "a.txt" })).text,
    ).toBe(plan);
    expect(
      (await readPlanDocument({ bytes: new Uint8Array([0xfe, 0xff, ...be]), fileName: "a.txt" })).text,
    ).toBe(plan);
    expect((await readPlanDocument({ bytes: new Uint8Array(le), fileName: "a.txt" })).text).toBe(plan);
  });

  it("normalises decomposed Unicode (NFD) to NFC", async () => {
    const doc = await readPlanDocument({ bytes: utf8(plan.normalize("NFD")), fileName: "a.txt" });
    expect(doc.text).toBe(plan);
  });

  it("reads a text file without an extension", async () => {
    expect((await readPlanDocument({ bytes: utf8(plan), fileName: "ke-hoach" })).format).toBe("txt");
  });

  it("falls back to the Vietnamese Windows code page for non-UTF-8 text", async () => {
    // "Tháp Mười" in CP1258: á = 0xE1, ư = 0xFD, ờ = ơ (0xF5) + grave (0xCC).
    const bytes = new Uint8Array([...utf8("Th"), 0xe1, ...utf8("p M"), 0xfd, 0xf5, 0xcc, ...utf8("i"), 0x0a]);
    expect((await readPlanDocument({ bytes, fileName: "a.txt" })).text).toBe("Tháp Mười\n");
  });
});

describe("bad input", () => {
  it("refuses an empty file and a file of only whitespace", async () => {
    await expectRefused(new Uint8Array(0), "plan.txt", "empty_file");
    await expectRefused(utf8(" \n\r\n\t \n"), "plan.txt", "empty_file");
    await expectRefused(new Uint8Array(0), "plan.pdf", "empty_file");
  });

  it("refuses binary garbage named .txt, and without an extension", async () => {
    let seed = 42;
    const garbage = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    const e = await expectRefused(garbage, "plan.txt", "corrupt_file");
    expect(e.message).toMatch(/nhị phân|điều khiển/);
    await expectRefused(garbage, "plan", "corrupt_file");
    // A single NUL in otherwise clean text is enough to call it binary.
    await expectRefused(utf8("Kế hoạch\u0000\u0001\u0002\u0003 chuyển đổi số"), "plan.txt", "corrupt_file");
  });

  it("refuses binary garbage named .pdf or .docx as a corrupt file", async () => {
    const garbage = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    await expectRefused(garbage, "plan.pdf", "corrupt_file");
    await expectRefused(garbage, "plan.docx", "corrupt_file");
  });

  it("reports a PNG named .pdf as a format mismatch", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(64)]);
    const e = await expectRefused(png, "plan.pdf", "format_mismatch");
    expect(e.message).toContain("PNG");
    expect(e.messageEn).toContain("PNG");
  });

  it("reports a text file named .docx or .pdf as a format mismatch", async () => {
    const text = utf8("Kế hoạch chuyển đổi số năm 2024\n");
    const e = await expectRefused(text, "plan.docx", "format_mismatch");
    expect(e.message).toContain(".docx");
    expect(e.message).toContain("văn bản thuần");
    await expectRefused(text, "plan.pdf", "format_mismatch");
  });

  it("reports a .docx named .pdf or .txt, and a PDF named .docx or .txt, as mismatches", async () => {
    const docx = devBytes("thap-muoi-2024.docx");
    const pdf = devBytes("thap-muoi-2024.pdf");
    await expectRefused(docx, "plan.pdf", "format_mismatch");
    await expectRefused(docx, "plan.txt", "format_mismatch");
    await expectRefused(pdf, "plan.docx", "format_mismatch");
    const e = await expectRefused(pdf, "plan.txt", "format_mismatch");
    expect(e.messageEn).toContain("PDF");
  });

  it("refuses formats it does not read: a spreadsheet, an old .doc, an image, a text with another extension", async () => {
    const xlsx = makeZip([{ name: "xl/workbook.xml", data: utf8("<workbook/>") }]);
    await expectRefused(xlsx, "plan.xlsx", "unsupported_format");
    await expectRefused(xlsx, "plan.docx", "format_mismatch");
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)]);
    const e = await expectRefused(doc, "plan.doc", "unsupported_format");
    expect(e.message).toContain(".docx");
    await expectRefused(
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
      "scan.jpg",
      "unsupported_format",
    );
    await expectRefused(utf8("a,b,c\n1,2,3\n"), "data.csv", "unsupported_format");
  });

  it("refuses a .docx zip bomb (200 MB of zeros) quickly, without inflating it", async () => {
    const zeros = new Uint8Array(200 * 1024 * 1024);
    const bomb = makeDocx(["Kế hoạch chuyển đổi số"], [{ name: "word/media/image1.png", data: zeros }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    const e = await expectRefused(bomb, "plan.docx", "zip_bomb");
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.message).toContain("zip bomb");
  });

  it("refuses a zip bomb whose headers lie about its size", async () => {
    // document.xml declares 1 KB but inflates to 200 MB: only real inflation (capped) catches it.
    const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
    const bomb = makeZip([{ name: "word/document.xml", data: huge, declaredSize: 1024 }]);
    await expectRefused(bomb, "plan.docx", "zip_bomb");
  });

  it("refuses an entry with an extreme compression ratio even under the total limit", async () => {
    const bomb = makeDocx(
      ["Kế hoạch"],
      [{ name: "word/media/x.bin", data: new Uint8Array(20 * 1024 * 1024) }],
    );
    await expectRefused(bomb, "plan.docx", "zip_bomb");
  });

  it("refuses a corrupt .docx: truncated, damaged deflate data, no document part", async () => {
    const docx = devBytes("thap-muoi-2024.docx");
    const e = await expectRefused(docx.subarray(0, Math.floor(docx.length / 2)), "plan.docx", "corrupt_file");
    expect(e.message).toContain("Word");
    const good = makeDocx(["Kế hoạch chuyển đổi số huyện năm 2024 với nhiều nội dung để nén"]);
    const damaged = new Uint8Array(good);
    // Overwrite the middle of word/document.xml's compressed bytes.
    const at = Buffer.from(damaged).indexOf("word/document.xml") + "word/document.xml".length + 10;
    damaged.fill(0xff, at, at + 40);
    await expectRefused(damaged, "plan.docx", "corrupt_file");
    const noDocument = makeZip([
      { name: "[Content_Types].xml", data: utf8("<Types/>") },
      { name: "word/document.xml.bak", data: utf8("<x/>") },
    ]);
    await expectRefused(noDocument, "plan.docx", "corrupt_file");
  });

  it("refuses a .docx with no text as empty", async () => {
    await expectRefused(makeDocx(["", "   "]), "plan.docx", "empty_file");
  });

  it("refuses files over the size limit (20 MB by default, configurable)", async () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const e = await expectRefused(big, "plan.txt", "file_too_large");
    expect(e.message).toContain("20 MB");
    expect(e.messageEn).toContain("21 MB");
    await expectRefused(utf8("Kế hoạch chuyển đổi số năm 2024"), "plan.txt", "file_too_large", {
      maxBytes: 10,
    });
  });

  it("reads a text file just under the limit promptly", async () => {
    const line = "- Ít nhất 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến.\n";
    const text = line.repeat(Math.floor((19.5 * 1024 * 1024) / Buffer.byteLength(line)));
    const t0 = performance.now();
    const doc = await readPlanDocument({ bytes: utf8(text), fileName: "big.txt" });
    expect(doc.text.length).toBe(text.length);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it("refuses a scanned PDF (image only) and an empty-page PDF: no text layer, needs OCR", async () => {
    for (const pdf of [makeScannedPdf(), makeEmptyPagePdf()]) {
      const e = await expectRefused(pdf, "scan.pdf", "pdf_no_text");
      expect(e.message).toContain(
        "không có lớp chữ (có thể là bản scan), cần nhận dạng ký tự (OCR) trước khi nhập",
      );
      expect(e.messageEn).toContain("OCR");
    }
  });

  it("refuses an encrypted PDF and a broken PDF as corrupt files", async () => {
    const e = await expectRefused(makeEncryptedPdf(), "plan.pdf", "corrupt_file");
    expect(e.message).toContain("mật khẩu");
    await expectRefused(utf8("%PDF-1.7\nthis is not really a pdf\n%%EOF\n"), "plan.pdf", "corrupt_file");
    const pdf = devBytes("ba-to-2023.pdf");
    await expectRefused(pdf.subarray(0, 2000), "plan.pdf", "corrupt_file");
  });
});

describe("Word automatic numbering", () => {
  it("writes list labels (I., 1., a), -, +) into the text, as typed numbering would be", async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const docx = makeDocx(
      [
        "KẾ HOẠCH",
        { text: "MỤC TIÊU", style: "Heading1" },
        { text: "Chính quyền số", numId: 1, ilvl: 1 },
        { text: "Mục a", numId: 1, ilvl: 2 },
        { text: "Mục b", numId: 1, ilvl: 2 },
        { text: "Mục con", numId: 1, ilvl: 3 },
        { text: "Kinh tế số", numId: 1, ilvl: 1 },
        { text: "Phòng Văn hóa và Thông tin chủ trì", numId: 2, ilvl: 0 },
        { text: "Phối hợp", numId: 2, ilvl: 1 },
        { text: "NHIỆM VỤ", style: "Heading1Red" },
        { text: "Nhận thức số", numId: 3, ilvl: 1 },
        "Đoạn không đánh số.",
      ],
      [
        { name: "word/numbering.xml", data: utf8(NUMBERING_XML) },
        { name: "word/styles.xml", data: utf8(STYLES_XML) },
      ],
    );
    const doc = await readPlanDocument({ bytes: docx, fileName: "plan.docx" });
    expect(doc.text.trim().split("\n\n")).toEqual([
      "KẾ HOẠCH",
      "I. MỤC TIÊU",
      "1. Chính quyền số",
      "a) Mục a",
      "b) Mục b",
      "1.1. Mục con",
      "2. Kinh tế số",
      "- Phòng Văn hóa và Thông tin chủ trì",
      "+ Phối hợp",
      "II. NHIỆM VỤ",
      "1. Nhận thức số",
      "Đoạn không đánh số.",
    ]);
  });
});

describe("PDF layout", () => {
  it("reads a hand-made PDF, drops page numbers and rejoins a paragraph across a page break", async () => {
    const body = "Phong Van hoa va Thong tin chu tri, phoi hop voi cac co quan lien quan trien khai";
    const pdf = makeTextPdf([
      [
        [72, 760, "KE HOACH"],
        [72, 730, `- ${body} thuc hien`],
        [72, 716, "day du cac noi dung cua ke hoach chuyen doi so nam 2024 tren dia ban huyen va cac xa"],
        [290, 40, "1"],
      ],
      [
        [72, 760, "thi tran theo dung tien do."],
        [72, 746, "- Thoi han hoan thanh: Quy I nam 2025."],
        [290, 40, "2"],
      ],
    ]);
    const doc = await readPlanDocument({ bytes: pdf, fileName: "plan.pdf" });
    expect(doc.text).toBe(
      `KE HOACH\n\n- ${body} thuc hien day du cac noi dung cua ke hoach chuyen doi so nam 2024 tren dia ban huyen va cac xa thi tran theo dung tien do.\n\n- Thoi han hoan thanh: Quy I nam 2025.\n`,
    );
  });

  it("drops a running header repeated on every page", () => {
    const line = (text: string, y: number, page: number): PdfLine => ({
      text,
      x0: 72,
      x1: 500,
      y,
      size: 11,
      page,
      segments: [],
    });
    const pages = [1, 2, 3, 4].map((p) => [
      line("UBND huyen Thap Muoi - Ke hoach CDS", 800, p),
      line(`Noi dung trang ${p}.`, 700, p),
      line(`Trang ${p}/4`, 30, p),
    ]);
    const kept = dropPageFurniture(pages, [842, 842, 842, 842]);
    expect(kept.flat().map((l) => l.text)).toEqual([
      "Noi dung trang 1.",
      "Noi dung trang 2.",
      "Noi dung trang 3.",
      "Noi dung trang 4.",
    ]);
  });

  it("drops a footnote at a page's foot, in smaller type, whose number the text carries as a marker", () => {
    const line = (text: string, y: number, size: number): PdfLine => ({
      text,
      x0: 72,
      x1: 500,
      y,
      size,
      page: 1,
      segments: [],
    });
    const body = [
      line("- Phát huy lợi thế của phường sau sắp xếp1; phát triển du lịch.", 700, 14),
      line("2.1. Chính quyền số", 680, 14),
      line("- Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình đạt 80%.", 660, 14),
    ];
    const note = [line("1", 77, 8), line("Phường được thành lập từ ngày 01/7/2025.", 71, 10)];
    expect(dropFootnotes([[...body, ...note]])).toEqual([body]);
    // Small lines at the foot whose number the text does not carry as a marker stay.
    const table = [line("3", 77, 10), line("Sở Tư pháp chủ trì.", 71, 10)];
    expect(dropFootnotes([[...body, ...table]])).toEqual([[...body, ...table]]);
  });

  it("starts a paragraph at a list marker after a finished sentence, not at a wrapped number", () => {
    const L = (text: string, y: number, x1 = 520): PdfLine => ({
      text,
      x0: 72,
      x1,
      y,
      size: 12,
      page: 1,
      segments: [],
    });
    const paragraphs = paragraphsOfLines([
      [
        L("- Trien khai giai doan 2021 - 2025 dinh huong den nam", 700),
        L("2030 tren dia ban toan huyen theo ke hoach da duoc phe duyet.", 686),
        L("- Muc tieu thu hai cua ke hoach chuyen doi so nam nay la mot", 672),
        L("cau rat dai.", 658, 150),
      ],
    ]);
    expect(paragraphs).toEqual([
      "- Trien khai giai doan 2021 - 2025 dinh huong den nam 2030 tren dia ban toan huyen theo ke hoach da duoc phe duyet.",
      "- Muc tieu thu hai cua ke hoach chuyen doi so nam nay la mot cau rat dai.",
    ]);
  });
});
