import { timingSafeEqual } from "node:crypto";
import { grantRoots, isAllowed, wholeProvinces } from "@dtplan/domain/access/access.ts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { atSnapshot } from "../../db/data-snapshot.ts";
import type { Database } from "../../db/database.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { subtreeIdsByTenant, unitPaths } from "./access.repository.ts";
import type { Actor, ActorGrant } from "./actor.ts";

/** The units a request acts on; every one must allow the route's permission. */
export type UnitResolver = (
  request: FastifyRequest,
) => string | readonly string[] | null | undefined | Promise<string | readonly string[] | null | undefined>;

/**
 * What a route requires, declared once in its `config.access`:
 * - `"public"`: anyone;
 * - `"authenticated"`: any signed-in user (acts only on themselves);
 * - `"superadmin"`: only a superadministrator (the whole installation: backups);
 * - `{ permission, units }`: the permission on every unit `units` returns; without
 *   `units`, the permission on some unit, and the handler keeps to the caller's reach.
 */
export type RouteAccess =
  | "public"
  | "authenticated"
  | "superadmin"
  | { permission: Permission; units?: UnitResolver };

export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every `/api` route with its declared access (tests enumerate it). */
    apiRoutes: ApiRoute[];
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

type Reaching = Pick<Actor, "grants" | "readAt" | "reach">;

/**
 * Units' paths as far as access needs them: a unit under a grant's unit stands with the
 * grant units it lies under (read with the session, actor.reach) — all `isAllowed` looks
 * for on a path. Others (outside every grant, or made since the session was read) are
 * looked up, once per database snapshot when the request has one (read-cache.ts).
 */
async function pathsOf(db: Database, actor: Pick<Actor, "readAt" | "reach">, ids: readonly string[]) {
  const out = new Map<string, string[]>();
  const rest: string[] = [];
  for (const id of ids) {
    const roots = actor.reach?.under.get(id);
    if (roots) out.set(id, [id, ...roots]);
    else rest.push(id);
  }
  if (rest.length === 0) return out;
  const found = await atSnapshot(db, actor.readAt, `unitPaths|${[...rest].sort().join(",")}`, () =>
    unitPaths(db, rest),
  );
  for (const [id, path] of found) out.set(id, path.ids);
  return out;
}

/** Throws 404 for a unit that does not exist and 403 for one outside the actor's grants. */
export async function assertAllowed(
  db: Database,
  actor: Reaching,
  permission: Permission,
  unitIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(unitIds)];
  const paths = await pathsOf(db, actor, ids);
  for (const unitId of ids) {
    const path = paths.get(unitId);
    if (!path) throw notFound("Không tìm thấy đơn vị.");
    if (!isAllowed(actor.grants, permission, path)) throw forbidden();
  }
}

/**
 * Other units' statements, figures and unapproved content of a plan are for those who
 * review its periods: the focal officer and the leader (reports.review) and the province
 * viewer (dashboard.read) on the plan's unit. A unit reporter reads its own report.
 */
export async function assertOverseesUnit(db: Database, actor: Reaching, unitId: string): Promise<void> {
  if (await overseesUnit(db, actor, unitId)) return;
  throw forbidden(
    "Chỉ chuyên viên đầu mối, lãnh đạo và cán bộ theo dõi cấp tỉnh xem được số liệu và báo cáo của các đơn vị; cán bộ báo cáo xem báo cáo của đơn vị mình.",
  );
}

/** Whether the actor oversees `unitId` (see assertOverseesUnit); 404 for a unit that does not exist. */
export async function overseesUnit(db: Database, actor: Reaching, unitId: string): Promise<boolean> {
  const path = (await pathsOf(db, actor, [unitId])).get(unitId);
  if (!path) throw notFound("Không tìm thấy đơn vị.");
  return isAllowed(actor.grants, "reports.review", path) || isAllowed(actor.grants, "dashboard.read", path);
}

export interface Reach {
  /** Every unit the permission reaches. */
  unitIds: Set<string>;
  /** Tenants in which the permission reaches the top-level unit (the whole tenant). */
  wholeTenants: Set<string>;
  /** Tenants in which it reaches at least one unit. */
  tenants: Set<string>;
}

/** Grant roots grouped by the tenant their grant names, for statements routed per tenant. */
export function rootsByTenant(
  grants: readonly ActorGrant[],
  roots: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of grants) {
    if (!roots.includes(g.unitId)) continue;
    out.set(g.tenantId, [...new Set([...(out.get(g.tenantId) ?? []), g.unitId])]);
  }
  return out;
}

