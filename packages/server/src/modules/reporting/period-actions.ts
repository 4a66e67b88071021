import type {
  TAdjustPeriod,
  TOpenAdhocPeriod,
  TPeriodStatus,
  TPlanAttainment,
  TPlanPeriods,
  TReportingPeriod,
} from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { todayIso } from "../../db/sql.ts";
import { assertOverseesUnit } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { adjustPeriod } from "./adjust-period.ts";
import { openAdhocPeriod } from "./open-adhoc-period.ts";
import { presentPeriods } from "./period-status.ts";
import { type ReportingPlan, reportingPlan } from "./reporting.guards.ts";
import { planHeading } from "./reporting.presenter.ts";
import { findPeriod, listPeriods, loadBasis } from "./reporting.repository.ts";
import { planAttainment } from "./roll-up.ts";

interface PlanRef {
  actor: Actor;
  code: string;
}

/** One period with each unit's submission status. */
async function onePeriod(db: Database, ctx: ReportingPlan, key: string) {
  const [period, basis] = await Promise.all([findPeriod(db, ctx.plan, key), loadBasis(db, ctx.plan)]);
  const [out] = await presentPeriods(db, ctx, basis, [period]);
  return out;
}

/** Kỳ báo cáo của kế hoạch, with each period's counts. */
export async function planPeriods(db: Database, { actor, code }: PlanRef): Promise<TPlanPeriods> {
  const ctx = await reportingPlan(db, actor, code);
  const periods = await listPeriods(db, ctx.plan);
  const basis = await loadBasis(db, ctx.plan);
  return {
    plan: planHeading(ctx.plan, basis.units),
    today: todayIso(),
    periods: (await presentPeriods(db, ctx, basis, periods)).map((p) => p.period),
    can: { manage: ctx.canReview },
  };
}

/** Mở kỳ báo cáo đột xuất. */
export async function openPlanAdhocPeriod(
  db: Database,
  { actor, code, input }: PlanRef & { input: TOpenAdhocPeriod },
): Promise<TReportingPeriod> {
  const ctx = await reportingPlan(db, actor, code);
  const row = await openAdhocPeriod(db, { ctx, input });
  return (await onePeriod(db, ctx, row.key)).period;
}

/** Điều chỉnh kỳ báo cáo. */
export async function adjustPlanPeriod(
  db: Database,
  { actor, code, key, input }: PlanRef & { key: string; input: TAdjustPeriod },
): Promise<TReportingPeriod> {
  const ctx = await reportingPlan(db, actor, code);
  await adjustPeriod(db, { ctx, key, input });
  return (await onePeriod(db, ctx, key)).period;
}

/** Tình hình nộp báo cáo theo đơn vị. */
export async function periodStatus(
  db: Database,
  { actor, code, key }: PlanRef & { key: string },
): Promise<TPeriodStatus> {
  const ctx = await reportingPlan(db, actor, code);
  // Every unit's status and return reasons are for those who oversee the plan's reporting.
  await assertOverseesUnit(db, ctx.actor, ctx.plan.unitId);
  const { period, rows } = await onePeriod(db, ctx, key);
  return {
    plan: { code: ctx.plan.code, title: ctx.plan.title },
    today: todayIso(),
    period,
    units: rows,
    can: { enterOnBehalf: ctx.canManage, review: ctx.canReview },
  };
}

/** Mức độ đạt chỉ tiêu in a period (default: the latest with figures). */
export async function readPlanAttainment(
  db: Database,
  { actor, code, ...opts }: PlanRef & { periodKey?: string; nearThreshold: number },
): Promise<TPlanAttainment> {
  return planAttainment(db, { ctx: await reportingPlan(db, actor, code), ...opts });
}
