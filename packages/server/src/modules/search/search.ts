import type { TSearchQuery, TSearchResults } from "@dtplan/contracts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import { SEARCH_KINDS } from "@dtplan/domain/search/kinds.ts";
import type { Database } from "../../db/database.ts";
import { todayIso } from "../../db/sql.ts";
import type { Lang } from "../../i18n/error-text.ts";
import { type Reach, reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { actorTenants, readablePlanUnits } from "../plans/plan-access.ts";
import { presentHit } from "./search.presenter.ts";
import { type FoundRow, findInTenant, type TenantSearchScope, type UnitScope } from "./search.repository.ts";

const scopeIn = (reach: Reach, tenantId: string, units: ReadonlySet<string> = reach.unitIds): UnitScope =>
  reach.wholeTenants.has(tenantId) ? "all" : [...units];

/**
 * Tìm kiếm: plans, targets, tasks, units, reports and people whose names hold every word
 * typed (diacritics optional), among what the person may read — the access module's
 * reach of each permission, the same rules the pages themselves apply. Grouped by kind,
 * at most `limit` of each.
 */
export async function search(
  db: Database,
  actor: Actor,
  query: TSearchQuery,
  lang: Lang = "vi",
): Promise<TSearchResults> {
  const reachOfEach = async (permissions: Permission[]) =>
    Promise.all(permissions.map((p) => reachOf(db, actor, p)));
  const [plansRead, orgRead, review, usersRead] = await reachOfEach([
    "plans.read",
    "org.read",
    "reports.review",
    "users.read",
  ]);
  const planUnits = await readablePlanUnits(db, actor);
  const today = todayIso();
  const found: FoundRow[] = [];
  for (const tenantId of actorTenants(actor)) {
    const scope: TenantSearchScope = {
      tenantId,
      planUnits: scopeIn(plansRead, tenantId, planUnits),
      orgUnits: scopeIn(orgRead, tenantId),
      reportUnits: scopeIn(plansRead, tenantId),
      reviewPlanUnits: scopeIn(review, tenantId),
      peopleUnits: scopeIn(usersRead, tenantId),
    };
    // One more than shown tells whether there are more.
    found.push(...(await findInTenant(db, scope, query.q, query.limit + 1, today)));
  }
  const groups = SEARCH_KINDS.map((kind) => {
    const seen = new Set<string>();
    const rows = found.filter((r) => r.kind === kind && !seen.has(r.id) && seen.add(r.id));
    return {
      kind,
      items: rows.slice(0, query.limit).map((r) => presentHit(r, lang)),
      more: rows.length > query.limit,
    };
  }).filter((g) => g.items.length > 0);
  return { q: query.q, groups };
}
