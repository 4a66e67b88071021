import type { TPlanAttainment, TPlanCascade } from "@dtplan/contracts";
import { rollUp } from "@dtplan/domain/attainment/roll-up.ts";
import { descendants, isInForce } from "@dtplan/domain/org/tree.ts";
import { COMMUNE_LEVEL_KINDS } from "@dtplan/domain/org/unit-kinds.ts";
import {
  type CorrespondingTarget,
  suggestHigherTarget,
  type TargetMatchSuggestion,
} from "@dtplan/domain/plans/target-correspondence.ts";
import { todayInVietnam } from "@dtplan/domain/time/vietnam.ts";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type PlanTargetLinkRow, plans } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { findUnitsByIds } from "../org/org.repository.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";
import { loadBasis, loadTenantTree, userNames } from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { legalBasisCiting, linksOfPlans } from "./cascade.repository.ts";

/** The version in force of each published plan matching `where`, newest version first per code. */
export async function plansInForce(db: Database, tenantId: string, where: SQL): Promise<PlanRow[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published"), where))
    .orderBy(plans.code, desc(plans.version));
  const seen = new Set<string>();
  return rows.filter((p) => !seen.has(p.code) && Boolean(seen.add(p.code)));
}

interface Correspondence {
  /** The higher target this target serves: confirmed, or on the same catalogue indicator. */
  higherKey: string | null;
  confirmed: boolean;
  suggestion: TargetMatchSuggestion | null;
}

/**
 * Which higher target each lower target serves: the focal officer's confirmed choice when
 * there is one for this higher plan; else the same-indicator suggestion (unconfirmed). A
 * suggestion on wording alone counts only once confirmed.
 */
export function correspond(
  lower: readonly CorrespondingTarget[],
  higher: readonly CorrespondingTarget[],
  higherPlanCode: string,
  links: readonly PlanTargetLinkRow[],
): Map<string, Correspondence> {
  const stored = new Map(
    links.filter((l) => l.higherPlanCode === higherPlanCode).map((l) => [l.targetKey, l]),
  );
  const higherKeys = new Set(higher.map((h) => h.key));
  return new Map(
    lower.map((t): [string, Correspondence] => {
      const suggestion = suggestHigherTarget(t, higher);
      const link = stored.get(t.key);
      if (link) {
        const key =
          link.higherTargetKey && higherKeys.has(link.higherTargetKey) ? link.higherTargetKey : null;
        return [t.key, { higherKey: key, confirmed: true, suggestion }];
      }
      const sure = suggestion?.basis === "indicator" ? suggestion.higherKey : null;
      return [t.key, { higherKey: sure, confirmed: false, suggestion }];
    }),
  );
}

const asCorresponding = (t: { key: string; text: string; indicatorCode: string | null }) => ({
  key: t.key,
  text: t.text,
  indicatorCode: t.indicatorCode,
});

/**
 * Kế hoạch cấp trên ↔ cấp dưới: the commune plans that implement this plan (linked from the
 * legal basis the import reads, confirmed in review) and, per target, their corresponding
 * targets with their latest results, rolled up by the indicator's rule with the basis of the
 * figure; and, upward, the plan this one implements and the target of it each target serves.
 */
