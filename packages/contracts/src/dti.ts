import {
  DTI_ASSESSMENT_STATUSES,
  DTI_EVIDENCE_KINDS,
  DTI_NODE_KINDS,
  DTI_ROUND_STATUSES,
  DTI_RULE_KINDS,
  DTI_SCALES,
  DTI_SUBJECTS,
  DTI_VERIFICATION_OUTCOMES,
} from "@dtplan/domain/dti/lists.ts";
import { z } from "zod";
import { ZIsoDate, ZPersonRef, ZPlanCode, ZUnitRef, ZUuid } from "./common.ts";
import { ZEvidenceFile } from "./tasks.ts";

// ---------------------------------------------------------------------------
// Closed lists (single source: @dtplan/domain/dti/lists.ts)

export const ZDtiNodeKind = z.enum(DTI_NODE_KINDS);
export type TDtiNodeKind = z.infer<typeof ZDtiNodeKind>;
export const ZDtiRuleKind = z.enum(DTI_RULE_KINDS);
export type TDtiRuleKind = z.infer<typeof ZDtiRuleKind>;
export const ZDtiScale = z.enum(DTI_SCALES);
export const ZDtiSubject = z.enum(DTI_SUBJECTS);
export type TDtiSubject = z.infer<typeof ZDtiSubject>;
export const ZDtiRoundStatus = z.enum(DTI_ROUND_STATUSES);
export type TDtiRoundStatus = z.infer<typeof ZDtiRoundStatus>;
export const ZDtiAssessmentStatus = z.enum(DTI_ASSESSMENT_STATUSES);
export type TDtiAssessmentStatus = z.infer<typeof ZDtiAssessmentStatus>;
export const ZDtiVerificationOutcome = z.enum(DTI_VERIFICATION_OUTCOMES);
export type TDtiVerificationOutcome = z.infer<typeof ZDtiVerificationOutcome>;
export const ZDtiEvidenceKind = z.enum(DTI_EVIDENCE_KINDS);

/** Mã chỉ số/tiêu chí as the decision writes it: `1`, `1.2`, `CQS-01`, `I.3.b`. */
export const ZDtiNodeCode = z
  .string()
  .trim()
  .min(1, "Nhập mã chỉ số")
  .max(40)
  .regex(/^[\p{L}0-9][\p{L}0-9._-]*$/u, "Mã chỉ số chỉ gồm chữ, số, dấu chấm, gạch ngang");

/** Mã bộ chỉ số: `dti-405-tinh`, `phu-tho-469`. */
export const ZDtiFrameworkCode = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9-]+$/, "Mã bộ chỉ số chỉ gồm chữ thường không dấu, số và gạch ngang");

const ZPoints = z.number().min(0, "Điểm không được âm").max(100_000);
const ZYear = z.number().int().min(2015).max(2100);

// ---------------------------------------------------------------------------
// Scoring rules

/** One level of a `levels` rule: "Trưởng Ban Chỉ đạo là Chủ tịch" → full points. */
export const ZDtiLevel = z.object({
  /** Short key the self-assessment stores (`a`, `b`, `c` …), unique within the rule. */
  key: z.string().trim().min(1).max(20),
  points: ZPoints,
  description: z.string().trim().min(1, "Nhập mô tả mức").max(2000),
});
export type TDtiLevel = z.infer<typeof ZDtiLevel>;

/** A band or threshold: from `min` (inclusive) up, `points`. Banded ratios use percent (0–100). */
export const ZDtiBand = z.object({ min: z.number(), points: ZPoints });
export type TDtiBand = z.infer<typeof ZDtiBand>;

