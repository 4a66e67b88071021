import { ATTAINMENT_STATUSES } from "@dtplan/domain/attainment/attainment.ts";
import { TRENDS } from "@dtplan/domain/attainment/trend.ts";
import { BULK_OUTCOMES, BULK_REVIEW_ACTIONS } from "@dtplan/domain/bulk/outcomes.ts";
import { numeratorExceedsDenominator } from "@dtplan/domain/reporting/figures.ts";
import {
  REPORT_EVENT_ACTIONS,
  REPORT_STATUSES,
  REPORTING_FREQUENCIES,
} from "@dtplan/domain/reporting/lists.ts";
import { TIMELINESS } from "@dtplan/domain/reporting/timeliness.ts";
import { REPORTING_ROLES, TASK_ROLES } from "@dtplan/domain/reporting/who-reports.ts";
import { z } from "zod";
import { ZIsoDate, ZPeriodKey, ZPersonRef, ZPlanCode, ZUnitRef, ZUuid } from "./common.ts";
import { ZIndicatorAggregation, ZIndicatorDirection } from "./indicators.ts";
import { ZEvidenceFile } from "./tasks.ts";

export const ZPeriodParams = z.object({ code: ZPlanCode, key: ZPeriodKey });
export const ZReportParams = z.object({ code: ZPlanCode, key: ZPeriodKey, unitId: ZUuid });

export const ZReportingFrequency = z.enum(REPORTING_FREQUENCIES);
export type TReportingFrequency = z.infer<typeof ZReportingFrequency>;

/** Trạng thái báo cáo — draft → submitted → returned (with a comment) or approved (locked). */
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

/**
 * Tính kịp thời of one unit in one period: `on_time` / `late` by its first submission
 * against the due date; never submitted: `missing` once the due date has passed,
 * `not_due` before.
 */
export const ZTimeliness = z.enum(TIMELINESS);
export type TTimeliness = z.infer<typeof ZTimeliness>;

/**
 * Completeness and timeliness of a period. Two partitions of `expected` (the units
 * that must report): by timeliness `onTime + late + missing + notDue`, and by the
 * report's state `notStarted + draft + submitted + returned + approved`.
 */
export const ZPeriodCounts = z.object({
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  notDue: z.number().int(),
  notStarted: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
});
export type TPeriodCounts = z.infer<typeof ZPeriodCounts>;

/** Kỳ báo cáo without counts (inside a report, an event …). */
export const ZReportingPeriodRef = z.object({
  key: z.string(),
  label: z.string(),
  frequency: ZReportingFrequency,
  /** First and last day of the data the report covers (inclusive). */
  start: ZIsoDate,
  end: ZIsoDate,
  dueDate: ZIsoDate,
  adhoc: z.boolean(),
});
export type TReportingPeriodRef = z.infer<typeof ZReportingPeriodRef>;

/** One of the caller's own units that reports in a period (for "báo cáo của tôi"). */
export const ZMyPeriodReport = z.object({
  unit: ZUnitRef,
  status: ZReportStatus.nullable(),
  timeliness: ZTimeliness,
  canEdit: z.boolean(),
});

/** Kỳ báo cáo of a plan, with completeness and timeliness. */
export const ZReportingPeriod = ZReportingPeriodRef.extend({
  id: z.uuid(),
  /** Set when the focal officer changed the dates the calendar gave. */
  adjusted: z.object({ by: ZPersonRef, at: z.string(), reason: z.string().nullable() }).nullable(),
  /** Vietnam today is after the due date. */
  overdue: z.boolean(),
  counts: ZPeriodCounts,
  /** The caller's units that report in this period (empty for officers who only review). */
  mine: z.array(ZMyPeriodReport),
  /**
   * Units that lead or coordinate tasks of the plan but closed before the period ended with
   * no successor: nobody reports their tasks until their work is passed on (chuyển công việc).
   */
  unowned: z.array(ZUnitRef),
});
export type TReportingPeriod = z.infer<typeof ZReportingPeriod>;

/** `GET /api/plans/{code}/periods`. */
export const ZPlanPeriods = z.object({
  plan: z.object({ code: z.string(), title: z.string(), unit: ZUnitRef }),
  today: ZIsoDate,
  periods: z.array(ZReportingPeriod),
  /** `manage`: adjust dates and open ad hoc periods (focal officer / leader). */
  can: z.object({ manage: z.boolean() }),
});
export type TPlanPeriods = z.infer<typeof ZPlanPeriods>;

const dateOrder = <T extends { start?: string; end?: string; dueDate?: string }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.start && v.end && v.start > v.end) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "Ngày kết thúc phải sau ngày bắt đầu" });
  }
  if (v.start && v.dueDate && v.dueDate < v.start) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Hạn báo cáo phải sau ngày bắt đầu kỳ" });
  }
};