/** Where `permission` reaches for this actor: the subtrees of the grants that carry it. */
export async function reachOf(db: Database, actor: Reaching, permission: Permission): Promise<Reach> {
  const roots = grantRoots(actor.grants, permission);
  const unitIds = new Set<string>();
  if (actor.reach) {
    // Read with the session: the units under a grant's unit that carries the permission.
    const carrying = new Set(roots);
    for (const [id, under] of actor.reach.under) if (under.some((r) => carrying.has(r))) unitIds.add(id);
  } else {
    // The subtrees below the same roots are read once per database snapshot (a copy each time).
    const below = await atSnapshot(db, actor.readAt, `subtrees|${[...roots].sort().join(",")}`, () =>
      subtreeIdsByTenant(db, rootsByTenant(actor.grants, roots)),
    );
    for (const id of below) unitIds.add(id);
  }
  const wholeTenants = wholeProvinces(actor.grants, permission);
  const tenants = new Set(actor.grants.filter((g) => roots.includes(g.unitId)).map((g) => g.tenantId));
  return { unitIds, wholeTenants, tenants };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originMatches(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The province a request works in, when the caller names one: header `x-dtplan-province`
 * or query `province` (the province's unit id). Plan codes are unique per province only;
 * with a choice, `/plans/{code}` resolves in that province alone.
 */
function chosenProvince(request: FastifyRequest): string | null {
  const header = request.headers["x-dtplan-province"];
  const query = (request.query as { province?: unknown } | undefined)?.province;
  const value = typeof header === "string" && header ? header : typeof query === "string" ? query : "";
  if (!value) return null;
  if (!UUID.test(value)) {
    throw new AppError(
      "bad_request",
      "Mã tỉnh (x-dtplan-province hoặc ?province=) phải là mã định danh (UUID).",
      [{ path: "province", message: "Mã định danh không hợp lệ" }],
    );
  }
  return value.toLowerCase();
}

/** Sessions, CSRF and the per-route permission check. */
export const accessPlugin = fp(
  async (
    app: FastifyInstance,
    opts: {
      db: Database;
      /** The signed-in actor behind a request's session, or null (sessions belong to auth). */
      actorOf: (request: FastifyRequest) => Promise<Actor | null>;
    },
  ) => {
    app.decorate("apiRoutes", [] as ApiRoute[]);
    app.decorateRequest("actor", null);

    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api")) return;
      const access = route.config?.access;
      if (!access)
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method === "HEAD") continue;
        app.apiRoutes.push({ method, url: route.url, access });
      }
    });

    app.addHook("onRequest", async (request) => {
      const access = request.routeOptions.config?.access;
      if (!access) return;
      if (STATE_CHANGING.has(request.method) && !originMatches(request)) {
        throw new AppError("csrf_failed", "Yêu cầu đến từ một trang khác bị từ chối.");
      }
      if (access === "public") return;
      request.actor = await opts.actorOf(request);
      if (!request.actor) {
        throw new AppError(
          "unauthenticated",
          "Bạn cần đăng nhập (phiên làm việc không tồn tại hoặc đã hết hạn).",
        );
      }
      request.actor.chosenTenantId = chosenProvince(request);
      if (STATE_CHANGING.has(request.method)) {
        const header = request.headers["x-csrf-token"];
        if (typeof header !== "string" || !sameSecret(header, request.actor.session.csrfToken)) {
          throw new AppError("csrf_failed");
        }
      }
      if (access === "superadmin" && !request.actor.isSuperadmin) {
        throw forbidden("Chỉ quản trị viên toàn hệ thống được thực hiện thao tác này.");
      }
    });

    app.addHook("preHandler", async (request) => {
      const access = request.routeOptions.config?.access;
      if (!access || typeof access === "string") return;
      const actor = requireActor(request);
      const resolved = access.units ? await access.units(request) : null;
      const unitIds = resolved == null ? [] : typeof resolved === "string" ? [resolved] : [...resolved];
      if (unitIds.length === 0) {
        if (grantRoots(actor.grants, access.permission).length === 0) throw forbidden();
        return;
      }
      await assertAllowed(opts.db, actor, access.permission, unitIds);
    });
  },
  { name: "dtplan-access" },
);
