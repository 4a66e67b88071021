import type { TSetTargetUnits, TSetTargetUnitsResult, TTargetUnits } from "@dtplan/contracts";
import { isInForce } from "@dtplan/domain/org/tree.ts";
import { COMMUNE_LEVEL_KINDS } from "@dtplan/domain/org/unit-kinds.ts";
import { suggestTargetUnits } from "@dtplan/domain/reporting/target-units.ts";
import { todayInVietnam } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type OrgUnitRow,
  type PlanRow,
  type PlanTargetRow,
  type PlanTargetUnitRow,
  planTargets,
  planTargetUnits,
  planTasks,
} from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { listTenantUnits } from "../org/org.repository.ts";
import { editableDraft } from "./review-items.ts";
import { loadTargetUnits } from "./target-units.repository.ts";

const COMMUNE_LEVEL = new Set<string>(COMMUNE_LEVEL_KINDS);

interface TargetUnitsBasis {
  targets: PlanTargetRow[];
  assignments: PlanTargetUnitRow[];
  units: Map<string, OrgUnitRow>;
  suggestions: Map<string, { unitId: string; reason: "task_lead" | "commune_scope" }[]>;
}

/** A plan version's targets, their reporting units, the tenant's units and each target's suggestions. */
async function loadTargetUnitsBasis(db: Database, plan: PlanRow): Promise<TargetUnitsBasis> {
  const [targets, tasks, assignments, unitRows] = await Promise.all([
    db
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, plan.tenantId), eq(planTargets.planId, plan.id)))
      .orderBy(planTargets.position),
    db
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id))),
    loadTargetUnits(db, plan),
    listTenantUnits(db, plan.tenantId),
  ]);
  const units = new Map(unitRows.map((u) => [u.id, u]));
  const today = todayInVietnam();
  const suggestions = new Map(
    targets.map((t) => [t.key, suggestTargetUnits(t, { tasks, units, issuingUnitId: plan.unitId, today })]),
  );
  return { targets, assignments, units, suggestions };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

/** Đơn vị báo cáo of each target of the plan version, with suggestions and the units to choose from. */
export async function targetUnitsOf(db: Database, plan: PlanRow): Promise<TTargetUnits> {
  const basis = await loadTargetUnitsBasis(db, plan);
  const today = todayInVietnam();
  const ref = (id: string) => ({ id, name: basis.units.get(id)?.name ?? "" });
  return {
    plan: {
      code: plan.code,
      version: plan.version,
      editable: plan.status === "draft",
      issuingUnit: ref(plan.unitId),
    },
    targets: basis.targets.map((t) => ({
      key: t.key,
      text: t.text,
      pillar: t.pillar,
      scope: t.scope,
      reported: t.indicatorCode !== null,
      units: basis.assignments
        .filter((a) => a.targetKey === t.key)
        .map((a) => ref(a.unitId))
        .sort(byName),
      suggestions: (basis.suggestions.get(t.key) ?? []).map((s) => ({ ...ref(s.unitId), reason: s.reason })),
    })),
    candidates: [...basis.units.values()]
      .filter((u) => isInForce(u, today))
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        communeLevel: COMMUNE_LEVEL.has(u.kind),
      }))
      .sort(byName),
  };
}

/**
 * Đơn vị báo cáo, in bulk — one change (add, replace, remove, or each target's suggestions)
 * to many targets of the draft or amendment draft; with `preview`, only says what would
 * change. Units must be of the plan's province and in force today. One audit entry per target changed.
 */