export async function planCascade(
  db: Database,
  { actor, code, nearThreshold }: { actor: Actor; code: string; nearThreshold: number },
): Promise<TPlanCascade> {
  const versions = await readablePlanVersions(db, actor, code);
  const plan = versions.find((p) => p.status === "published") ?? versions[0];
  const tenantId = plan.tenantId;
  const tree = await loadTenantTree(db, tenantId);
  const basis = await loadBasis(db, plan, tree);
  const lowerPlans = await plansInForce(db, tenantId, eq(plans.implementsPlanCode, plan.code));
  const higher = plan.implementsPlanCode
    ? ((await plansInForce(db, tenantId, eq(plans.code, plan.implementsPlanCode)))[0] ?? null)
    : null;
  const names = new Map(
    (
      await findUnitsByIds(db, [
        plan.unitId,
        ...lowerPlans.map((p) => p.unitId),
        ...(higher ? [higher.unitId] : []),
      ])
    ).map((u) => [u.id, u.name]),
  );
  const ref = (p: PlanRow) => ({
    code: p.code,
    title: p.title,
    unit: { id: p.unitId, name: names.get(p.unitId) ?? "" },
  });
  const ownTargets = basis.targets.map(asCorresponding);
  // Xã, phường in force today under the plan's unit: "2/21 xã có số liệu" counts against all of them.
  const communeKinds = new Set<string>(COMMUNE_LEVEL_KINDS);
  const today = todayInVietnam();
  const communes = descendants(tree.units.values(), plan.unitId)
    .map((id) => tree.units.get(id))
    .filter((u) => u && communeKinds.has(u.kind) && isInForce(u, today)).length;

  // Each lower plan's latest figures, one attainment each (a province has a hundred communes at most a plan each).
  const lowerLinks = await linksOfPlans(
    db,
    tenantId,
    lowerPlans.map((p) => p.code),
  );
  const lower: { plan: PlanRow; result: TPlanAttainment; serves: Map<string, Correspondence> }[] = [];
  for (const p of lowerPlans) {
    const result = await planAttainment(db, {
      ctx: { plan: p },
      nearThreshold,
      basis: await loadBasis(db, p, tree),
    });
    const serves = correspond(
      result.targets.map((t) => ({
        key: t.targetKey,
        text: t.text,
        indicatorCode: t.indicator?.code ?? null,
      })),
      ownTargets,
      plan.code,
      lowerLinks.filter((l) => l.planCode === p.code),
    );
    lower.push({ plan: p, result, serves });
  }

  const targets = basis.targets.map((target) => {
    const own = target.indicatorCode ? (basis.indicators.get(target.indicatorCode) ?? null) : null;
    const matches = lower.flatMap(({ plan: p, result, serves }) =>
      result.targets
        .filter((t) => serves.get(t.targetKey)?.higherKey === target.key)
        .map((t) => ({
          plan: ref(p),
          targetKey: t.targetKey,
          text: t.text,
          targetValue: t.targetValue,
          value: t.value,
          period: t.value === null ? null : (result.period?.label ?? null),
          attainment: t.attainment,
          confirmed: serves.get(t.targetKey)?.confirmed ?? false,
          numerator: t.numerator,
          denominator: t.denominator,
          indicator: t.indicator,
        })),
    );
    // A province target on no catalogue indicator rolls up by the one indicator all its communes' targets share.
    const shared = new Set(matches.map((m) => m.indicator?.code ?? null));
    const theirs = shared.size === 1 && !shared.has(null) ? matches[0].indicator : null;
    const indicator = own ? { ...own, fromLower: false } : theirs ? { ...theirs, fromLower: true } : null;
    const withFigures = matches.filter((m) => m.value !== null);
    return {
      targetKey: target.key,
      text: target.text,
      indicator: indicator
        ? {
            code: indicator.code,
            name: indicator.name,
            aggregation: indicator.aggregation,
            fromLower: indicator.fromLower,
          }
        : null,
      lower: matches.map(({ numerator: _n, denominator: _d, indicator: _i, ...m }) => m),
      rollUp: {
        value: indicator
          ? rollUp(
              withFigures.map((m) => ({
                unitId: m.plan.code,
                value: indicator.aggregation === "ratio" ? null : m.value,
                numerator: m.numerator,
                denominator: m.denominator,
                reportedAt: "",
              })),
              indicator.aggregation,
            )
          : null,
        from: new Set(withFigures.map((m) => m.plan.code)).size,
        matched: new Set(matches.map((m) => m.plan.code)).size,
        of: lowerPlans.length,
        periods: [...new Set(withFigures.map((m) => m.period).filter((p): p is string => p !== null))],
      },
    };
  });

  const higherTargets = higher ? (await loadBasis(db, higher, tree)).targets : [];
  const ownLinks = higher ? await linksOfPlans(db, tenantId, [plan.code]) : [];
  const serves = higher
    ? correspond(ownTargets, higherTargets.map(asCorresponding), higher.code, ownLinks)
    : new Map<string, Correspondence>();
  const higherText = new Map(higherTargets.map((h) => [h.key, h.text]));
  const confirmer = plan.implementsConfirmedBy
    ? ((await userNames(db, [plan.implementsConfirmedBy])).get(plan.implementsConfirmedBy) ?? null)
    : null;

  return {
    plan: ref(plan),
    communes,
    implementers: lowerPlans.map((p) => ({ ...ref(p), confirmed: p.implementsConfirmedAt !== null })),
    targets,
    implements: higher
      ? {
          ...ref(higher),
          confirmed: plan.implementsConfirmedAt !== null,
          confirmedBy: plan.implementsConfirmedBy
            ? { id: plan.implementsConfirmedBy, name: confirmer ?? "" }
            : null,
          legalBasis: await legalBasisCiting(db, plan, higher.code),
        }
      : null,
    serves: basis.targets.map((t) => {
      const s = serves.get(t.key);
      return {
        targetKey: t.key,
        text: t.text,
        higher: s?.higherKey ? { targetKey: s.higherKey, text: higherText.get(s.higherKey) ?? "" } : null,
        confirmed: s?.confirmed ?? false,
        suggestion: s?.suggestion
          ? { targetKey: s.suggestion.higherKey, basis: s.suggestion.basis, score: s.suggestion.score }
          : null,
      };
    }),
    higherTargets: higherTargets.map((h) => ({
      targetKey: h.key,
      text: h.text,
      indicatorCode: h.indicatorCode,
    })),
  };
}
