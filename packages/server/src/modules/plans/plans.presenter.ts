import type {
  TPillar,
  TPlanDetail,
  TPlanDiff,
  TPlanSummary,
  TPlanTarget,
  TPlanTask,
} from "@dtplan/contracts";
import { planDocumentFacts } from "@dtplan/domain/plans/document-facts.ts";
import type { PlanRow, PlanTargetRow, PlanTaskRow } from "../../db/schema.ts";
import type { PlanBundle } from "./plans.repository.ts";

type Names = Pick<PlanBundle, "unitNames" | "indicators"> & Partial<Pick<PlanBundle, "targetUnits">>;

const span = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };

export function presentPlanSummary(row: PlanRow, unitName: string): TPlanSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    unit: { id: row.unitId, name: unitName },
    ...planDocumentFacts(row),
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** What a target and a task share: identity, place in the plan, pillar and section. */
const itemHead = (row: PlanTargetRow | PlanTaskRow) => ({
  id: row.id,
  key: row.key,
  position: row.position,
  pillar: row.pillar as TPillar,
  section: row.section,
});

export function presentTarget(row: PlanTargetRow, names: Names): TPlanTarget {
  return {
    ...itemHead(row),
    text: row.text,
    value: row.value === null ? null : Number(row.value),
    unit: row.unit,
    comparator: row.comparator,
    year: row.year,
    scope: row.scope,
    indicator: row.indicatorCode
      ? {
          code: row.indicatorCode,
          name: names.indicators.get(row.indicatorCode)?.name ?? null,
          score: row.indicatorScore,
          confirmed: row.indicatorConfirmed,
        }
      : null,
    indicatorSuggestions: row.indicatorSuggestions,
    reportingUnits: (names.targetUnits ?? [])
      .filter((a) => a.targetKey === row.key)
      .map((a) => ({ id: a.unitId, name: names.unitNames.get(a.unitId) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
    source: span(row.sourceStart, row.sourceEnd),
    confidence: row.confidence,
    version: row.version,
  };
}

export function presentTask(row: PlanTaskRow, names: Names): TPlanTask {
  const unit = (id: string | null) => (id ? { id, name: names.unitNames.get(id) ?? "" } : null);
  const suggestions = (list: { unitId: string; score: number }[]) =>
    list.map((s) => ({ unitId: s.unitId, unitName: names.unitNames.get(s.unitId) ?? "", score: s.score }));
  return {
    ...itemHead(row),
    kind: row.kind,
    text: row.text,
    lead: {
      unit: unit(row.leadUnitId),
      text: row.leadText,
      score: row.leadScore,
      none: row.leadNone,
      suggestions: suggestions(row.leadSuggestions),
    },
    coordinators: row.coordinators.map((c) => ({
      unit: unit(c.unitId),
      text: c.text,
      score: c.score,
      suggestions: suggestions(c.suggestions),
    })),
    deadline:
      row.deadlineText === null && row.deadlineDate === null
        ? null
        : { text: row.deadlineText, date: row.deadlineDate },
    recurring: row.recurring,
    cadence: row.cadence,
    source: span(row.sourceStart, row.sourceEnd),
    confidence: row.confidence,
    version: row.version,
    progress: row.progress,
    completedAt: row.completedAt,
  };
}

export function presentPlanDetail(bundle: PlanBundle): TPlanDetail {
  const { plan } = bundle;
  const ref = (code: string | null) => (code ? { code, title: bundle.planTitles.get(code) ?? code } : null);
  return {
    ...presentPlanSummary(plan, bundle.unitNames.get(plan.unitId) ?? ""),
    issuer: plan.issuer,
    locality: plan.locality,
    signer: plan.signerName ? { name: plan.signerName, title: plan.signerTitle } : null,
    parentPlan: ref(plan.parentPlanCode),
    implementsPlan: ref(plan.implementsPlanCode),
    sourceFileName: plan.sourceFileName,
    sourceFormat: plan.sourceFormat,
    amendmentReason: plan.amendmentReason,
    objectives: plan.objectives,
    targets: bundle.targets.map((t) => presentTarget(t, bundle)),
    tasks: bundle.tasks.map((t) => presentTask(t, bundle)),
    legalBases: bundle.legalBases.map((l) => ({
      id: l.id,
      type: l.type,
      number: l.number,
      date: l.date,
      issuer: l.issuer,
      text: l.text,
      linkedPlan: ref(l.linkedPlanCode),
    })),
    reportingRules: bundle.reportingRules.map((r) => ({
      id: r.id,
      frequency: r.frequency,
      due:
        r.dueDay === null
          ? null
          : { day: r.dueDay, month: r.dueLastOfPeriod ? ("last-of-period" as const) : (r.dueMonth ?? 12) },
      text: r.text,
    })),
    budget: bundle.budget
      ? {
          total: bundle.budget.total,
          currency: "VND",
          sources: bundle.budget.sources,
          text: bundle.budget.text,
        }
      : null,
  };
}

/** What publishing answers: the frozen plan, the warnings that did not block it, the changes. */
export function presentPublishResult(result: {
  snapshot: TPlanDetail;
  warnings: string[];
  diff: TPlanDiff | null;
}) {
  return { plan: result.snapshot, warnings: result.warnings, diff: result.diff };
}
