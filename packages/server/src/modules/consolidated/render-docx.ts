import type { TConsolidatedReport, TConsolidatedTarget, TConsolidatedTask } from "@dtplan/contracts";
import { roman } from "@dtplan/domain/text/roman.ts";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { viDate, viLongDate, withUnit } from "./vi-format.ts";

// The layout helpers are shared with the other official documents (the DTI annex).

/**
 * The consolidated report as a Word document laid out by Decree 30/2020/NĐ-CP
 * (Phụ lục I — thể thức văn bản hành chính): A4 portrait, margins 20/20/30/15 mm,
 * Times New Roman, the issuing body and the national title side by side over their
 * rules, number and italic place-and-date line, bold centred title, justified 14 pt
 * body with a first-line indent, and the recipients beside the signature block.
 */

export const FONT = "Times New Roman";
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** A4 is 11906 × 16838 twips; the text is 165 mm wide. */
export const PAGE = { width: 11906, height: 16838 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Half-points: body 14 pt, tables 12 pt, recipients 11 pt. */
export const SIZE = {
  body: 28,
  header: 26,
  national: 24,
  motto: 26,
  table: 24,
  recipientsTitle: 24,
  recipients: 22,
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold, italics: style.italics });

/** A line of the header or the signature block: centred, no indent, single spacing. */
export const centred = (text: string, style: RunStyle = {}, after = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, style)],
  });

/** A short horizontal rule under a centred line: a bottom border between wide indents. */
export const rule = (cellWidth: number, ruleWidth: number) => {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 2 })],
  });
};

/** Body text: 14 pt, justified, first line indented 1 cm, line spacing 1.15, 6 pt after. */
const body = (text: string, style: RunStyle = {}, keepNext = false) =>
  new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text, style)],
  });

const heading = (text: string) => body(text, { bold: true }, true);

/** Text kept as its writer wrote it, one line a paragraph: its non-empty lines, or `empty`. */
export const textLines = (text: string, empty: string): string[] => {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : [empty];
};

/** Narrative text kept as the officer wrote it: one paragraph per line. */
const paragraphs = (text: string, empty: string) => textLines(text, empty).map((l) => body(l));

const noBorders = TableBorders.NONE;

function layoutTable(columns: [number, Paragraph[]][][]): Table {
  const widths = columns[0].map(([w]) => w);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: columns.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            ([w, children]) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                borders: noBorders,
                children,
              }),
          ),
        }),
    ),
  });
}

function headerBlock(report: TConsolidatedReport): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const n = report.narrative;
  // A blank number leaves room to write it in by hand, as offices do before signing.
  const number = n.documentNumber.trim() || "      ";
  return layoutTable([
    [
      [
        left,
        [
          centred(report.issuer.body, { bold: true, size: SIZE.header }),
          centred(report.issuer.unit, { bold: true, size: SIZE.header }),
          rule(left, Math.round(left * 0.4)),
        ],
      ],
      [
        right,
        [
          centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.national }),
          centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.motto }),
          rule(right, mm(62)),
        ],
      ],
    ],
    [
      [left, [centred(`Số: ${number}/BC-UBND`, { size: SIZE.header })]],
      [right, [centred(`${n.placeName}, ${viLongDate(n.reportDate)}`, { italics: true, size: SIZE.body })]],
    ],
  ]);
}

export const cellPara = (
  text: string,
  align: "left" | "center" | "right" = "left",
  bold = false,
  keepNext = false,
) =>
  new Paragraph({
    keepNext,
    alignment:
      align === "center"
        ? AlignmentType.CENTER
        : align === "right"
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, { size: SIZE.table, bold })],
  });

interface GridColumn<R> {
  header: string;
  width: number;
  align: "left" | "center" | "right";
  value: (row: R, index: number) => string;
}

/**
 * A bordered data table with its header repeated on every page and a bold row per
 * pillar (numbered I, II …) above that pillar's rows (numbered 1, 2 … within it).
 */
