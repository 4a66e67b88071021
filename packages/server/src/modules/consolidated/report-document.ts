import type { TReportTask, TReportValue, TUnitReport } from "@dtplan/contracts";
import { REPORT_STATUS_LABELS } from "@dtplan/domain/reporting/lists.ts";
import { TIMELINESS_LABELS } from "@dtplan/domain/reporting/timeliness.ts";
import { cleanTextDeep } from "@dtplan/domain/text/clean.ts";
import { vietnamDateTimeText } from "@dtplan/domain/time/vietnam.ts";
import { AlignmentType, LineRuleType, Paragraph } from "docx";
import type { Database } from "../../db/database.ts";
import { conflict } from "../../errors.ts";
import { EVIDENCE_TYPES } from "../evidence/file-types.ts";
import { pillarLabel } from "../exports/export-columns.ts";
import { type Column, NUMBER_FORMATS, toXlsx } from "../exports/tabular.ts";
import { type ReportRef, readReport } from "../reporting/report-actions.ts";
import {
  centred,
  dataTable,
  MARGIN,
  officialDocx,
  officialHeader,
  PAGE,
  run,
  SIZE,
  textLines,
} from "./render-docx.ts";
import { docxToPdf, type PdfOptions } from "./render-pdf.ts";
import { fileSlug, officialName, plannedText, viDate, viNumber } from "./vi-format.ts";

/** A unit's own report as a file it keeps: the workbook of its tables, or the document as PDF. */
export const REPORT_DOCUMENT_FORMATS = ["xlsx", "pdf"] as const;
export type ReportDocumentFormat = (typeof REPORT_DOCUMENT_FORMATS)[number];

const ROLE_TEXT: Record<TReportTask["role"], string> = { lead: "Chủ trì", coordinator: "Phối hợp" };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const deadlineOf = (t: TReportTask) =>
  t.recurring ? "Thường xuyên" : t.deadline.date ? viDate(t.deadline.date) : (t.deadline.text ?? "");
const figureOf = (v: TReportValue) => (v.value === null ? "" : viNumber(v.value));
/** In Vietnam time, whatever the server's clock zone: "09:00 ngày 05/10/2026". */
const whenOf = (iso: string | null) => (iso ? vietnamDateTimeText(new Date(iso)) : "");

/** The lines under the title: plan, period, status, who submitted and approved, when. */
function facts(r: TUnitReport): [string, string][] {
  const rows: [string, string][] = [
    // The plan as its readers know it, by its title (its code is the app's own identifier).
    ["Kế hoạch", r.plan.title],
    [
      "Kỳ báo cáo",
      `${r.period.label} (${viDate(r.period.start)} – ${viDate(r.period.end)}), hạn nộp ${viDate(r.period.dueDate)}`,
    ],
    ["Đơn vị báo cáo", r.unit.name],
    ["Trạng thái", `${REPORT_STATUS_LABELS[r.status].vi} · ${TIMELINESS_LABELS[r.timeliness].vi}`],
    ["Nộp lúc", [whenOf(r.submittedAt), r.submittedBy?.name].filter(Boolean).join(", bởi ")],
  ];
  if (r.onBehalfBy) rows.push(["Nhập thay", r.onBehalfBy.name]);
  if (r.reviewedAt && r.status === "approved")
    rows.push(["Duyệt lúc", [whenOf(r.reviewedAt), r.reviewedBy?.name].filter(Boolean).join(", bởi ")]);
  return rows;
}

/** Tasks and figures as sheets, the facts and the unit's words as a third. */
function reportWorkbookTables(r: TUnitReport) {
  const where = `${r.unit.name} — ${r.period.label}`;
  const tasks: Column<TReportTask>[] = [
    { key: "pillar", header: "Trụ cột", width: 26, value: (t) => pillarLabel(t.pillar) },
    { key: "task", header: "Nhiệm vụ", width: 60, wrap: true, value: (t) => t.text },
    { key: "role", header: "Vai trò", width: 10, value: (t) => ROLE_TEXT[t.role] },
    { key: "deadline", header: "Thời hạn", width: 14, value: deadlineOf },
    {
      key: "progress",
      header: "Tiến độ (%)",
      width: 11,
      numFmt: NUMBER_FORMATS.integer,
      value: (t) => t.progress,
    },
    { key: "note", header: "Kết quả thực hiện", width: 60, wrap: true, value: (t) => t.note },
  ];
  const values: Column<TReportValue>[] = [
    { key: "pillar", header: "Trụ cột", width: 26, value: (v) => pillarLabel(v.pillar) },
    { key: "target", header: "Chỉ tiêu", width: 50, wrap: true, value: (v) => v.targetText },
    { key: "indicator", header: "Chỉ số", width: 36, wrap: true, value: (v) => v.indicator.name },
    {
      key: "planned",
      header: "Chỉ tiêu kế hoạch",
      width: 16,
      value: (v) => plannedText(v.target.comparator, v.target.value, v.target.unit),
    },
    {
      key: "numerator",
      header: "Tử số",
      width: 12,
      numFmt: NUMBER_FORMATS.decimal,
      value: (v) => v.numerator,
    },
    {
      key: "denominator",
      header: "Mẫu số",
      width: 12,
      numFmt: NUMBER_FORMATS.decimal,
      value: (v) => v.denominator,
    },
    {
      key: "value",
      header: "Kết quả kỳ báo cáo",
      width: 14,
      numFmt: NUMBER_FORMATS.decimal,
      value: (v) => v.value,
    },
    { key: "unit", header: "Đơn vị tính", width: 12, value: (v) => v.indicator.unit },
    { key: "note", header: "Ghi chú", width: 40, wrap: true, value: (v) => v.note },
    {
      key: "evidence",
      header: "Minh chứng",
      width: 40,
      wrap: true,
      value: (v) => v.evidence.map((e) => e.name).join("; "),
    },
  ];
  const statement: [string, string][] = [
    ...facts(r),
    ["Khó khăn, vướng mắc", r.difficulties],
    ["Kiến nghị, đề xuất", r.proposals],
  ];
  return [
    { name: "Nhiệm vụ", title: `Kết quả thực hiện nhiệm vụ — ${where}`, rows: r.tasks, columns: tasks },
    { name: "Chỉ tiêu", title: `Số liệu chỉ tiêu — ${where}`, rows: r.values, columns: values },
    {
      name: "Thông tin chung",
      title: `Báo cáo của ${where}`,
      rows: statement,
      columns: [
        { key: "item", header: "Mục", width: 24, value: (x: [string, string]) => x[0] },
        { key: "content", header: "Nội dung", width: 100, wrap: true, value: (x: [string, string]) => x[1] },
      ],
    },
  ];
}

