/**
 * The public page's presenters: explicit allow-lists, built field by field. Nothing
 * here spreads a row — a column added to a table later never reaches the public by
 * accident. No person (signer, author, reporter, reviewer), no user id, no evidence,
 * no comment, direction, difficulty, proposal or return comment, no unit uuid.
 */
import type {
  TPlanAttainment,
  TPublicPillar,
  TPublicPlanDetail,
  TPublicPlanSummary,
  TPublicProvince,
  TPublicTaskProgress,
  TTargetAttainment,
} from "@dtplan/contracts";
import { isPillar, PILLAR_KEYS, type Pillar } from "@dtplan/domain/indicators/pillars.ts";
import { planDocumentFacts } from "@dtplan/domain/plans/document-facts.ts";
import type { TaskStatus } from "@dtplan/domain/tasks/status.ts";
import { type DueDate, progressOn } from "@dtplan/domain/tasks/summary.ts";
import type {
  OrgUnitRow,
  PlanHead,
  PlanLegalBasisRow,
  PlanReportingRuleRow,
  PlanTaskRow,
} from "../../db/schema.ts";

/** The task columns the public page shows. */
export type TaskFacts = Pick<
  PlanTaskRow,
  | "pillar"
  | "text"
  | "leadUnitId"
  | "leadText"
  | "deadlineDate"
  | "deadlineText"
  | "recurring"
  | "progress"
  | "completedAt"
>;

