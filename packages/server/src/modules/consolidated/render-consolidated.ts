import type { TConsolidatedFormat, TConsolidatedReport } from "@dtplan/contracts";
import { cleanTextDeep } from "@dtplan/domain/text/clean.ts";
import { EVIDENCE_TYPES } from "../evidence/file-types.ts";
import { renderDocx } from "./render-docx.ts";
import { docxToPdf, type PdfOptions } from "./render-pdf.ts";
import { renderXlsx } from "./render-xlsx.ts";
import { fileSlug } from "./vi-format.ts";

export const CONSOLIDATED_CONTENT_TYPES: Record<TConsolidatedFormat, string> = {
  docx: EVIDENCE_TYPES.docx,
  xlsx: EVIDENCE_TYPES.xlsx,
  pdf: EVIDENCE_TYPES.pdf,
};

/** `bao-cao-chau-thanh-2025-2025-Q2.docx`: the plan's code and the period's key. */
export function consolidatedFileName(report: TConsolidatedReport, format: TConsolidatedFormat): string {
  return `bao-cao-${fileSlug(report.plan.code)}-${fileSlug(report.period.key)}.${format}`;
}

/** The report as a file: Word (Decree 30 layout), Excel (its tables) or PDF (the Word through LibreOffice). */
export async function renderConsolidated(
  stored: TConsolidatedReport,
  format: TConsolidatedFormat,
  pdf: PdfOptions = {},
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  // Text saved before the input was cleaned may hold characters XML forbids (one U+FFFE
  // made the Word file unopenable).
  const report = cleanTextDeep(stored);
  const bytes =
    format === "xlsx"
      ? await renderXlsx(report)
      : format === "docx"
        ? await renderDocx(report)
        : await docxToPdf(await renderDocx(report), pdf);
  return {
    bytes,
    contentType: CONSOLIDATED_CONTENT_TYPES[format],
    fileName: consolidatedFileName(report, format),
  };
}