export const ZDtiRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("levels"), levels: z.array(ZDtiLevel).min(1, "Cần ít nhất một mức") }),
  z.object({
    kind: z.literal("ratio"),
    /** Meaning of a and b ("Số TTHC cung cấp trực tuyến toàn trình", "Tổng số TTHC"). */
    numeratorLabel: z.string().trim().min(1).max(500),
    denominatorLabel: z.string().trim().min(1).max(500),
    scale: ZDtiScale,
    /** `banded`: percent thresholds. */
    bands: z.array(ZDtiBand).default([]),
  }),
  z.object({ kind: z.literal("boolean"), yesLabel: z.string().trim().max(500).default("Có") }),
  z.object({
    kind: z.literal("thresholds"),
    unit: z.string().trim().max(50).default(""),
    thresholds: z.array(ZDtiBand).min(1, "Cần ít nhất một ngưỡng"),
  }),
  z.object({
    kind: z.literal("indicator"),
    /** Mã chỉ tiêu in the province's catalogue. */
    indicatorCode: z.string().trim().min(1).max(60),
    scale: ZDtiScale,
    /** `linear`: the figure that earns full points (100 for a percentage). */
    target: z.number().positive().default(100),
    bands: z.array(ZDtiBand).default([]),
  }),
  z.object({ kind: z.literal("sum") }),
  z.object({ kind: z.literal("average") }),
  z.object({ kind: z.literal("weighted") }),
]);
export type TDtiRule = z.infer<typeof ZDtiRule>;

// ---------------------------------------------------------------------------
// Frameworks

/**
 * A node as written (create, edit, import). `maxPoints` is required on scored leaves;
 * a `sum` node's maximum is the sum of its children's and is never typed; `average` and
 * `weighted` nodes may give one (else the children's sum). `weight` counts under a
 * `weighted` parent.
 */
export interface TDtiNodeInput {
  code: string;
  name: string;
  kind: TDtiNodeKind;
  maxPoints?: number | null;
  weight?: number | null;
  rule: TDtiRule;
  evidenceRequired?: string;
  guidance?: string;
  children?: TDtiNodeInput[];
}
export const ZDtiNodeInput: z.ZodType<TDtiNodeInput> = z.lazy(() =>
  z.object({
    code: ZDtiNodeCode,
    name: z.string().trim().min(1, "Nhập tên chỉ số").max(1000),
    kind: ZDtiNodeKind,
    maxPoints: ZPoints.nullable().optional(),
    weight: z.number().min(0).max(1000).nullable().optional(),
    rule: ZDtiRule,
    evidenceRequired: z.string().trim().max(4000).optional(),
    guidance: z.string().trim().max(8000).optional(),
    children: z.array(ZDtiNodeInput).max(500).optional(),
  }),
);

/** A node as answered: `maxPoints` computed for aggregates; `path` lists the ancestors' codes. */
export interface TDtiNode {
  code: string;
  name: string;
  kind: TDtiNodeKind;
  maxPoints: number;
  weight: number | null;
  rule: TDtiRule;
  evidenceRequired: string;
  guidance: string;
  children: TDtiNode[];
}
export const ZDtiNode: z.ZodType<TDtiNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    kind: ZDtiNodeKind,
    maxPoints: z.number(),
    weight: z.number().nullable(),
    rule: ZDtiRule,
    evidenceRequired: z.string(),
    guidance: z.string(),
    children: z.array(ZDtiNode),
  }),
);

