import { grantRoots } from "@dtplan/domain/access/access.ts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/database.ts";
import { jsonRows, readTogether, readTogetherBuiltOnce, rowsFromJson } from "../../db/json-rows.ts";
import {
  type OrgUnitRow,
  orgUnits,
  PLAN_DOCUMENT,
  type PlanHead,
  type PlanRow,
  plans,
} from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { unitPathsIn } from "../access/access.repository.ts";
import { reachOf, requireActor, rootsByTenant } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { findPlanVersions } from "./plans.repository.ts";

export const planNotFound = () => notFound("Không tìm thấy kế hoạch.");

/**
 * The units whose plans the actor may read: every unit their `plans.read` reaches,
 * and the ancestors of the units they hold it on (the plans those units implement).
 */
export async function readablePlanUnits(db: Database, actor: Actor): Promise<Set<string>> {
  const roots = rootsByTenant(actor.grants, grantRoots(actor.grants, "plans.read"));
  if (actor.reach) {
    // Read with the session: the subtrees and each grant unit's path up.
    const units = (await reachOf(db, actor, "plans.read")).unitIds;
    for (const ids of roots.values())
      for (const id of ids) for (const up of actor.reach.above.get(id) ?? []) units.add(up);
    return units;
  }
  // A grant names its unit's province: the paths up are read there, beside the subtrees.
  const [reach, ...paths] = await Promise.all([
    reachOf(db, actor, "plans.read"),
    ...[...roots].map(([tenantId, ids]) => unitPathsIn(db, tenantId, ids)),
  ]);
  const units = new Set(reach.unitIds);
  for (const byRoot of paths) for (const path of byRoot.values()) for (const id of path.ids) units.add(id);
  return units;
}

/** Every province the actor holds a role in: the shards their readable units live on. */
export const grantTenants = (actor: Pick<Actor, "grants">) => [
  ...new Set(actor.grants.map((g) => g.tenantId)),
];

/** The provinces the actor holds roles in, narrowed to the one the request chose (if any). */
export const actorTenants = (actor: Actor) =>
  [...new Set(actor.grants.map((g) => g.tenantId))].filter(
    (t) => !actor.chosenTenantId || t === actor.chosenTenantId,
  );

/** Every version of a plan the actor may read, newest first; 404 otherwise. */
export async function readablePlanVersions(db: Database, actor: Actor, code: string): Promise<PlanRow[]> {
  const [rows, units] = await Promise.all([
    findPlanVersions(db, actorTenants(actor), code, actor.tenantId),
    readablePlanUnits(db, actor),
  ]);
  return readableOnly(rows, units);
}

/** The versions of a plan read by the caller's own statement, if the actor may read it; 404 otherwise. */
export async function readableVersions<P extends PlanHead>(
  db: Database,
  actor: Actor,
  rows: P[],
): Promise<P[]> {
  return readableOnly(rows, await readablePlanUnits(db, actor));
}

function readableOnly<P extends PlanHead>(rows: P[], units: ReadonlySet<string>): P[] {
  if (rows.length === 0 || !units.has(rows[0].unitId)) throw planNotFound();
  return rows;
}

/**
 * readablePlanVersions with the units of the plan's province, read in the same statement when
 * the caller works in one province, and what else the caller reads there (`more`, parts of
 * readTogether in that province); with several provinces the units and `more` are left to
 * the caller (null).
 */
export async function readablePlanVersionsWithUnits<K extends string = never>(
  db: Database,
  actor: Actor,
  code: string,
  more?: (tenantId: string) => Record<K, SQL>,
  /**
   * Names every value `more` puts in the statement besides the province and the plan's code:
   * the statement is then built once per key and province and code (readTogetherBuiltOnce).
   */
  moreKey?: string,
): Promise<{ rows: PlanHead[]; units: Map<string, OrgUnitRow> | null; more: Record<K, unknown> | null }> {
  const tenants = actorTenants(actor);
  if (tenants.length !== 1)
    return { rows: await readablePlanVersions(db, actor, code), units: null, more: null };
  const [tenantId] = tenants;
  const parts = () => ({
    ...(more?.(tenantId) ?? ({} as Record<K, SQL>)),
    access_plans: jsonRows(
      plans,
      and(eq(plans.tenantId, tenantId), eq(plans.code, code)),
      sql`${plans.version} DESC`,
      PLAN_DOCUMENT,
    ),
    access_units: jsonRows(orgUnits, eq(orgUnits.tenantId, tenantId), sql`${orgUnits.code}`),
  });
  const [read, readable] = await Promise.all([
    moreKey === undefined
      ? readTogether(db, parts())
      : readTogetherBuiltOnce(db, JSON.stringify(["planWith", moreKey, tenantId, code]), () => ({
          parts: parts(),
        })),
    readablePlanUnits(db, actor),
  ]);
  const rows = readableOnly(rowsFromJson(plans, read.access_plans, PLAN_DOCUMENT), readable);
  return {
    rows,
    units: new Map(rowsFromJson(orgUnits, read.access_units).map((u) => [u.id, u])),
    more: read as Record<K, unknown>,
  };
}

/** `config.access.units` for routes on `/plans/:code`: the plan's issuing unit. */
export function planUnitOf(db: Database) {
  return async (request: FastifyRequest): Promise<string> => {
    const actor = requireActor(request);
    const { code } = request.params as { code: string };
    const rows = await findPlanVersions(db, actorTenants(actor), code, actor.tenantId);
    if (rows.length === 0) throw planNotFound();
    return rows[0].unitId;
  };
}
