import type { TExtractedTable, TPlanReview } from "@dtplan/contracts";
import type { ExtractedTable, UnparsedBlock } from "@dtplan/domain/extract/types.ts";
import { presentPlanDetail } from "./plans.presenter.ts";
import type { PlanBundle } from "./plans.repository.ts";
import { openUnparsed, publishCheck, REVIEW_CONFIDENCE } from "./publish-plan.ts";

/** A stored table as the review screen gets it (every optional field filled). */
function presentTable(t: ExtractedTable): TExtractedTable {
  return {
    id: t.id,
    kind: t.kind,
    source: t.source,
    columns: t.columns.map((c) => ({ header: c.header, role: c.role, year: c.year ?? null })),
    rows: t.rows.map((r) => ({ source: r.source, cells: r.cells, group: r.group ?? false })),
  };
}

export function presentReview(bundle: PlanBundle): TPlanReview {
  const plan = presentPlanDetail(bundle);
  const extraction = (bundle.plan.extraction ?? {}) as {
    unparsed?: UnparsedBlock[];
    warnings?: string[];
    tables?: ExtractedTable[];
  };
  const cells = new Map(
    [...bundle.targets, ...bundle.tasks].map((row) => [row.id, row.sourceCell ?? null] as const),
  );
  const queue = [
    ...plan.targets.map((t) => ({
      type: "target" as const,
      id: t.id,
      confidence: t.confidence,
      source: t.source,
    })),
    ...plan.tasks.map((t) => ({
      type: "task" as const,
      id: t.id,
      confidence: t.confidence,
      source: t.source,
    })),
  ]
    .map((q) => ({ ...q, cell: cells.get(q.id) ?? null }))
    .map((q, i) => ({ ...q, i, flagged: q.confidence < REVIEW_CONFIDENCE }))
    .sort((a, b) => a.confidence - b.confidence || a.i - b.i)
    .map(({ i: _, ...q }) => q);
  return {
    plan,
    sourceText: bundle.plan.sourceText,
    queue,
    unparsed: openUnparsed(bundle).map((u) => ({
      text: u.text,
      section: u.section,
      source: u.source,
    })),
    warnings: extraction.warnings ?? [],
    tables: (extraction.tables ?? []).map(presentTable),
    publishCheck: publishCheck(bundle),
  };
}