/** `VLG` → `vlg`: the province's root unit code, lower case, URL-safe. */
export function provinceSlug(root: Pick<OrgUnitRow, "code">): string {
  return root.code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function presentProvince(root: Pick<OrgUnitRow, "code" | "name">): TPublicProvince {
  return { slug: provinceSlug(root), name: root.name };
}

export function taskProgress(
  tasks: readonly { progress: number | null; status: TaskStatus }[],
): TPublicTaskProgress {
  // One pass: a province plan's page counts its tasks for each pillar and for the whole plan.
  let done = 0;
  let inProgress = 0;
  let notStarted = 0;
  let overdue = 0;
  let sum = 0;
  for (const t of tasks) {
    if (t.status === "done" || t.status === "done_late") done++;
    else if (t.status === "in_progress") inProgress++;
    else if (t.status === "not_started") notStarted++;
    else if (t.status === "overdue") overdue++;
    sum += Math.min(100, Math.max(0, t.progress ?? 0));
  }
  return {
    total: tasks.length,
    done,
    inProgress,
    notStarted,
    overdue,
    averageProgress: tasks.length ? Math.round(sum / tasks.length) : null,
  };
}

/** A plan row of the public list as SQL returns it: the plan, its province and issuer, its summary. */
export interface ListedPlanRow {
  code: string;
  title: string;
  kind: PlanHead["kind"];
  period_start: number | null;
  period_end: number | null;
  vision_year: number | null;
  document_number: string | null;
  issued_date: string | Date | null;
  version: number;
  issuer: string | null;
  province_code: string;
  province_name: string;
  unit_name: string | null;
  target_count: number | null;
  task_total: number | null;
  task_done: number | null;
  task_done_late: number | null;
  task_started: number | null;
  progress_sum: number | null;
  due_dates: DueDate[] | string | null;
  total: number | string;
}

const isoDate = (d: string | Date | null) =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** A row of the public list, its task figures read from the plan's stored summary on `today`. */
export function presentListedPlan(r: ListedPlanRow, today: string): TPublicPlanSummary {
  const dueDates: DueDate[] = typeof r.due_dates === "string" ? JSON.parse(r.due_dates) : (r.due_dates ?? []);
  const progress = progressOn(
    {
      total: r.task_total ?? 0,
      done: r.task_done ?? 0,
      doneLate: r.task_done_late ?? 0,
      started: r.task_started ?? 0,
      progressSum: r.progress_sum ?? 0,
      dueDates,
    },
    today,
  );
  return {
    province: presentProvince({ code: r.province_code, name: r.province_name }),
    code: r.code,
    title: r.title,
    issuingUnit: r.unit_name ?? r.issuer ?? "—",
    kind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    visionYear: r.vision_year,
    documentNumber: r.document_number,
    issuedDate: isoDate(r.issued_date),
    version: r.version,
    targetCount: r.target_count ?? 0,
    taskCount: progress.total,
    progress,
  };
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function presentPlanSummary(input: {
  plan: PlanHead;
  province: OrgUnitRow;
  issuingUnit: OrgUnitRow | null;
  targetCount: number;
  tasks: readonly { progress: number | null; status: TaskStatus }[];
}): TPublicPlanSummary {
  const { plan } = input;
  return {
    province: presentProvince(input.province),
    code: plan.code,
    title: plan.title,
    issuingUnit: input.issuingUnit?.name ?? plan.issuer ?? "—",
    ...planDocumentFacts(plan),
    version: plan.version,
    targetCount: input.targetCount,
    taskCount: input.tasks.length,
    progress: taskProgress(input.tasks),
  };
}

export function presentPlanDetail(input: {
  plan: PlanHead;
  province: OrgUnitRow;
  issuingUnit: OrgUnitRow | null;
  targetCount: number;
  tasks: (TaskFacts & { status: TaskStatus })[];
  leadNames: ReadonlyMap<string, string>;
  /** The attainment shown: the period, the counts and each target's figure (no units, no tree). */
  attainment: Pick<TPlanAttainment, "period" | "counts"> & {
    targets: readonly Omit<TTargetAttainment, "expectedUnits" | "tree">[];
  };
  legalBases: readonly PlanLegalBasisRow[];
  rules: readonly PlanReportingRuleRow[];
}): TPublicPlanDetail {
  const { plan, attainment } = input;
  // Each target and task in its pillar's bucket, in one pass; the pillars in the domain's order.
  const pillarOf = (p: string): Pillar => (isPillar(p) ? p : "other");
  const byPillar = new Map<
    Pillar,
    { targets: (typeof attainment.targets)[number][]; tasks: typeof input.tasks }
  >(PILLAR_KEYS.map((pillar) => [pillar, { targets: [], tasks: [] }]));
  for (const t of attainment.targets) byPillar.get(pillarOf(t.pillar))?.targets.push(t);
  for (const t of input.tasks) byPillar.get(pillarOf(t.pillar))?.tasks.push(t);
  const pillars: TPublicPillar[] = PILLAR_KEYS.map((pillar) => {
    const { targets, tasks } = byPillar.get(pillar) as {
      targets: (typeof attainment.targets)[number][];
      tasks: typeof input.tasks;
    };
    return {
      pillar,
      targets: targets.map((t) => ({
        text: t.text,
        comparator: t.comparator,
        targetValue: t.targetValue,
        unit: t.unit,
        year: t.year,
        indicator: t.indicator?.name ?? null,
        value: round2(t.value),
        attainment: t.attainment,
      })),
      tasks: tasks.map((t) => ({
        text: t.text,
        leadUnit: (t.leadUnitId ? input.leadNames.get(t.leadUnitId) : null) ?? t.leadText ?? null,
        deadline: t.deadlineDate,
        deadlineText: t.deadlineText,
        recurring: t.recurring,
        status: t.status,
        progress: Math.min(100, Math.max(0, t.progress ?? 0)),
      })),
      progress: taskProgress(tasks),
    };
  }).filter((p) => p.targets.length > 0 || p.tasks.length > 0);
  return {
    ...presentPlanSummary({
      plan,
      province: input.province,
      issuingUnit: input.issuingUnit,
      targetCount: input.targetCount,
      tasks: input.tasks,
    }),
    issuer: plan.issuer,
    objectives: [...plan.objectives],
    resultPeriod: attainment.period
      ? { key: attainment.period.key, label: attainment.period.label, end: attainment.period.end }
      : null,
    attainmentCounts: {
      achieved: attainment.counts.achieved,
      near: attainment.counts.near,
      notAchieved: attainment.counts.notAchieved,
      noData: attainment.counts.noData,
      qualitative: attainment.counts.qualitative,
    },
    pillars,
    legalBases: input.legalBases.map((b) => ({
      type: b.type,
      number: b.number,
      date: b.date,
      issuer: b.issuer,
      text: b.text,
    })),
    reportingRules: input.rules.map((r) => ({ frequency: r.frequency, text: r.text })),
  };
}