/** `PATCH /api/plans/{code}/periods/{key}` — điều chỉnh kỳ báo cáo. */
export const ZAdjustPeriod = z
  .object({
    label: z.string().trim().min(1, "Nhập tên kỳ báo cáo").max(200).optional(),
    start: ZIsoDate.optional(),
    end: ZIsoDate.optional(),
    dueDate: ZIsoDate.optional(),
    reason: z.string().trim().max(1000).optional(),
  })
  .superRefine(dateOrder);
export type TAdjustPeriod = z.infer<typeof ZAdjustPeriod>;

/** `POST /api/plans/{code}/periods` — mở kỳ báo cáo đột xuất. The key is generated (`2025-A1`). */
export const ZOpenAdhocPeriod = z
  .object({
    label: z.string().trim().min(1, "Nhập tên kỳ báo cáo").max(200),
    start: ZIsoDate,
    end: ZIsoDate,
    dueDate: ZIsoDate,
  })
  .superRefine(dateOrder);
export type TOpenAdhocPeriod = z.infer<typeof ZOpenAdhocPeriod>;

/** One row of the chase screen (`GET …/periods/{key}/status`). */
export const ZPeriodUnitStatus = z.object({
  unit: ZUnitRef,
  /** Null: the unit has not opened its report yet. */
  reportId: z.uuid().nullable(),
  status: ZReportStatus.nullable(),
  timeliness: ZTimeliness,
  /** First submission (timeliness is judged on it) and the latest one. */
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Days after the due date: of the first submission, or of today while missing; 0 when on time. */
  daysLate: z.number().int().nullable(),
  reviewedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  /** Whether the unit leads tasks of the plan, only coordinates, or only reports targets assigned to it. */
  role: z.enum(REPORTING_ROLES),
  taskCount: z.number().int(),
  /** Chỉ tiêu the unit is assigned to report. */
  targetCount: z.number().int(),
  /** No active account may report for the unit: the focal officer enters its report (nhập thay). */
  noAccount: z.boolean(),
  /** The report was entered on the unit's behalf by the focal officer. */
  onBehalf: z.boolean(),
});
export type TPeriodUnitStatus = z.infer<typeof ZPeriodUnitStatus>;

export const ZPeriodStatus = z.object({
  plan: z.object({ code: z.string(), title: z.string() }),
  today: ZIsoDate,
  period: ZReportingPeriod,
  units: z.array(ZPeriodUnitStatus),
  /** The caller (the focal officer) enters the reports of units without an account (nhập thay). */
  /** `review`: the caller approves and returns the period's reports (one by one or several at once). */
  can: z.object({ enterOnBehalf: z.boolean(), review: z.boolean() }),
});
export type TPeriodStatus = z.infer<typeof ZPeriodStatus>;

/** One task in a unit's report: last progress known and this report's figure. */
export const ZReportTask = z.object({
  key: z.uuid(),
  taskId: z.uuid(),
  text: z.string(),
  pillar: z.string(),
  role: z.enum(TASK_ROLES),
  deadline: z.object({ text: z.string().nullable(), date: ZIsoDate.nullable() }),
  recurring: z.boolean(),
  /** The task's progress before this report (tasks module). */
  lastProgress: z.number().int().nullable(),
  /** Tiến độ (%) in this report; required for led tasks on submit. */
  progress: z.number().int().nullable(),
  /** Kết quả thực hiện — what was done. */
  note: z.string().nullable(),
  /** Coordinated tasks: progress is the lead unit's; only a note is asked for. */
  progressRequired: z.boolean(),
});
export type TReportTask = z.infer<typeof ZReportTask>;

/** One indicator figure in a unit's report, for a target of the plan. */
export const ZReportValue = z.object({
  targetKey: z.uuid(),
  targetText: z.string(),
  pillar: z.string(),
  target: z.object({
    comparator: z.string().nullable(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
  }),
  indicator: z.object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    aggregation: ZIndicatorAggregation,
    direction: ZIndicatorDirection,
    numeratorLabel: z.string().nullable(),
    denominatorLabel: z.string().nullable(),
  }),
  /** Ratio indicators ask for numerator and denominator; the others for `value`. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** As sent, or computed (numerator / denominator × 100) for a ratio. */
  value: z.number().nullable(),
  note: z.string().nullable(),
  evidence: z.array(ZEvidenceFile),
  required: z.boolean(),
});
export type TReportValue = z.infer<typeof ZReportValue>;

