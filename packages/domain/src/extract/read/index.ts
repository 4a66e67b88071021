// Document readers (.txt, .docx, .pdf → clean NFC text) and read + extract in one call.
import { extractPlan } from "../index.ts";
import { type PlanDocumentInput, type ReadOptions, readPlanDocument } from "./read.ts";

export { DEFAULT_DOCX_LIMITS, type DocxLimits, inspectOfficeZip, XLSX_KIND } from "./docx.ts";
export { closePdfWorker } from "./pdf.ts";
export {
  assertFileSize,
  DEFAULT_MAX_BYTES,
  type PlanDocument,
  type PlanDocumentInput,
  type ReadOptions,
  readPlanDocument,
} from "./read.ts";
export type { DocumentFormat } from "./sniff.ts";

/** Read + extract in one call: for the CLI and the server's import route. */
export async function extractPlanFromFile(
  input: PlanDocumentInput,
  options: ReadOptions = {},
): Promise<ReturnType<typeof extractPlan>> {
  const { text } = await readPlanDocument(input, options);
  return extractPlan(text);
}
