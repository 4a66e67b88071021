import { TABLE_COLUMN_ROLES } from "@dtplan/domain/extract/types.ts";
import {
  COMPARATORS,
  ITEM_TYPES,
  PLAN_KINDS,
  PLAN_STATUSES,
  TASK_KINDS,
} from "@dtplan/domain/plans/lists.ts";
import { CADENCES, REPORTING_FREQUENCIES } from "@dtplan/domain/reporting/lists.ts";
import { TASK_STATUSES } from "@dtplan/domain/tasks/status.ts";
import { z } from "zod";
import { ZIsoDate, ZPlanCode, ZUnitRef, ZUuid } from "./common.ts";
import { ZPillar } from "./indicators.ts";

export const ZPlanKind = z.enum(PLAN_KINDS);
/** draft → published (frozen as a version) → superseded by the next published version. */
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export const ZComparator = z.enum(COMPARATORS);

export const ZPlanCodeParams = z.object({ code: ZPlanCode });
export const ZPlanItemParams = z.object({ code: ZPlanCode, itemId: ZUuid });
export const ZPlanVersionParams = z.object({ code: ZPlanCode, version: z.coerce.number().int().min(1) });

export const ZSourceSpan = z.object({ start: z.number().int(), end: z.number().int() });
const ZPlanRef = z.object({ code: z.string(), title: z.string() });

/** What a column of a table in the plan holds (the focal officer can change it). */
export const ZTableColumnRole = z.enum(TABLE_COLUMN_ROLES);
/** The row (and for a target, the cell) of `ZPlanReview.tables` an item was read from. */
export const ZTableCellRef = z.object({
  table: z.string(),
  row: z.number().int().min(0),
  column: z.number().int().min(0).optional(),
});
export type TTableCellRef = z.infer<typeof ZTableCellRef>;
/** A table of the plan as read: columns with their roles, rows with their cells' places in the source text. */
export const ZExtractedTable = z.object({
  id: z.string(),
  kind: z.enum(["tasks", "targets", "investments", "other"]),
  source: ZSourceSpan,
  columns: z.array(
    z.object({ header: z.string(), role: ZTableColumnRole, year: z.number().int().nullable() }),
  ),
  rows: z.array(
    z.object({ source: ZSourceSpan, cells: z.array(ZSourceSpan.nullable()), group: z.boolean() }),
  ),
});
export type TExtractedTable = z.infer<typeof ZExtractedTable>;

export const ZTableParams = z.object({ code: ZPlanCode, tableId: z.string().regex(/^tbl-\d{1,4}$/) });
/** "This column is the lead unit": every row of the table is extracted again with it. */
export const ZRemapTableColumns = z.object({
  columns: z
    .array(z.object({ index: z.number().int().min(0).max(99), role: ZTableColumnRole }))
    .min(1, "Chọn ít nhất một cột"),
});
export type TRemapTableColumns = z.infer<typeof ZRemapTableColumns>;
export const ZUnitSuggestion = z.object({ unitId: z.uuid(), unitName: z.string(), score: z.number() });