function gridTable<R extends { pillar: string }>(
  report: TConsolidatedReport,
  columns: GridColumn<R>[],
  rows: R[],
): Table {
  const widths = columns.map((c) => c.width);
  const scale = TEXT_WIDTH / widths.reduce((a, b) => a + b, 0);
  const w = widths.map((x) => Math.floor(x * scale));
  const cell = (width: number, paragraph: Paragraph, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlign.CENTER,
      children: [paragraph],
    });
  const out: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) => cell(w[i], cellPara(c.header, "center", true))),
    }),
  ];
  const labels = new Map(report.pillars.map((p) => [p.key, p.label]));
  const pillars = [...new Set(rows.map((r) => r.pillar))];
  pillars.forEach((pillar, p) => {
    out.push(
      new TableRow({
        cantSplit: true,
        children: [
          // A pillar's row stays with its first row, never alone at the foot of a page.
          cell(w[0], cellPara(roman(p + 1), "center", true, true)),
          cell(
            w.slice(1).reduce((a, b) => a + b, 0),
            cellPara(labels.get(pillar) ?? pillar, "left", true, true),
            columns.length - 1,
          ),
        ],
      }),
    );
    rows
      .filter((r) => r.pillar === pillar)
      .forEach((row, i) => {
        out.push(
          new TableRow({
            cantSplit: true,
            children: columns.map((c, j) => cell(w[j], cellPara(c.value(row, i), c.align))),
          }),
        );
      });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: out,
  });
}

const targetColumns: GridColumn<TConsolidatedTarget>[] = [
  { header: "STT", width: 7, align: "center", value: (_r, i) => String(i + 1) },
  { header: "Chỉ tiêu", width: 43, align: "left", value: (r) => r.text },
  { header: "Chỉ tiêu kế hoạch", width: 16, align: "center", value: (r) => r.planned ?? "—" },
  {
    header: "Kết quả kỳ báo cáo",
    width: 17,
    align: "center",
    value: (r) => (r.value === null ? "—" : withUnit(r.value, r.unit)),
  },
  { header: "Mức độ đạt", width: 17, align: "center", value: (r) => r.attainmentLabel },
];

export function deadlineText(t: Pick<TConsolidatedTask, "deadline" | "recurring">): string {
  if (t.recurring) return "Thường xuyên";
  if (t.deadline.date) return viDate(t.deadline.date);
  return t.deadline.text?.trim() || "—";
}

const taskColumns: GridColumn<TConsolidatedTask>[] = [
  { header: "STT", width: 7, align: "center", value: (_r, i) => String(i + 1) },
  { header: "Nhiệm vụ", width: 35, align: "left", value: (r) => r.text },
  { header: "Đơn vị chủ trì", width: 18, align: "left", value: (r) => r.leadUnit ?? "—" },
  { header: "Thời hạn", width: 15, align: "center", value: deadlineText },
  { header: "Tình trạng", width: 14, align: "center", value: (r) => r.statusLabel },
  {
    header: "Tiến độ (%)",
    width: 11,
    align: "center",
    value: (r) => (r.progress === null ? "—" : String(r.progress)),
  },
];

/** "Tình hình báo cáo": how many units reported, on time or late, and who has not. */
function reportingSummary(report: TConsolidatedReport): Paragraph[] {
  const c = report.counts;
  if (c.expected === 0) return [body("Trong kỳ không có đơn vị phải báo cáo.")];
  const sent = c.submitted + c.approved;
  const lines = [
    `Có ${sent}/${c.expected} đơn vị đã nộp báo cáo (${c.onTime} đúng hạn, ${c.late} trễ hạn); ${c.approved} báo cáo đã được duyệt${c.missing ? `; ${c.missing} đơn vị chưa nộp khi đã quá hạn` : ""}${c.notDue ? `; ${c.notDue} đơn vị chưa đến hạn nộp` : ""}.`,
  ];
  const late = report.units.filter((u) => u.timeliness === "late").map((u) => u.unit.name);
  const missing = report.units.filter((u) => u.timeliness === "missing").map((u) => u.unit.name);
  if (late.length) lines.push(`Đơn vị nộp trễ hạn: ${late.join(", ")}.`);
  if (missing.length) lines.push(`Đơn vị chưa nộp báo cáo: ${missing.join(", ")}.`);
  return lines.map((l) => body(l));
}

function signatureBlock(report: TConsolidatedReport): Table {
  const n = report.narrative;
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = n.recipients.map((r, i) => {
    const text = r.replace(/^[-–\s]+/, "").replace(/[;.]+$/, "");
    const last = i === n.recipients.length - 1;
    return new Paragraph({
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(`- ${text}${last ? "." : ";"}`, { size: SIZE.recipients })],
    });
  });
  const s = n.signature;
  const lines = [
    s.authority.trim(),
    s.signatory === "vice_chairman" ? "KT. CHỦ TỊCH" : "",
    s.signatory === "vice_chairman" ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH",
  ].filter(Boolean);
  const signature = [
    ...lines.map((l) => centred(l, { bold: true, size: SIZE.body })),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => centred("", { size: SIZE.body })),
    centred(s.signerName.trim(), { bold: true, size: SIZE.body }),
  ];
  return layoutTable([
    [
      [
        left,
        [
          new Paragraph({
            spacing: { before: 0, after: 0 },
            children: [run("Nơi nhận:", { bold: true, italics: true, size: SIZE.recipientsTitle })],
          }),
          ...recipients,
        ],
      ],
      [right, signature],
    ],
  ]);
}