/** `GET …/periods/{key}/reports/{unitId}` — the unit's report form (created as a draft on first open). */
export const ZUnitReport = z.object({
  id: z.uuid(),
  plan: z.object({ code: z.string(), title: z.string() }),
  period: ZReportingPeriodRef,
  unit: ZUnitRef,
  status: ZReportStatus,
  statusLabel: z.string(),
  /** Optimistic lock: send it back with every save and action; 409 when it moved. */
  version: z.number().int(),
  /** Khó khăn, vướng mắc. */
  difficulties: z.string(),
  /** Kiến nghị, đề xuất. */
  proposals: z.string(),
  locked: z.boolean(),
  timeliness: ZTimeliness,
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: ZPersonRef,
  reviewedAt: z.string().nullable(),
  reviewedBy: ZPersonRef,
  returnComment: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: ZPersonRef,
  /**
   * Nhập thay: the focal officer who filled (and submitted) the report for a unit without
   * an account; null when the unit's own reporter did.
   */
  onBehalfBy: ZPersonRef,
  tasks: z.array(ZReportTask),
  values: z.array(ZReportValue),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    /** The caller edits as the focal officer for a unit without an account (nhập thay). */
    onBehalf: z.boolean(),
    review: z.boolean(),
    reopen: z.boolean(),
  }),
});
export type TUnitReport = z.infer<typeof ZUnitReport>;

const ZFigure = z.number().finite().min(0, "Số liệu không được âm").nullable().optional();

export const ZSaveReportTask = z.object({
  key: ZUuid,
  progress: z
    .number()
    .int("Tiến độ phải là số nguyên")
    .min(0, "Tiến độ không được nhỏ hơn 0%")
    .max(100, "Tiến độ không được vượt quá 100%")
    .nullable()
    .optional(),
  note: z.string().trim().max(5000).nullable().optional(),
});

export const ZSaveReportValue = z
  .object({
    targetKey: ZUuid,
    numerator: ZFigure,
    denominator: ZFigure,
    value: z.number().finite().nullable().optional(),
    note: z.string().trim().max(5000).nullable().optional(),
    evidenceFileIds: z.array(ZUuid).max(50).optional(),
  })
  .superRefine((v, ctx) => {
    if (numeratorExceedsDenominator(v.numerator, v.denominator)) {
      ctx.addIssue({ code: "custom", path: ["numerator"], message: "Tử số không được lớn hơn mẫu số" });
    }
  });

/**
 * `PUT …/reports/{unitId}` — lưu nháp (autosave). Lists are partial: only the tasks
 * and values sent are changed. `version` is the one the form was loaded with.
 */
export const ZSaveReport = z.object({
  version: z.number().int().min(1),
  difficulties: z.string().max(20_000).optional(),
  proposals: z.string().max(20_000).optional(),
  tasks: z.array(ZSaveReportTask).max(1000).optional(),
  values: z.array(ZSaveReportValue).max(1000).optional(),
});
export type TSaveReport = z.infer<typeof ZSaveReport>;

/** `POST …/submit` and `…/approve`: the version the caller saw. */
export const ZReportAction = z.object({ version: z.number().int().min(1).optional() });
export type TReportAction = z.infer<typeof ZReportAction>;

/** `POST …/return` — trả lại với ý kiến. */
export const ZReturnReport = z.object({
  version: z.number().int().min(1).optional(),
  comment: z.string().trim().min(1, "Nhập lý do trả lại báo cáo").max(5000),
});
export type TReturnReport = z.infer<typeof ZReturnReport>;

/** `POST …/reopen` — mở lại báo cáo đã duyệt (ghi nhật ký). */
export const ZReopenReport = z.object({
  reason: z.string().trim().min(1, "Nhập lý do mở lại báo cáo").max(5000),
});
export type TReopenReport = z.infer<typeof ZReopenReport>;

export const ZReportEventAction = z.enum(REPORT_EVENT_ACTIONS);

/** One line of a report's history (`GET …/history`), oldest first. */
export const ZReportEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: ZPersonRef,
  action: ZReportEventAction,
  fromStatus: ZReportStatus.nullable(),
  toStatus: ZReportStatus,
  comment: z.string().nullable(),
  /** Vietnamese summary ("Nộp báo cáo (trễ 3 ngày)"). */
  summary: z.string(),
});
export type TReportEvent = z.infer<typeof ZReportEvent>;
export const ZReportHistory = z.object({ reportId: z.uuid(), events: z.array(ZReportEvent) });
export type TReportHistory = z.infer<typeof ZReportHistory>;

export const ZAttainmentStatus = z.enum(ATTAINMENT_STATUSES);
export const ZTrend = z.enum(TRENDS);

export const ZAttainmentQuery = z.object({
  /** Period key; default the latest period with submitted reports. */
  period: ZPeriodKey.optional(),
});

/** A figure of one unit of the tree (a reporting unit or an aggregate of those below it). */
export const ZAttainmentNode = z.object({
  unit: ZUnitRef,
  parentId: z.uuid().nullable(),
  /** The unit itself reported (else the figure aggregates units below it). */
  reported: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Reporting units counted in this figure. */
  units: z.number().int(),
});