const para = (text: string, style: { bold?: boolean; italics?: boolean } = {}, keepNext = false) =>
  new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text, style)],
  });

/** The report as a Word document (A4, Times New Roman): the unit over its rule, the title, facts, tables, its words. */
export async function reportDocx(r: TUnitReport): Promise<Buffer> {
  const header = officialHeader(TEXT_WIDTH, [
    centred(officialName(r.unit.name).toLocaleUpperCase("vi"), { bold: true, size: SIZE.header }),
  ]);
  const lines = (text: string) => textLines(text, "Không có.").map((l) => para(l));
  const children = [
    header,
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred("BÁO CÁO", { bold: true }),
    centred(`Kết quả thực hiện ${r.plan.title}`, { bold: true }),
    centred(r.period.label, { bold: true }, 240),
    ...facts(r).map(([k, v]) => para(`${k}: ${v}`)),
    para("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", { bold: true }, true),
    r.tasks.length
      ? dataTable<TReportTask>(
          TEXT_WIDTH,
          [
            { header: "TT", width: 5, align: "center", value: (_, i) => String(i + 1) },
            { header: "Nhiệm vụ", width: 34, value: (t) => t.text },
            { header: "Vai trò", width: 9, align: "center", value: (t) => ROLE_TEXT[t.role] },
            { header: "Thời hạn", width: 13, align: "center", value: deadlineOf },
            {
              header: "Tiến độ",
              width: 9,
              align: "center",
              value: (t) => (t.progress === null ? "" : `${t.progress}%`),
            },
            { header: "Kết quả thực hiện", width: 30, value: (t) => t.note ?? "" },
          ],
          r.tasks,
        )
      : para("Đơn vị không có nhiệm vụ trong kỳ."),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    para("II. SỐ LIỆU CHỈ TIÊU", { bold: true }, true),
    r.values.length
      ? dataTable<TReportValue>(
          TEXT_WIDTH,
          [
            { header: "TT", width: 5, align: "center", value: (_, i) => String(i + 1) },
            { header: "Chỉ tiêu", width: 38, value: (v) => v.targetText },
            {
              header: "Kế hoạch",
              width: 13,
              align: "center",
              value: (v) => plannedText(v.target.comparator, v.target.value, v.target.unit) ?? "",
            },
            {
              header: "Kết quả",
              width: 13,
              align: "center",
              value: (v) => [figureOf(v), v.value === null ? "" : v.indicator.unit].filter(Boolean).join(" "),
            },
            {
              header: "Ghi chú, minh chứng",
              width: 31,
              value: (v) => [v.note, ...v.evidence.map((e) => e.name)].filter(Boolean).join("; "),
            },
          ],
          r.values,
        )
      : para("Đơn vị không báo cáo số liệu chỉ tiêu trong kỳ."),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    para("III. KHÓ KHĂN, VƯỚNG MẮC", { bold: true }, true),
    ...lines(r.difficulties),
    para("IV. KIẾN NGHỊ, ĐỀ XUẤT", { bold: true }, true),
    ...lines(r.proposals),
  ];
  return officialDocx(`Báo cáo ${r.unit.name} — ${r.period.label}`, children);
}

/**
 * Báo cáo của đơn vị as a file: whoever may read the report (its own unit's staff, the
 * plan's reviewers) downloads it once it has been submitted — the workbook of its tables
 * or a PDF of the document (through LibreOffice, as the consolidated report).
 */
export async function reportDocument(
  db: Database,
  { format, pdf = {}, ...ref }: ReportRef & { format: ReportDocumentFormat; pdf?: PdfOptions },
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const stored = await readReport(db, ref);
  if (!stored.submittedAt) {
    throw conflict("Báo cáo chưa được nộp: tải bản báo cáo về sau khi nộp.");
  }
  // Text saved before the input was cleaned may hold characters XML forbids.
  const report = cleanTextDeep(stored);
  const bytes =
    format === "xlsx"
      ? await toXlsx(reportWorkbookTables(report), {
          title: `Báo cáo ${report.unit.name} — ${report.period.label}`,
        })
      : await docxToPdf(await reportDocx(report), pdf);
  return {
    bytes,
    contentType: EVIDENCE_TYPES[format],
    fileName: `bao-cao-${fileSlug(report.unit.name)}-${fileSlug(report.plan.code)}-${fileSlug(report.period.key)}.${format}`,
  };
}
