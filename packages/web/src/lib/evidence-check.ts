import { EVIDENCE_EXTENSIONS } from "@dtplan/domain/tasks/evidence-files.ts";

export { evidenceFileProblem } from "@dtplan/domain/tasks/evidence-files.ts";

/** The file picker's filter: only the types the server accepts are offered. */
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(",");
