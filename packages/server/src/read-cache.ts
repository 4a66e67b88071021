import type { FastifyInstance } from "fastify";
import { currentSnapshot, type SnapshotCache } from "./db/data-snapshot.ts";
import type { Database } from "./db/database.ts";
import { todayIso } from "./db/sql.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The GET answer may be reused while the database shows the same data (data-snapshot.ts):
     * only for an answer computed from database rows, the caller (their grants are rows too),
     * the URL, the chosen province and today's date — nothing else (no clock time, no file).
     */
    readCache?: boolean;
  }
  interface FastifyRequest {
    /** The database snapshot the request's session was read at (or its cached answer's). */
    dataSnapshot: string | null;
    readCacheKey: string | null;
  }
}

interface CachedReply {
  body: string;
  contentType: string;
}

/** Header telling whether a cacheable answer was reused (`hit`) or computed (`miss`). */
export const READ_CACHE_HEADER = "x-dtplan-read-cache";

/**
 * Reuses the answers of routes that declare `config.readCache` for requests that read the
 * same data: the key is who asks, the province they chose, the Vietnam date and the URL,
 * under the database snapshot (a new one after any committed write). The route's access
 * check runs first on every request (this hook comes after the access plugin's); only a
 * 200 is kept, as the bytes sent. Without a cache (DTPLAN_READ_CACHE=off, Citus) nothing
 * changes.
 */
export function registerReadCache(app: FastifyInstance, db: Database, cache: SnapshotCache | null): void {
  app.decorateRequest("dataSnapshot", null);
  app.decorateRequest("readCacheKey", null);
  if (!cache) return;

  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "GET" || !request.routeOptions.config?.readCache) return;
    request.dataSnapshot ??= await currentSnapshot(db);
    const province = request.headers["x-dtplan-province"];
    const key = [
      request.actor?.id ?? "public",
      request.actor?.chosenTenantId ?? (typeof province === "string" ? province : ""),
      todayIso(),
      request.url,
    ].join("|");
    const hit = cache.get<CachedReply>(request.dataSnapshot, key);
    if (!hit) {
      request.readCacheKey = key;
      reply.header(READ_CACHE_HEADER, "miss");
      return;
    }
    reply.header(READ_CACHE_HEADER, "hit").header("content-type", hit.contentType);
    return reply.send(hit.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const key = request.readCacheKey;
    if (key && request.dataSnapshot && reply.statusCode === 200 && typeof payload === "string") {
      const contentType = String(reply.getHeader("content-type") ?? "application/json; charset=utf-8");
      cache.set(request.dataSnapshot, key, { body: payload, contentType }, payload.length * 2 + 200);
    }
    return payload;
  });
}
