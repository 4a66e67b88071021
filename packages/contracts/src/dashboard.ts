import { RISK_REASONS } from "@dtplan/domain/attainment/attainment.ts";
import { PROVISIONAL_REASONS } from "@dtplan/domain/attainment/provisional.ts";
import { z } from "zod";
import { ZIsoDate, ZPeriodKey, ZPlanCode, ZUnitRef } from "./common.ts";
import {
  ZAttainmentNode,
  ZAttainmentStatusCounts,
  ZFigureStanding,
  ZReportingPeriodRef,
  ZTargetFacts,
  ZTaskProgressCounts,
  ZTimelinessCounts,
} from "./reporting.ts";
import { ZEvidenceFile } from "./tasks.ts";

export const ZDashboardParams = z.object({ code: ZPlanCode });
export const ZDashboardTargetParams = z.object({
  code: ZPlanCode,
  targetKey: z.uuid({ message: "Mã chỉ tiêu không hợp lệ" }),
});
export const ZDashboardQuery = z.object({
  /** Period key; default the latest period with submitted reports. */
  period: ZPeriodKey.optional(),
});

/** Why a period's figures are tạm tính. */
export const ZProvisionalReason = z.enum(PROVISIONAL_REASONS);

/** Counts of targets by mức độ đạt. */
export const ZAttainmentCounts = ZAttainmentStatusCounts.extend({ total: z.number().int() });
export type TAttainmentCounts = z.infer<typeof ZAttainmentCounts>;

/** A target without its org tree (the drill-down endpoint carries that). */
export const ZDashboardTarget = z.object({
  ...ZTargetFacts.shape,
  indicatorName: z.string().nullable(),
  /** A ratio indicator: the value is a percentage. */
  percent: z.boolean(),
  value: z.number().nullable(),
  ...ZFigureStanding.shape,
});
export type TDashboardTarget = z.infer<typeof ZDashboardTarget>;

export const ZPillarAttainment = ZAttainmentCounts.extend({ pillar: z.string(), label: z.string() });
export type TPillarAttainment = z.infer<typeof ZPillarAttainment>;

/** Why a target is at risk (chưa đạt, gần đạt, đi xuống). */
export const ZRiskReason = z.enum(RISK_REASONS);
export type TRiskReason = z.infer<typeof ZRiskReason>;

export const ZTargetAtRisk = ZDashboardTarget.extend({ reasons: z.array(ZRiskReason) });
export type TTargetAtRisk = z.infer<typeof ZTargetAtRisk>;

/** A task past its deadline and not done (quá hạn). */
export const ZOverdueTask = z.object({
  key: z.uuid(),
  /** The task's row in the plan shown: its panel opens with `GET /api/tasks/{id}`. */
  id: z.uuid(),
  text: z.string(),
  pillar: z.string(),
  leadUnit: ZUnitRef.nullable(),
  deadline: ZIsoDate,
  progress: z.number().int(),
  daysOverdue: z.number().int(),
});
export type TOverdueTask = z.infer<typeof ZOverdueTask>;

/**
 * A unit ranked by the tasks it leads (average progress) and by its reporting
 * timeliness across the plan's periods so far (reports not yet due do not count).
 */
export const ZUnitRanking = ZTimelinessCounts.extend({
  unit: ZUnitRef,
  tasks: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  /** Average progress (0–100) of the tasks it leads; null when it leads none. */
  averageProgress: z.number().nullable(),
});
export type TUnitRanking = z.infer<typeof ZUnitRanking>;

/** Share of measured targets achieved in each period (oldest first), overall and per pillar. */
export const ZAttainmentTrend = z.object({
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
  overall: z.array(z.number().nullable()),
  pillars: z.array(
    z.object({ pillar: z.string(), label: z.string(), values: z.array(z.number().nullable()) }),
  ),
});
export type TAttainmentTrend = z.infer<typeof ZAttainmentTrend>;

/** `GET /api/plans/{code}/dashboard?period=KEY` — the leader dashboard of a published plan. */
export const ZPlanDashboard = z.object({
  plan: z.object({ code: z.string(), title: z.string(), unit: ZUnitRef }),
  today: ZIsoDate,
  period: ZReportingPeriodRef.nullable(),
  /** Periods the picker offers (those of the plan, in order). */
  periods: z.array(ZReportingPeriodRef),
  counts: ZAttainmentCounts,
  /**
   * What the period's figures rest on: reports received (submitted or approved) of those
   * expected, and whether the figures are provisional (tạm tính: not yet due, or not complete).
   */
  basis: z.object({
    reports: z.object({ received: z.number().int(), expected: z.number().int() }),
    provisional: ZProvisionalReason.nullable(),
    provisionalLabel: z.string().nullable(),
  }),
  tasks: ZTaskProgressCounts,
  reporting: ZTimelinessCounts,
  pillars: z.array(ZPillarAttainment),
  targets: z.array(ZDashboardTarget),
  atRisk: z.array(ZTargetAtRisk),
  overdueTasks: z.array(ZOverdueTask),
  units: z.array(ZUnitRanking),
  trend: ZAttainmentTrend,
});
export type TPlanDashboard = z.infer<typeof ZPlanDashboard>;

/** One unit of a target's tree with the files it sent as evidence for the figure. */
export const ZDashboardTargetUnit = ZAttainmentNode.extend({
  /** Evidence is listed only to those who may read the unit's report. */
  canReadEvidence: z.boolean(),
  evidence: z.array(ZEvidenceFile),
});
export type TDashboardTargetUnit = z.infer<typeof ZDashboardTargetUnit>;

/** `GET /api/plans/{code}/dashboard/targets/{targetKey}?period=KEY` — the drill-down of one target. */
export const ZDashboardTargetDetail = z.object({
  period: ZReportingPeriodRef.nullable(),
  target: ZDashboardTarget,
  series: z.array(z.object({ periodKey: z.string(), label: z.string(), value: z.number().nullable() })),
  /** The caller does not oversee the plan's unit: `units` holds only the units whose report they read. */
  ownUnitsOnly: z.boolean(),
  units: z.array(ZDashboardTargetUnit),
});
export type TDashboardTargetDetail = z.infer<typeof ZDashboardTargetDetail>;
