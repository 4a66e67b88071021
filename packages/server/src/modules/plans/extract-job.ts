// What an import worker does with one plan: read the uploaded file (.txt/.docx/.pdf)
// and extract it, or extract a stored source text again with the column roles the
// focal officer fixed. Runs inside a worker thread (extract-worker.mjs), never on the
// server's event loop; a reader's refusal comes back as a PlanExtractError.
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { readPlanDocument } from "@dtplan/domain/extract/read/index.ts";
import type { ExtractOptions, PlanExtract } from "@dtplan/domain/extract/types.ts";

export type ExtractJob =
  | { bytes: Uint8Array; fileName: string; options?: ExtractOptions }
  | { text: string; options?: ExtractOptions };

export interface ExtractJobResult {
  extract: PlanExtract;
  format: string;
}

export async function runExtractJob(job: ExtractJob): Promise<ExtractJobResult> {
  if ("text" in job) return { extract: extractPlan(job.text, job.options), format: "txt" };
  const document = await readPlanDocument(job);
  return { extract: extractPlan(document.text, job.options), format: document.format };
}