/** Bộ chỉ số DTI of one year. */
export const ZDtiFrameworkSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  year: z.number().int(),
  name: z.string(),
  /** Where it comes from (decision number) and what is placeholder. */
  description: z.string(),
  subject: ZDtiSubject,
  /** Sum of the top nodes' maxima. */
  maxPoints: z.number(),
  criteriaCount: z.number().int(),
  version: z.number().int(),
  /** Used by a round past draft: edit a copy instead. */
  locked: z.boolean(),
  copiedFrom: z.object({ id: z.uuid(), code: z.string(), year: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type TDtiFrameworkSummary = z.infer<typeof ZDtiFrameworkSummary>;

export const ZDtiFramework = ZDtiFrameworkSummary.extend({ nodes: z.array(ZDtiNode) });
export type TDtiFramework = z.infer<typeof ZDtiFramework>;

/** `GET /api/dti/frameworks`: the caller's province's frameworks, newest year first, with their trees. */
export const ZDtiFrameworkList = z.object({
  frameworks: z.array(ZDtiFramework),
  can: z.object({ manage: z.boolean() }),
});
export type TDtiFrameworkList = z.infer<typeof ZDtiFrameworkList>;

/** `POST /api/dti/frameworks` — create. */
export const ZDtiFrameworkCreate = z.object({
  code: ZDtiFrameworkCode,
  year: ZYear,
  name: z.string().trim().min(1, "Nhập tên bộ chỉ số").max(500),
  description: z.string().trim().max(8000).default(""),
  subject: ZDtiSubject,
  nodes: z.array(ZDtiNodeInput).max(200),
});
export type TDtiFrameworkCreate = z.infer<typeof ZDtiFrameworkCreate>;

/** `PUT /api/dti/frameworks/{id}` — replace name, description and tree; `version` as read (409 when stale). */
export const ZDtiFrameworkUpdate = ZDtiFrameworkCreate.omit({ code: true, year: true }).extend({
  version: z.number().int().min(1),
});
export type TDtiFrameworkUpdate = z.infer<typeof ZDtiFrameworkUpdate>;

/** `POST /api/dti/frameworks/{id}/copy` — the same tree for another year. */
export const ZDtiFrameworkCopy = z.object({
  year: ZYear,
  code: ZDtiFrameworkCode.optional(),
  name: z.string().trim().min(1).max(500).optional(),
});
export type TDtiFrameworkCopy = z.infer<typeof ZDtiFrameworkCopy>;

/** `POST /api/dti/frameworks/import` (multipart: `file` .xlsx + these fields). */
export const ZDtiFrameworkImportFields = z.object({
  code: ZDtiFrameworkCode,
  year: z.coerce.number().int().min(2015).max(2100),
  name: z.string().trim().min(1).max(500),
  description: z.string().trim().max(8000).default(""),
  subject: ZDtiSubject,
});
export type TDtiFrameworkImportFields = z.infer<typeof ZDtiFrameworkImportFields>;

// ---------------------------------------------------------------------------
// Rounds

export const ZDtiFrameworkRef = z.object({
  id: z.uuid(),
  code: z.string(),
  year: z.number().int(),
  name: z.string(),
});

export const ZDtiRoundCounts = z.object({
  units: z.number().int(),
  notStarted: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  /** Units whose every criterion has a verification other than "returned". */
  verified: z.number().int(),
});

/** A unit of the caller in a round (its own self-assessment). */
export const ZDtiMyUnit = z.object({
  unit: ZUnitRef,
  status: ZDtiAssessmentStatus.nullable(),
  canEdit: z.boolean(),
});

/** Đợt đánh giá. */
export const ZDtiRound = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Năm đánh giá (the data year); results are usually published the next year. */
  year: z.number().int(),
  framework: ZDtiFrameworkRef,
  status: ZDtiRoundStatus,
  startDate: ZIsoDate,
  /** Hạn nộp tự đánh giá. */
  dueDate: ZIsoDate,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  units: z.array(ZUnitRef),
  counts: ZDtiRoundCounts,
  mine: z.array(ZDtiMyUnit),
  /** `manage`: open/close/publish, edit units and dates; `verify`: verify criteria; `readResults`: the ranking. */
  can: z.object({ manage: z.boolean(), verify: z.boolean(), readResults: z.boolean() }),
});
export type TDtiRound = z.infer<typeof ZDtiRound>;

export const ZDtiRoundList = z.object({ rounds: z.array(ZDtiRound), can: z.object({ create: z.boolean() }) });
export type TDtiRoundList = z.infer<typeof ZDtiRoundList>;

const roundDates = <T extends { startDate?: string; dueDate?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.startDate && v.dueDate && v.dueDate < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Hạn nộp phải sau ngày bắt đầu" });
  }
};