/** The target itself as the figures' screens show it: its text, pillar and planned value. */
export const ZTargetFacts = z.object({
  targetKey: z.uuid(),
  text: z.string(),
  pillar: z.string(),
  comparator: z.string().nullable(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
});

/** How a target's rolled-up figure stands: from how many of its units, mức độ đạt, trend. */
export const ZFigureStanding = z.object({
  reportingUnits: z.number().int(),
  /**
   * Units assigned to report the target in the period (its explicit reporting units, through
   * lineage): the figure is "từ reportingUnits/expectedUnits đơn vị".
   */
  expectedUnits: z.number().int(),
  attainment: ZAttainmentStatus,
  attainmentLabel: z.string(),
  trend: ZTrend,
  trendLabel: z.string(),
});

export const ZTargetAttainment = z.object({
  ...ZTargetFacts.shape,
  indicator: z
    .object({
      code: z.string(),
      name: z.string(),
      aggregation: ZIndicatorAggregation,
      direction: ZIndicatorDirection,
    })
    .nullable(),
  /** The plan unit's figure: the units' figures rolled up by the indicator's rule. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ...ZFigureStanding.shape,
  /** The rolled-up figure in each period of the plan so far (oldest first). */
  series: z.array(z.object({ periodKey: z.string(), label: z.string(), value: z.number().nullable() })),
  /** The org tree under the plan's unit, each node with its aggregated figure. */
  tree: z.array(ZAttainmentNode),
});
export type TTargetAttainment = z.infer<typeof ZTargetAttainment>;

/** Targets counted by mức độ đạt. */
export const ZAttainmentStatusCounts = z.object({
  achieved: z.number().int(),
  near: z.number().int(),
  notAchieved: z.number().int(),
  noData: z.number().int(),
  qualitative: z.number().int(),
});

/** Kịp thời over the reports due so far (a report not yet due does not count). */
export const ZTimelinessCounts = z.object({
  /** Reports due so far: on time + late + missing. */
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Share of due reports sent on time (0–100); null when none was due. */
  onTimePercent: z.number().nullable(),
});
export type TTimelinessCounts = z.infer<typeof ZTimelinessCounts>;

/** Tasks counted: done, overdue, and their average progress (0–100, null without tasks). */
export const ZTaskProgressCounts = z.object({
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  averageProgress: z.number().nullable(),
});

/** `GET /api/plans/{code}/attainment?period=KEY`. Counts submitted and approved reports. */
export const ZPlanAttainment = z.object({
  plan: z.object({ code: z.string(), title: z.string() }),
  period: ZReportingPeriodRef.nullable(),
  thresholds: z.object({ near: z.number() }),
  counts: ZAttainmentStatusCounts,
  targets: z.array(ZTargetAttainment),
});
export type TPlanAttainment = z.infer<typeof ZPlanAttainment>;

/**
 * `POST /plans/:code/periods/:key/reports/bulk-review` — duyệt or trả lại several units'
 * reports of the period at once (one reason for all returns). `preview: true` runs the
 * same checks and changes nothing; send back the versions it gave so that only what was
 * previewed changes.
 */
export const ZBulkReview = z
  .object({
    action: z.enum(BULK_REVIEW_ACTIONS),
    comment: z.string().trim().max(5000).optional(),
    items: z
      .array(z.object({ unitId: ZUuid, version: z.number().int().min(1).optional() }))
      .min(1, "Chọn ít nhất một báo cáo")
      .max(500, "Mỗi lần xử lý tối đa 500 báo cáo"),
    preview: z.boolean().default(false),
  })
  .refine((b) => b.action !== "return" || (b.comment ?? "").length > 0, {
    message: "Nhập lý do trả lại báo cáo",
    path: ["comment"],
  });
export type TBulkReview = z.infer<typeof ZBulkReview>;

/** What the bulk act did (or, in a preview, would do) to each report. */
export const ZBulkReviewItem = z.object({
  unit: ZUnitRef,
  outcome: z.enum(BULK_OUTCOMES),
  /** Why the report is left as it was (the single act's refusal). */
  reason: z.string().nullable(),
  /** The report's status after the act (or, skipped, as it stands); null when the unit has no report. */
  status: ZReportStatus.nullable(),
  /** The version the act started from: send it back to confirm a preview. */
  version: z.number().int().nullable(),
});
export const ZBulkReviewResult = z.object({
  /** False for a preview: nothing was changed. */
  applied: z.boolean(),
  changed: z.number().int(),
  skipped: z.number().int(),
  items: z.array(ZBulkReviewItem),
});
export type TBulkReviewResult = z.infer<typeof ZBulkReviewResult>;
