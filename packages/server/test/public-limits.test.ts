/**
 * A public request that cannot finish in time answers 503 in Vietnamese instead of
 * holding the server. PostgreSQL only: it is the server that cancels a statement after
 * statement_timeout; embedded PGlite runs statements on the process's own thread and
 * has no timer to stop one.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import type { Database } from "../src/db/database.ts";
import { openTestDatabase } from "./helpers.ts";

describe("a public request that runs out of time (postgres)", () => {
  let db: Database;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase("postgres"));
    app = await buildApp(testConfig({ publicPages: { cacheSeconds: 0, timeoutMs: 300 } }), { db });
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it("answers 503 in Vietnamese and frees the connection", async () => {
    // Another session holds the plans table: the public list would wait for ever.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`LOCK TABLE plans IN ACCESS EXCLUSIVE MODE`);
      locked();
      await held;
    });
    await isLocked;
    const res = await app.inject({ method: "GET", url: "/api/public/plans" });
    release();
    await holder;
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: "unavailable",
      message: "Máy chủ đang bận. Vui lòng thử lại sau ít phút.",
    });
    expect(res.headers["cache-control"]).toBe("no-store");
    // Once the table is free again the same request answers.
    expect((await app.inject({ method: "GET", url: "/api/public/plans" })).statusCode).toBe(200);
  });
});