/** `POST /api/dti/rounds`. */
export const ZDtiRoundCreate = z
  .object({
    frameworkId: ZUuid,
    year: ZYear,
    name: z.string().trim().min(1, "Nhập tên đợt đánh giá").max(500),
    unitIds: z.array(ZUuid).min(1, "Chọn ít nhất một đơn vị được đánh giá").max(2000),
    startDate: ZIsoDate,
    dueDate: ZIsoDate,
  })
  .superRefine(roundDates);
export type TDtiRoundCreate = z.infer<typeof ZDtiRoundCreate>;

/** `PATCH /api/dti/rounds/{id}` — name, dates and units (units only while draft or open). */
export const ZDtiRoundUpdate = z
  .object({
    name: z.string().trim().min(1).max(500).optional(),
    unitIds: z.array(ZUuid).min(1).max(2000).optional(),
    startDate: ZIsoDate.optional(),
    dueDate: ZIsoDate.optional(),
  })
  .superRefine(roundDates);
export type TDtiRoundUpdate = z.infer<typeof ZDtiRoundUpdate>;

export const ZDtiRoundParams = z.object({ id: ZUuid });
export const ZDtiUnitParams = z.object({ id: ZUuid, unitId: ZUuid });
export const ZDtiCriterionParams = z.object({ id: ZUuid, unitId: ZUuid, code: z.string().min(1).max(40) });

// ---------------------------------------------------------------------------
// Self-assessment and verification

/** Minh chứng: an uploaded file, the unit's plan, an approved report, or a web address. */
export const ZDtiEvidenceLink = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("file"), fileId: ZUuid }),
  z.object({ kind: z.literal("plan"), planCode: ZPlanCode }),
  z.object({ kind: z.literal("report"), reportId: ZUuid }),
  z.object({ kind: z.literal("url"), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type TDtiEvidenceLink = z.infer<typeof ZDtiEvidenceLink>;

/** An evidence item as answered, with what it points at. */
export const ZDtiEvidence = z.object({
  kind: ZDtiEvidenceKind,
  /** File name, plan title, "Báo cáo Quý III/2025 — Xã A", or the address. */
  label: z.string(),
  /** Where the web opens it (download, plan page, report page, the address). */
  href: z.string(),
  link: ZDtiEvidenceLink,
  file: ZEvidenceFile.nullable(),
});
export type TDtiEvidence = z.infer<typeof ZDtiEvidence>;

/** What the unit entered for one criterion. Which fields count depends on the rule. */
export const ZDtiEntryInput = z.object({
  code: z.string().min(1).max(40),
  /** `thresholds`: the figure. */
  value: z.number().nullable().optional(),
  /** `levels`: the chosen level's key. */
  level: z.string().max(20).nullable().optional(),
  /** `ratio`: a and b. */
  numerator: z.number().min(0).nullable().optional(),
  denominator: z.number().min(0).nullable().optional(),
  /** `boolean`. */
  achieved: z.boolean().nullable().optional(),
  /** Thuyết minh. */
  explanation: z.string().trim().max(8000).optional(),
  evidence: z.array(ZDtiEvidenceLink).max(50).optional(),
});
export type TDtiEntryInput = z.infer<typeof ZDtiEntryInput>;

/** `PUT /api/dti/rounds/{id}/units/{unitId}` — save a draft; `version` as read (409 when stale). */
export const ZDtiSaveAssessment = z.object({
  version: z.number().int().min(1),
  entries: z.array(ZDtiEntryInput).max(1000),
});
export type TDtiSaveAssessment = z.infer<typeof ZDtiSaveAssessment>;

/** `POST /api/dti/rounds/{id}/units/{unitId}/submit`. */
export const ZDtiSubmitAssessment = z.object({ version: z.number().int().min(1) });

/** One criterion's verification. `adjusted` needs `points` and a reason; `returned` a comment. */
export const ZDtiVerificationInput = z
  .object({
    code: z.string().min(1).max(40),
    outcome: ZDtiVerificationOutcome,
    points: ZPoints.nullable().optional(),
    comment: z.string().trim().max(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "adjusted" && (v.points === null || v.points === undefined)) {
      ctx.addIssue({ code: "custom", path: ["points"], message: "Nhập điểm sau điều chỉnh" });
    }
    if (v.outcome !== "accepted" && !v.comment) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: v.outcome === "adjusted" ? "Nêu lý do điều chỉnh" : "Nêu nội dung yêu cầu đơn vị bổ sung",
      });
    }
  });
