import type { TPlanAttainment, TPlanCascade } from "@dtplan/contracts";
import { rollUp } from "@dtplan/domain/attainment/roll-up.ts";
import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { findUnitsByIds } from "../org/org.repository.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";
import { loadBasis, loadTenantTree } from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";

/** The version in force of each published plan matching `where`, newest version first per code. */
async function inForce(db: Database, tenantId: string, where: ReturnType<typeof eq>): Promise<PlanRow[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published"), where))
    .orderBy(plans.code, desc(plans.version));
  const seen = new Set<string>();
  return rows.filter((p) => !seen.has(p.code) && Boolean(seen.add(p.code)));
}

/**
 * Kế hoạch cấp trên ↔ cấp dưới: the commune plans that implement this plan (linked by the
 * legal basis the import reads, confirmed in review) and, per target, their targets on the
 * same catalogue indicator with their latest results, rolled up by the indicator's rule;
 * and, upward, which targets of the plan this one implements its own targets serve.
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
  const lowerPlans = await inForce(db, tenantId, eq(plans.implementsPlanCode, plan.code));
  const higher = plan.implementsPlanCode
    ? ((await inForce(db, tenantId, eq(plans.code, plan.implementsPlanCode)))[0] ?? null)
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
  // Each lower plan's latest figures, one attainment each (a province has a hundred communes at most a plan each).
  const lower: { plan: PlanRow; result: TPlanAttainment }[] = [];
  for (const p of lowerPlans) {
    const result = await planAttainment(db, {
      ctx: { plan: p },
      nearThreshold,
      basis: await loadBasis(db, p, tree),
    });
    lower.push({ plan: p, result });
  }
  const targets = basis.targets.map((target) => {
    const indicator = target.indicatorCode ? (basis.indicators.get(target.indicatorCode) ?? null) : null;
    const matches = indicator
      ? lower.flatMap(({ plan: p, result }) =>
          result.targets
            .filter((t) => t.indicator?.code === indicator.code)
            .map((t) => ({
              plan: ref(p),
              targetKey: t.targetKey,
              text: t.text,
              targetValue: t.targetValue,
              value: t.value,
              period: result.period?.label ?? null,
              attainment: t.attainment,
              numerator: t.numerator,
              denominator: t.denominator,
            })),
        )
      : [];
    const withFigures = matches.filter((m) => m.value !== null);
    return {
      targetKey: target.key,
      text: target.text,
      indicator: indicator
        ? { code: indicator.code, name: indicator.name, aggregation: indicator.aggregation }
        : null,
      lower: matches.map(({ numerator: _n, denominator: _d, ...m }) => m),
      rollUp: indicator
        ? {
            value: rollUp(
              withFigures.map((m) => ({
                unitId: m.plan.code,
                value: indicator.aggregation === "ratio" ? null : m.value,
                numerator: m.numerator,
                denominator: m.denominator,
                reportedAt: "",
              })),
              indicator.aggregation as IndicatorAggregation,
            ),
            from: withFigures.length,
            of: matches.length,
          }
        : null,
    };
  });
  const higherTargets = higher ? (await loadBasis(db, higher, tree)).targets : [];
  return {
    plan: ref(plan),
    implementers: lowerPlans.map(ref),
    targets,
    implements: higher ? ref(higher) : null,
    serves: basis.targets
      .filter((t) => t.indicatorCode)
      .map((t) => ({
        targetKey: t.key,
        text: t.text,
        higher: higherTargets
          .filter((h) => h.indicatorCode === t.indicatorCode)
          .map((h) => ({ targetKey: h.key, text: h.text })),
      }))
      .filter((s) => s.higher.length > 0),
  };
}
