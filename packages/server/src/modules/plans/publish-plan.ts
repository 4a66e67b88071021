import type { TPlanDetail, TPlanDiff, TPlanReview } from "@dtplan/contracts";
import type { UnparsedBlock } from "@dtplan/domain/extract/types.ts";
import { REVIEW_SENTENCES } from "@dtplan/domain/plans/review-words.ts";
import { targetsWithoutUnits } from "@dtplan/domain/reporting/target-units.ts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans, planVersions } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { tellTasksAssigned } from "../notify/tasks-assigned.ts";
import { refreshTargetFigures } from "../summary/target-figures.ts";
import { diffPlans } from "./plan-diff.ts";
import { writePlanPeriods } from "./plan-periods.ts";
import { refreshPlanSummaries } from "./plan-summaries.ts";
import { presentPlanDetail } from "./plans.presenter.ts";
import { loadPlanBundle, type PlanBundle } from "./plans.repository.ts";
import { editableDraft } from "./review-items.ts";
import { writeTargetUnits } from "./target-units.ts";

/** Items below this confidence are flagged for review first. */
export const REVIEW_CONFIDENCE = 0.75;

/**
 * Each text cut to about 60 characters, and longer where the cut would make two items read
 * the same (a plan's tasks often open with the same words: "Các phòng, ban … chủ động …").
 */
export function shortTexts(texts: readonly string[]): string[] {
  return texts.map((s) => {
    let cut = 57;
    const alike = (n: number) => texts.some((o) => o !== s && o.slice(0, n) === s.slice(0, n));
    while (cut < 200 && cut + 3 < s.length && alike(cut)) cut += 20;
    return s.length > cut + 3 ? `${s.slice(0, cut).trimEnd()}…` : s;
  });
}

/**
 * The blocks no rule understood that no item yet covers: an item added from a block (it
 * carries the block's place in the source) settles it, so the warning and the list shrink
 * with each fix instead of staying until publication.
 */
export function openUnparsed(bundle: PlanBundle): UnparsedBlock[] {
  const blocks = (bundle.plan.extraction as { unparsed?: UnparsedBlock[] } | null)?.unparsed ?? [];
  const spans = [...bundle.targets, ...bundle.tasks].flatMap((i) =>
    i.sourceStart !== null && i.sourceEnd !== null ? [[i.sourceStart, i.sourceEnd] as const] : [],
  );
  return blocks.filter((b) => !spans.some(([start, end]) => start < b.source.end && end > b.source.start));
}

/** What publishing refuses (`blocking`) and what it only points out (`warnings`). */
export function publishCheck(bundle: PlanBundle): TPlanReview["publishCheck"] {
  const unassigned = targetsWithoutUnits(bundle.targets, bundle.targetUnits);
  const leadless = bundle.tasks.filter((t) => !t.leadUnitId && !t.leadNone);
  const blocking = [
    ...shortTexts(leadless.map((t) => t.text)).map((text) => REVIEW_SENTENCES.taskWithoutLead.vi(text)),
    ...shortTexts(unassigned.map((t) => t.text)).map((text) => REVIEW_SENTENCES.targetWithoutUnit.vi(text)),
  ];
  const warnings: string[] = [];
  const unconfirmed = bundle.targets.filter((t) => !t.indicatorConfirmed).length;
  if (unconfirmed) warnings.push(REVIEW_SENTENCES.unconfirmed.vi(`${unconfirmed}`));
  const unsure = [...bundle.targets, ...bundle.tasks].filter((i) => i.confidence < REVIEW_CONFIDENCE).length;
  if (unsure) warnings.push(REVIEW_SENTENCES.unsure.vi(`${unsure}`));
  const unparsed = openUnparsed(bundle).length;
  if (unparsed) warnings.push(REVIEW_SENTENCES.unparsed.vi(`${unparsed}`));
  return { blocking, warnings, unassignedTargets: unassigned.map((t) => ({ key: t.key, text: t.text })) };
}

/**
 * Ban hành — freezes the draft as version n: refuses while a task has no lead (and
 * is not marked as having none) or a target has no reporting unit (unless the focal
 * officer confirms the issuing unit reports it itself), stores the snapshot, and for n > 1 the diff from
 * version n−1, which becomes superseded; writes the reporting periods.
 */