export async function setTargetUnits(
  db: Database,
  { actor, code, input }: { actor: Actor; code: string; input: TSetTargetUnits },
): Promise<TSetTargetUnitsResult> {
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const basis = await loadTargetUnitsBasis(tx, plan);
    const today = todayInVietnam();
    for (const id of new Set(input.unitIds)) {
      const unit = basis.units.get(id);
      if (!unit)
        throw new AppError("bad_request", "Đơn vị được chọn không thuộc tỉnh của kế hoạch.", [
          { path: "unitIds", message: id },
        ]);
      if (!isInForce(unit, today))
        throw new AppError(
          "bad_request",
          `Đơn vị "${unit.name}" không còn hoạt động; hãy chọn đơn vị kế thừa.`,
          [{ path: "unitIds", message: unit.name }],
        );
    }
    const targets = new Map(basis.targets.map((t) => [t.key, t]));
    const missing = input.targetKeys.filter((k) => !targets.has(k));
    if (missing.length)
      throw new AppError("bad_request", `${missing.length} chỉ tiêu được chọn không thuộc kế hoạch này.`, [
        { path: "targetKeys", message: missing.join(", ") },
      ]);
    const ref = (id: string) => ({ id, name: basis.units.get(id)?.name ?? "" });
    const changes: TSetTargetUnitsResult["changes"] = [];
    const adds: { targetKey: string; unitId: string }[] = [];
    const removes: { targetKey: string; unitId: string }[] = [];
    for (const key of new Set(input.targetKeys)) {
      const now = new Set(basis.assignments.filter((a) => a.targetKey === key).map((a) => a.unitId));
      const chosen =
        input.mode === "suggested" ? (basis.suggestions.get(key) ?? []).map((s) => s.unitId) : input.unitIds;
      const next =
        input.mode === "replace"
          ? new Set(chosen)
          : input.mode === "remove"
            ? new Set([...now].filter((id) => !chosen.includes(id)))
            : new Set([...now, ...chosen]);
      const added = [...next].filter((id) => !now.has(id));
      const removed = [...now].filter((id) => !next.has(id));
      if (added.length === 0 && removed.length === 0) continue;
      changes.push({
        key,
        text: (targets.get(key) as PlanTargetRow).text,
        added: added.map(ref).sort(byName),
        removed: removed.map(ref).sort(byName),
      });
      for (const unitId of added) adds.push({ targetKey: key, unitId });
      for (const unitId of removed) removes.push({ targetKey: key, unitId });
    }
    if (input.preview || changes.length === 0) return { applied: false, changes };
    await writeTargetUnits(tx, plan, actor, adds, removes);
    // One audit entry per target changed: who gave which target to which units.
    for (const c of changes) {
      await recordAudit(tx, {
        tenantId: plan.tenantId,
        actorId: actor.id,
        action: "plan.target_units",
        entity: "plan_target",
        entityId: (targets.get(c.key) as PlanTargetRow).id,
        unitId: plan.unitId,
        after: {
          code: plan.code,
          version: plan.version,
          mode: input.mode,
          text: c.text,
          added: c.added.map((u) => u.name),
          removed: c.removed.map((u) => u.name),
        },
      });
    }
    return { applied: true, changes };
  });
}

/** Inserts and deletes reporting-unit rows of one plan version (one statement each). */
export async function writeTargetUnits(
  db: Database,
  plan: Pick<PlanRow, "tenantId" | "id">,
  actor: Pick<Actor, "id">,
  adds: readonly { targetKey: string; unitId: string }[],
  removes: readonly { targetKey: string; unitId: string }[] = [],
): Promise<void> {
  if (adds.length)
    await db
      .insert(planTargetUnits)
      .values(adds.map((a) => ({ tenantId: plan.tenantId, planId: plan.id, ...a, assignedBy: actor.id })))
      .onConflictDoNothing();
  if (removes.length)
    await db.delete(planTargetUnits).where(
      and(
        eq(planTargetUnits.tenantId, plan.tenantId),
        eq(planTargetUnits.planId, plan.id),
        sql`(${planTargetUnits.targetKey}, ${planTargetUnits.unitId}) IN (${sql.join(
          removes.map((r) => sql`(${r.targetKey}::uuid, ${r.unitId}::uuid)`),
          sql`, `,
        )})`,
      ),
    );
}