export type TDtiVerificationInput = z.infer<typeof ZDtiVerificationInput>;

/** `POST /api/dti/rounds/{id}/units/{unitId}/verify`. */
export const ZDtiVerify = z.object({
  version: z.number().int().min(1),
  items: z.array(ZDtiVerificationInput).min(1).max(1000),
});
export type TDtiVerify = z.infer<typeof ZDtiVerify>;

/** Where an automatic score's figure came from: the approved report and its figure. */
export const ZDtiAutomaticSource = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reportId: z.uuid().nullable(),
  planCode: z.string().nullable(),
  periodKey: z.string().nullable(),
  periodLabel: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Frozen when the round was closed; live until then. */
  frozen: z.boolean(),
});
export type TDtiAutomaticSource = z.infer<typeof ZDtiAutomaticSource>;

export const ZDtiVerification = z.object({
  outcome: ZDtiVerificationOutcome,
  points: z.number().nullable(),
  comment: z.string().nullable(),
  by: ZPersonRef,
  at: z.string(),
});
export type TDtiVerification = z.infer<typeof ZDtiVerification>;

/** One scored node of a unit's scoresheet (every node of the tree, leaves carry the entry). */
export interface TDtiScoreNode {
  code: string;
  name: string;
  kind: TDtiNodeKind;
  maxPoints: number;
  /** From the unit's entries (self) and after verification (verified; null while any leaf below is unverified). */
  selfPoints: number | null;
  verifiedPoints: number | null;
  /** Verified where verified, else self: what the ranking uses until publication. */
  points: number;
  normalised: number;
  children: TDtiScoreNode[];
}
export const ZDtiScoreNode: z.ZodType<TDtiScoreNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    kind: ZDtiNodeKind,
    maxPoints: z.number(),
    selfPoints: z.number().nullable(),
    verifiedPoints: z.number().nullable(),
    points: z.number(),
    normalised: z.number(),
    children: z.array(ZDtiScoreNode),
  }),
);

/** What a unit answers for a criterion: the figure, level, a and b, or yes/no its rule asks, with its words and evidence. */
export const ZDtiAnswer = z.object({
  value: z.number().nullable(),
  level: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  achieved: z.boolean().nullable(),
  explanation: z.string(),
  evidence: z.array(ZDtiEvidence),
});
export type TDtiAnswer = z.infer<typeof ZDtiAnswer>;

/** A scored leaf with the unit's entry, its scores and evidence. */
export const ZDtiCriterion = z.object({
  code: z.string(),
  name: z.string(),
  kind: ZDtiNodeKind,
  /** Codes of the ancestors, top first. */
  path: z.array(z.string()),
  maxPoints: z.number(),
  rule: ZDtiRule,
  evidenceRequired: z.string(),
  guidance: z.string(),
  entry: ZDtiAnswer.extend({ updatedAt: z.string().nullable() }),
  selfPoints: z.number().nullable(),
  verifiedPoints: z.number().nullable(),
  verification: ZDtiVerification.nullable(),
  automatic: ZDtiAutomaticSource.nullable(),
});
export type TDtiCriterion = z.infer<typeof ZDtiCriterion>;

