import type { TPlanDetail, TPlanReview, ZPlanListQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import type { PlanRow } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { grantTenants, planNotFound, readablePlanUnits, readablePlanVersions } from "./plan-access.ts";
import { listVersions, versionDetail } from "./plan-versions.ts";
import { presentPlanDetail, presentPlanSummary } from "./plans.presenter.ts";
import { currentVersion, listPlans, loadPlanBundle } from "./plans.repository.ts";
import { presentReview } from "./review.presenter.ts";
import { targetUnitsOf } from "./target-units.ts";

interface PlanRef {
  actor: Actor;
  code: string;
}

/** Danh sách kế hoạch: one row per plan whose unit the actor reads (or implements). */
export async function listReadablePlans(
  db: Database,
  { actor, query }: { actor: Actor; query: z.infer<typeof ZPlanListQuery> },
) {
  const units = await readablePlanUnits(db, actor);
  const { rows, total } = await listPlans(db, {
    unitIds: [...units],
    tenantIds: grantTenants(actor),
    ...query,
  });
  return { items: rows.map((p) => ({ ...presentPlanSummary(p, p.unitName), tenantId: p.tenantId })), total };
}

/** A draft as the review screen shows it (after an edit, an import, an amendment). */
export async function planReviewOf(db: Database, plan: PlanRow): Promise<TPlanReview> {
  return presentReview(await loadPlanBundle(db, plan));
}

/** Chi tiết kế hoạch: the version in force, or the one asked for. */
export async function readPlanDetail(
  db: Database,
  { actor, code, version }: PlanRef & { version?: number },
): Promise<TPlanDetail> {
  const rows = await readablePlanVersions(db, actor, code);
  const plan = version ? rows.find((p) => p.version === version) : currentVersion(rows);
  if (!plan) throw planNotFound();
  return presentPlanDetail(await loadPlanBundle(db, plan));
}

/** Rà soát bản nháp: the newest version (the draft) with its source text. */
export async function readPlanReview(db: Database, { actor, code }: PlanRef): Promise<TPlanReview> {
  return planReviewOf(db, (await readablePlanVersions(db, actor, code))[0]);
}

/** Lịch sử phiên bản. */
export async function readPlanVersions(db: Database, { actor, code }: PlanRef) {
  return { items: await listVersions(db, await readablePlanVersions(db, actor, code)) };
}

/** Một phiên bản đã ban hành. */
export async function readPlanVersion(db: Database, { actor, code, version }: PlanRef & { version: number }) {
  const found = await versionDetail(db, await readablePlanVersions(db, actor, code), version);
  if (!found) throw planNotFound();
  return found;
}

/** Đơn vị báo cáo chỉ tiêu of the plan's newest version. */
export async function readTargetUnits(db: Database, { actor, code }: PlanRef) {
  return targetUnitsOf(db, (await readablePlanVersions(db, actor, code))[0]);
}