export async function renderDocx(report: TConsolidatedReport): Promise<Buffer> {
  const n = report.narrative;
  const spacer = () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run("", { size: 12 })] });
  const children = [
    headerBlock(report),
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred("BÁO CÁO", { bold: true, size: SIZE.body }),
    centred(report.subject, { bold: true, size: SIZE.body }),
    rule(TEXT_WIDTH, mm(45)),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
    ...paragraphs(n.opening, ""),
    heading("I. KẾT QUẢ THỰC HIỆN"),
    heading("1. Đánh giá chung"),
    ...paragraphs(n.assessment, "Chưa có đánh giá."),
    heading("2. Kết quả thực hiện các chỉ tiêu"),
    ...(report.targets.length
      ? [gridTable(report, targetColumns, report.targets), spacer()]
      : [body("Kế hoạch không có chỉ tiêu định lượng.")]),
    heading("3. Kết quả thực hiện các nhiệm vụ"),
    ...(report.tasks.length
      ? [gridTable(report, taskColumns, report.tasks), spacer()]
      : [body("Kế hoạch không có nhiệm vụ.")]),
    heading("4. Tình hình báo cáo của các cơ quan, đơn vị"),
    ...reportingSummary(report),
    heading("II. KHÓ KHĂN, VƯỚNG MẮC"),
    ...paragraphs(n.difficulties, "Không có."),
    heading("III. ĐỀ XUẤT, KIẾN NGHỊ"),
    ...paragraphs(n.proposals, "Không có."),
    heading("IV. NHIỆM VỤ KỲ TỚI"),
    ...paragraphs(n.nextTasks, "Không có."),
    body(
      `Trên đây là báo cáo ${report.subject.charAt(0).toLocaleLowerCase("vi")}${report.subject.slice(1)}./.`,
      {},
      // The closing sentence goes over with the signature rather than leave it alone on a page.
      true,
    ),
    new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [] }),
    signatureBlock(report),
  ];
  return officialDocx(`Báo cáo — ${report.subject}`, children, { paragraphLine: 276 });
}

/**
 * Decree 30's heading: the issuing agency over its short rule on the left (2/5 of the
 * text width), the national name and motto over theirs on the right; no borders.
 */
export function officialHeader(textWidth: number, agency: Paragraph[]): Table {
  const left = Math.round(textWidth * 0.4);
  const right = textWidth - left;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(left, [...agency, rule(left, Math.round(left * 0.4))]),
          cell(right, [
            centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.national }),
            centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.motto }),
            rule(right, mm(62)),
          ]),
        ],
      }),
    ],
  });
}

/** A column of a bordered data table: its header, width relative to the others, alignment, and each row's text. */
export interface DocColumn<R> {
  header: string;
  width: number;
  align?: "left" | "center" | "right";
  value: (row: R, index: number) => string;
}

/**
 * A bordered data table across the text width, the columns in proportion to their widths,
 * rows never split across pages and the header row repeated on each page.
 */
export function dataTable<R>(textWidth: number, columns: DocColumn<R>[], rows: R[]): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width * textWidth) / total));
  const cell = (width: number, paragraph: Paragraph) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [paragraph],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(widths[i] ?? 0, cellPara(c.header, "center", true))),
      }),
      ...rows.map(
        (r, k) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell(widths[i] ?? 0, cellPara(c.value(r, k), c.align ?? "left"))),
          }),
      ),
    ],
  });
}

/**
 * An official document as .docx: A4 (landscape for a wide table) with the margins of
 * Decree 30, Times New Roman, and the page number centred at the top from page 2, none on
 * the first page. `paragraphLine` is the default line spacing (240 = single) when given.
 */
export async function officialDocx(
  title: string,
  children: (Paragraph | Table)[],
  { landscape = false, paragraphLine }: { landscape?: boolean; paragraphLine?: number } = {},
): Promise<Buffer> {
  const doc = new Document({
    creator: "dtplan",
    title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body },
          ...(paragraphLine ? { paragraph: { spacing: { line: paragraphLine } } } : {}),
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
