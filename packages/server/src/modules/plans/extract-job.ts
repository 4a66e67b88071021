// What an import worker does with one uploaded file: read it (.txt/.docx/.pdf) and
// extract the plan. Runs inside a worker thread (extract-worker.mjs), never on the
// server's event loop; a reader's refusal comes back as a PlanExtractError.
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { readPlanDocument } from "@dtplan/domain/extract/read/index.ts";
import type { PlanExtract } from "@dtplan/domain/extract/types.ts";

export interface ExtractJob {
  bytes: Uint8Array;
  fileName: string;
}

export interface ExtractJobResult {
  extract: PlanExtract;
  format: string;
}

export async function runExtractJob(job: ExtractJob): Promise<ExtractJobResult> {
  const document = await readPlanDocument(job);
  return { extract: extractPlan(document.text), format: document.format };
}