export async function publishPlan(
  db: Database,
  {
    actor,
    code,
    issuingUnitReports = false,
    quiet = false,
  }: {
    actor: Actor;
    code: string;
    issuingUnitReports?: boolean;
    /** Tells no lead unit (the demo seed publishes plans in force for months). */
    quiet?: boolean;
  },
): Promise<{ plan: PlanRow; snapshot: TPlanDetail; warnings: string[]; diff: TPlanDiff | null }> {
  return db.transaction(async (tx) => {
    const draft = await editableDraft(tx, actor, code);
    const bundle = await loadPlanBundle(tx, draft);
    const unassigned = targetsWithoutUnits(bundle.targets, bundle.targetUnits);
    if (issuingUnitReports && unassigned.length) {
      // Confirmed by the focal officer: the issuing unit reports these targets itself.
      const adds = unassigned.map((t) => ({ targetKey: t.key, unitId: draft.unitId }));
      await writeTargetUnits(tx, draft, actor, adds);
      bundle.targetUnits.push(
        ...adds.map((a) => ({
          ...a,
          tenantId: draft.tenantId,
          planId: draft.id,
          assignedBy: actor.id,
          assignedAt: new Date(),
        })),
      );
    }
    const check = publishCheck(bundle);
    if (check.blocking.length) {
      const targets = check.unassignedTargets.length;
      const tasks = check.blocking.length - targets;
      const parts = [
        tasks ? `${tasks} nhiệm vụ chưa có đơn vị chủ trì` : null,
        targets ? `${targets} chỉ tiêu chưa có đơn vị báo cáo` : null,
      ].filter(Boolean);
      throw new AppError(
        "conflict",
        `Chưa thể ban hành: ${parts.join(", ")}.`,
        check.blocking.map((message) => ({
          path: message.startsWith("Chỉ tiêu") ? "targets" : "tasks",
          message,
        })),
      );
    }
    const now = new Date();
    const [previous] = await tx
      .select()
      .from(planVersions)
      .where(
        and(
          eq(planVersions.tenantId, draft.tenantId),
          eq(planVersions.code, draft.code),
          eq(planVersions.version, draft.version - 1),
        ),
      );
    await tx
      .update(plans)
      .set({ status: "superseded", updatedAt: now })
      .where(
        and(eq(plans.tenantId, draft.tenantId), eq(plans.code, draft.code), eq(plans.status, "published")),
      );
    const [plan] = await tx
      .update(plans)
      .set({ status: "published", publishedAt: now, publishedBy: actor.id, updatedAt: now })
      .where(and(eq(plans.tenantId, draft.tenantId), eq(plans.id, draft.id)))
      .returning();
    await refreshPlanSummaries(tx, { tenantId: plan.tenantId, planCode: plan.code });
    // The version in force decides each target's indicator rule: its stored figures follow.
    await refreshTargetFigures(tx, { tenantId: plan.tenantId, planCode: plan.code });
    const snapshot = presentPlanDetail(await loadPlanBundle(tx, plan));
    const diff = previous ? diffPlans(previous.snapshot as TPlanDetail, snapshot) : null;
    await tx.insert(planVersions).values({
      tenantId: plan.tenantId,
      code: plan.code,
      version: plan.version,
      planId: plan.id,
      snapshot,
      diff,
      reason: plan.amendmentReason,
      publishedAt: now,
      publishedBy: actor.id,
    });
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "plan.publish",
      entity: "plan",
      entityId: plan.id,
      unitId: plan.unitId,
      after: { code: plan.code, version: plan.version, changes: diff?.summary.length ?? null },
    });
    // Kỳ báo cáo exist from the day the plan is in force, so pages that only read them
    // (the public page) see them; an amendment's new reporting rules add theirs.
    await writePlanPeriods(tx, plan);
    if (!quiet)
      await tellLeadUnits(tx, actor, plan, bundle, previous?.snapshot as TPlanDetail | undefined, now);
    return { plan, snapshot, warnings: check.warnings, diff };
  });
}

/**
 * Giao nhiệm vụ: each unit that now leads tasks it did not lead in the previous version
 * hears of them once, its own staff (not the administrators above it) in the app and by e-mail.
 */
async function tellLeadUnits(
  tx: Database,
  actor: Actor,
  plan: PlanRow,
  bundle: PlanBundle,
  previous: TPlanDetail | undefined,
  now: Date,
): Promise<void> {
  const before = new Set(
    (previous?.tasks ?? []).filter((t) => t.lead.unit).map((t) => `${t.key}:${t.lead.unit?.id}`),
  );
  const byUnit = new Map<string, string[]>();
  for (const t of bundle.tasks) {
    if (!t.leadUnitId || before.has(`${t.key}:${t.leadUnitId}`)) continue;
    byUnit.set(t.leadUnitId, [...(byUnit.get(t.leadUnitId) ?? []), t.text]);
  }
  await tellTasksAssigned(tx, { tenantId: plan.tenantId, actor, plan, byUnit, occasion: "", now });
}
