import type { FastifyInstance, FastifyRequest } from "fastify";
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
  /** As the serializer gave it: a string, or the UTF-8 bytes of a trusted route's answer. */
  body: string | Buffer;
  contentType: string;
}

/** What an answer's body holds in memory: a string two bytes a character (at most). */
const bytesKept = (body: string | Buffer) => (typeof body === "string" ? body.length * 2 : body.length) + 200;

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

  // One computation per answer: requests for the same key at the same snapshot while it is
  // being computed wait for it (a burst of leaders opening the same dashboard computes it once).
  const pending = new WeakMap<object, (reply: CachedReply | null) => void>();

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
    const kept = cache.get<Promise<CachedReply | null>>(request.dataSnapshot, key);
    const hit = kept ? await kept : null;
    if (!hit) {
      request.readCacheKey = key;
      if (!kept) {
        cache.set(
          request.dataSnapshot,
          key,
          new Promise<CachedReply | null>((resolve) => pending.set(request, resolve)),
          1024,
        );
      }
      reply.header(READ_CACHE_HEADER, "miss");
      return;
    }
    reply.header(READ_CACHE_HEADER, "hit").header("content-type", hit.contentType);
    return reply.send(hit.body);
  });

  const settle = (request: FastifyRequest, kept: CachedReply | null) => {
    const resolve = pending.get(request);
    if (!resolve) return;
    pending.delete(request);
    resolve(kept);
    const key = request.readCacheKey;
    if (!key || !request.dataSnapshot) return;
    cache.delete(request.dataSnapshot, key);
    if (kept) cache.set(request.dataSnapshot, key, Promise.resolve(kept), bytesKept(kept.body));
  };

  app.addHook("onSend", async (request, reply, payload) => {
    if (
      request.readCacheKey &&
      reply.statusCode === 200 &&
      (typeof payload === "string" || Buffer.isBuffer(payload))
    ) {
      const contentType = String(reply.getHeader("content-type") ?? "application/json; charset=utf-8");
      if (pending.has(request)) settle(request, { body: payload, contentType });
      else if (request.dataSnapshot) {
        cache.set(
          request.dataSnapshot,
          request.readCacheKey,
          Promise.resolve({ body: payload, contentType }),
          bytesKept(payload),
        );
      }
    }
    settle(request, null);
    return payload;
  });
  // An answer that never reached onSend (the client went away): the waiters compute their own.
  app.addHook("onResponse", async (request) => settle(request, null));
  app.addHook("onRequestAbort", async (request) => settle(request, null));
}