/** One row of `GET /api/plans`. */
export const ZPlanSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  unit: ZUnitRef,
  kind: ZPlanKind,
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  visionYear: z.number().int().nullable(),
  status: ZPlanStatus,
  version: z.number().int(),
  documentNumber: z.string().nullable(),
  issuedDate: ZIsoDate.nullable(),
  publishedAt: z.string().nullable(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

const ZBoolQuery = z.preprocess(
  (v) => (v === "false" || v === "0" ? false : v),
  z.coerce.boolean().optional(),
);

export const ZPlanListQuery = z.object({
  unitId: z.uuid().optional(),
  kind: ZPlanKind.optional(),
  status: ZPlanStatus.optional(),
  /** Plans whose period covers this year. */
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A row of the plan list: the summary and the province it belongs to (codes repeat across provinces). */
export const ZPlanListItem = ZPlanSummary.extend({ tenantId: z.uuid() });
export type TPlanListItem = z.infer<typeof ZPlanListItem>;

export const ZPlanList = z.object({ items: z.array(ZPlanListItem), total: z.number().int() });

/** What a target and a task of a plan both have: their row, version and key, and their place in the plan. */
const ZPlanItem = z.object({
  id: z.uuid(),
  /** Bumped by every edit of the draft; send it back with the next edit. */
  version: z.number().int(),
  /** Stays the same across versions. */
  key: z.uuid(),
  position: z.number().int(),
  pillar: ZPillar,
  section: z.string().nullable(),
});

/** Chỉ tiêu — a figure the plan must reach. */
export const ZPlanTarget = z.object({
  ...ZPlanItem.shape,
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: ZComparator.nullable(),
  year: z.number().int().nullable(),
  scope: z.string().nullable(),
  indicator: z
    .object({
      code: z.string(),
      name: z.string().nullable(),
      score: z.number().nullable(),
      confirmed: z.boolean(),
    })
    .nullable(),
  indicatorSuggestions: z.array(z.object({ code: z.string(), score: z.number() })),
  /** Đơn vị báo cáo — the units that report this target's figures (the issuing unit when it reports itself). */
  reportingUnits: z.array(ZUnitRef),
  source: ZSourceSpan.nullable(),
  confidence: z.number(),
});
export type TPlanTarget = z.infer<typeof ZPlanTarget>;

/** Nhiệm vụ / giải pháp. */
export const ZPlanTask = z.object({
  ...ZPlanItem.shape,
  kind: z.enum(TASK_KINDS),
  text: z.string(),
  lead: z.object({
    unit: ZUnitRef.nullable(),
    /** As written in the plan. */
    text: z.string().nullable(),
    score: z.number().nullable(),
    /** The officer decided this item has no lead unit. */
    none: z.boolean(),
    suggestions: z.array(ZUnitSuggestion),
  }),
  coordinators: z.array(
    z.object({
      unit: ZUnitRef.nullable(),
      text: z.string().nullable(),
      score: z.number().nullable(),
      suggestions: z.array(ZUnitSuggestion),
    }),
  ),
  deadline: z.object({ text: z.string().nullable(), date: ZIsoDate.nullable() }).nullable(),
  recurring: z.boolean(),
  cadence: z.string().nullable(),
  source: ZSourceSpan.nullable(),
  confidence: z.number(),
  progress: z.number().int().nullable(),
  completedAt: ZIsoDate.nullable(),
});
export type TPlanTask = z.infer<typeof ZPlanTask>;

export const ZPlanLegalBasis = z.object({
  id: z.uuid(),
  type: z.string(),
  number: z.string().nullable(),
  date: ZIsoDate.nullable(),
  issuer: z.string().nullable(),
  text: z.string(),
  /** The plan in dtplan with this document number, if any. */
  linkedPlan: ZPlanRef.nullable(),
});

export const ZPlanReportingRule = z.object({
  id: z.uuid(),
  frequency: z.enum(REPORTING_FREQUENCIES),
  due: z
    .object({ day: z.number().int(), month: z.union([z.number().int(), z.literal("last-of-period")]) })
    .nullable(),
  text: z.string(),
});

export const ZPlanBudget = z.object({
  total: z.number().int().nullable(),
  currency: z.literal("VND"),
  sources: z.array(z.string()),
  text: z.string().nullable(),
});

/** `GET /api/plans/{code}`: the plan with everything in it. */
export const ZPlanDetail = ZPlanSummary.extend({
  issuer: z.string().nullable(),
  locality: z.string().nullable(),
  signer: z.object({ name: z.string(), title: z.string().nullable() }).nullable(),
  parentPlan: ZPlanRef.nullable(),
  implementsPlan: ZPlanRef.nullable(),
  sourceFileName: z.string().nullable(),
  sourceFormat: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  objectives: z.array(z.string()),
  targets: z.array(ZPlanTarget),
  tasks: z.array(ZPlanTask),
  legalBases: z.array(ZPlanLegalBasis),
  reportingRules: z.array(ZPlanReportingRule),
  budget: ZPlanBudget.nullable(),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanDetailQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** The review screen: source text beside the items, least sure first, and what was not understood. */
export const ZPlanReview = z.object({
  plan: ZPlanDetail,
  sourceText: z.string(),
  /** Every target and task, lowest confidence first; `flagged` below the review threshold. */
  queue: z.array(
    z.object({
      type: z.enum(ITEM_TYPES),
      id: z.uuid(),
      confidence: z.number(),
      flagged: z.boolean(),
      source: ZSourceSpan.nullable(),
      /** Set when the item was read from a row (or cell) of one of `tables`. */
      cell: ZTableCellRef.nullable(),
    }),
  ),
  /** The tables read from the plan, shown as tables in the source pane. */
  tables: z.array(ZExtractedTable),
  unparsed: z.array(z.object({ text: z.string(), section: z.string().nullable(), source: ZSourceSpan })),
  warnings: z.array(z.string()),
  /** What publishing would refuse or warn about now. */
  publishCheck: z.object({
    blocking: z.array(z.string()),
    warnings: z.array(z.string()),
    /**
     * Targets no unit reports yet (also among `blocking`): publishing accepts them when the
     * focal officer confirms the issuing unit reports them itself.
     */
    unassignedTargets: z.array(z.object({ key: z.uuid(), text: z.string() })),
  }),
});
export type TPlanReview = z.infer<typeof ZPlanReview>;

export const ZUpdatePlan = z
  .object({
    title: z.string().trim().min(1, "Nhập tên kế hoạch").max(500).optional(),
    kind: ZPlanKind.optional(),
    periodStart: z.number().int().min(1900).max(2200).nullable().optional(),
    periodEnd: z.number().int().min(1900).max(2200).nullable().optional(),
    visionYear: z.number().int().min(1900).max(2200).nullable().optional(),
    /** The multi-year plan an annual plan belongs to. */
    parentPlanCode: ZPlanCode.nullable().optional(),
    /** The higher-level plan this one implements. */
    implementsPlanCode: ZPlanCode.nullable().optional(),
    documentNumber: z.string().trim().max(100).nullable().optional(),
    issuedDate: ZIsoDate.nullable().optional(),
    /** Đơn vị ban hành: a draft imported under the wrong unit moves to the right one (same province). */
    issuerUnitId: z.uuid().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Không có thay đổi nào" });
export type TUpdatePlan = z.infer<typeof ZUpdatePlan>;

/** `DELETE /plans/:code`: whether a published version stays (a draft amendment was dropped). */
export const ZDeleteDraftResult = z.object({ ok: z.literal(true), planRemains: z.boolean() });

const ZTargetFields = z.object({
  pillar: ZPillar,
  section: z.string().trim().max(300).nullable(),
  text: z.string().trim().min(1, "Nhập nội dung chỉ tiêu").max(5000),
  value: z.number().nullable(),
  unit: z.string().trim().max(50).nullable(),
  comparator: ZComparator.nullable(),
  year: z.number().int().min(1900).max(2200).nullable(),
  scope: z.string().trim().max(200).nullable(),
  /** Set (and confirm) the indicator; null clears it. */
  indicatorCode: z.string().max(30).nullable(),
  indicatorConfirmed: z.boolean(),
  source: ZSourceSpan.nullable(),
});
export const ZCreateTarget = ZTargetFields.partial().extend({
  text: ZTargetFields.shape.text,
  pillar: ZPillar.default("other"),
  /** Insert after this item (default: at the end). */
  afterId: z.uuid().optional(),
});
export type TCreateTarget = z.infer<typeof ZCreateTarget>;
/** The version of the item as loaded; a save made on an older one is refused (409). */
export const ZItemVersion = z.object({ version: z.number().int().min(1).optional() });
const hasChanges = (v: object) => Object.keys(v).some((k) => k !== "version");
export const ZUpdateTarget = ZTargetFields.partial()
  .extend(ZItemVersion.shape)
  .refine(hasChanges, { message: "Không có thay đổi nào" });
export type TUpdateTarget = z.infer<typeof ZUpdateTarget>;

const ZTaskFields = z.object({
  pillar: ZPillar,
  section: z.string().trim().max(300).nullable(),
  kind: z.enum(TASK_KINDS),
  text: z.string().trim().min(1, "Nhập nội dung nhiệm vụ").max(5000),
  /** A unit of the plan's province; null clears it. */
  leadUnitId: z.uuid().nullable(),
  /** The item deliberately has no lead unit. */
  leadNone: z.boolean(),
  coordinatorUnitIds: z.array(z.uuid()).max(100),
  deadlineText: z.string().trim().max(200).nullable(),
  deadlineDate: ZIsoDate.nullable(),
  recurring: z.boolean(),
  cadence: z.enum(CADENCES).nullable(),
  source: ZSourceSpan.nullable(),
});
export const ZCreateTask = ZTaskFields.partial().extend({
  text: ZTaskFields.shape.text,
  pillar: ZPillar.default("other"),
  afterId: z.uuid().optional(),
});
export type TCreateTask = z.infer<typeof ZCreateTask>;
export const ZUpdateTask = ZTaskFields.partial()
  .extend(ZItemVersion.shape)
  .refine(hasChanges, { message: "Không có thay đổi nào" });
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZItemType = z.enum(ITEM_TYPES);

/** Tách: cut one item's text at `at` (a character offset into its text) into two items. */
export const ZSplitItem = z.object({ type: ZItemType, id: z.uuid(), at: z.number().int().min(1) });
/** Gộp: the second item's text is appended to the first; the second is removed. */
export const ZMergeItems = z.object({ type: ZItemType, ids: z.tuple([z.uuid(), z.uuid()]) });
export const ZSplitResult = z.object({ items: z.array(z.union([ZPlanTarget, ZPlanTask])) });

export const ZPublishPlan = z
  .object({
    note: z.string().trim().max(2000).optional(),
    /**
     * The focal officer confirms that the issuing unit reports itself every target that has
     * no reporting unit yet; without it publishing refuses such targets.
     */
    issuingUnitReports: z.boolean().optional(),
  })
  .default({});
export const ZAmendPlan = z.object({
  /** Điều chỉnh, bổ sung — why the plan changes. */
  reason: z.string().trim().min(1, "Nhập lý do điều chỉnh").max(2000),
});

const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const ZItemDiff = z.object({
  added: z.array(z.object({ key: z.uuid(), text: z.string() })),
  removed: z.array(z.object({ key: z.uuid(), text: z.string() })),
  changed: z.array(z.object({ key: z.uuid(), text: z.string(), fields: z.array(ZFieldChange) })),
});
/** What a version changed from the one before, readable field by field. */
export const ZPlanDiff = z.object({
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  plan: z.array(ZFieldChange),
  targets: ZItemDiff,
  tasks: ZItemDiff,
  /** One Vietnamese sentence per change. */
  summary: z.array(z.string()),
});
export type TPlanDiff = z.infer<typeof ZPlanDiff>;

export const ZPlanVersion = z.object({
  version: z.number().int(),
  status: ZPlanStatus,
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  reason: z.string().nullable(),
  diff: ZPlanDiff.nullable(),
});
export const ZPlanVersionList = z.object({ items: z.array(ZPlanVersion) });
export const ZPlanVersionDetail = ZPlanVersion.extend({ plan: ZPlanDetail });

export const ZPublishResult = z.object({
  plan: ZPlanDetail,
  warnings: z.array(z.string()),
  diff: ZPlanDiff.nullable(),
});

/** `GET /api/plan-tasks`: tasks across plans, filtered. */
export const ZPlanTaskListQuery = z.object({
  planCode: ZPlanCode.optional(),
  /** Lead unit (its subtree with `includeSubunits`). */
  unitId: z.uuid().optional(),
  pillar: ZPillar.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  deadlineFrom: ZIsoDate.optional(),
  deadlineTo: ZIsoDate.optional(),
  includeDrafts: ZBoolQuery,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ZPlanTaskListItem = ZPlanTask.extend({
  plan: z.object({ code: z.string(), title: z.string(), version: z.number().int() }),
  status: z.enum(TASK_STATUSES),
});
export const ZPlanTaskList = z.object({ items: z.array(ZPlanTaskListItem), total: z.number().int() });