/** `GET /api/dti/rounds/{id}/units/{unitId}` — a unit's self-assessment and scoresheet. */
export const ZDtiAssessment = z.object({
  round: ZDtiRound.omit({ units: true, counts: true, mine: true }),
  unit: ZUnitRef,
  status: ZDtiAssessmentStatus.nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  submittedBy: ZPersonRef,
  criteria: z.array(ZDtiCriterion),
  scores: z.array(ZDtiScoreNode),
  total: z.object({
    selfPoints: z.number(),
    verifiedPoints: z.number().nullable(),
    points: z.number(),
    maxPoints: z.number(),
    normalised: z.number(),
  }),
  /** `edit`: save and submit (the unit's reporter while open); `verify`: the province's reviewers. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), verify: z.boolean() }),
});
export type TDtiAssessment = z.infer<typeof ZDtiAssessment>;

// ---------------------------------------------------------------------------
// Results

/** A pillar or main index heading of the ranking. */
export const ZDtiRankingColumn = z.object({
  code: z.string(),
  name: z.string(),
  kind: ZDtiNodeKind,
  maxPoints: z.number(),
  /** Code of the pillar a main index belongs to, when the framework has pillars. */
  parentCode: z.string().nullable(),
});

export const ZDtiNodeScore = z.object({
  code: z.string(),
  points: z.number(),
  normalised: z.number(),
  rank: z.number().int(),
});
export type TDtiNodeScore = z.infer<typeof ZDtiNodeScore>;

/**
 * Change against the previous year's round of the same framework code. `basis`:
 * `same` — the unit itself; `lineage` — the average of its predecessors (merged units),
 * named in `predecessors`.
 */
export const ZDtiChange = z.object({
  previousRoundId: z.uuid(),
  previousYear: z.number().int(),
  total: z.number(),
  normalised: z.number(),
  rank: z.number().int().nullable(),
  /** Normalised now − before. */
  change: z.number(),
  basis: z.enum(["same", "lineage"]),
  predecessors: z.array(ZUnitRef),
});
export type TDtiChange = z.infer<typeof ZDtiChange>;

export const ZDtiRankingRow = z.object({
  unit: ZUnitRef,
  total: z.number(),
  maxPoints: z.number(),
  normalised: z.number(),
  rank: z.number().int(),
  status: ZDtiAssessmentStatus.nullable(),
  /** Some criterion below has only a self score (unpublished rounds). */
  provisional: z.boolean(),
  pillars: z.array(ZDtiNodeScore),
  indices: z.array(ZDtiNodeScore),
  previous: ZDtiChange.nullable(),
});
export type TDtiRankingRow = z.infer<typeof ZDtiRankingRow>;

/** `GET /api/dti/rounds/{id}/ranking`. */
export const ZDtiRanking = z.object({
  round: ZDtiRound.omit({ counts: true, mine: true, units: true }),
  /** How the figures are made, in Vietnamese (what counts, ties, the year compared). */
  basis: z.string(),
  pillars: z.array(ZDtiRankingColumn),
  indices: z.array(ZDtiRankingColumn),
  rows: z.array(ZDtiRankingRow),
});
export type TDtiRanking = z.infer<typeof ZDtiRanking>;

/** `GET /api/dti/public/rounds` — published rounds of a province (public). */
export const ZDtiPublicRoundQuery = z.object({ province: ZUuid.optional() });
export const ZDtiPublicRound = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  province: ZUnitRef,
  framework: ZDtiFrameworkRef,
  publishedAt: z.string(),
  units: z.number().int(),
});
export type TDtiPublicRound = z.infer<typeof ZDtiPublicRound>;
export const ZDtiPublicRoundList = z.object({ rounds: z.array(ZDtiPublicRound) });
export type TDtiPublicRoundList = z.infer<typeof ZDtiPublicRoundList>;

/** `GET /api/dti/public/rounds/{id}/ranking` — verified scores only, no evidence or comments. */
export const ZDtiPublicRanking = z.object({
  round: ZDtiPublicRound,
  basis: z.string(),
  pillars: z.array(ZDtiRankingColumn),
  indices: z.array(ZDtiRankingColumn),
  rows: z.array(ZDtiRankingRow.omit({ status: true, provisional: true })),
});
export type TDtiPublicRanking = z.infer<typeof ZDtiPublicRanking>;
