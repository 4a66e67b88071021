/**
 * A public request that cannot finish in time answers 503 in Vietnamese instead of
 * holding the server. PostgreSQL only: it is the server that cancels a statement after
 * statement_timeout; embedded PGlite runs statements on the process's own thread and
 * has no timer to stop one.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import {
  closeDatabase,
  type Database,
  databaseDriver,
  readOnlyPool,
  wrapPgPool,
} from "../src/db/database.ts";
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

  it("opens its read-only connections with the server's own startup options kept", async () => {
    const driver = databaseDriver(db);
    if (driver.kind !== "postgres") throw new Error("a PostgreSQL suite");
    const url = new URL(
      String((driver.pool as pg.Pool & { options: pg.PoolConfig }).options.connectionString),
    );
    url.searchParams.set("options", "-c application_name=dtplan_options_test");
    const server = wrapPgPool(new pg.Pool({ connectionString: url.toString(), max: 1 }));
    try {
      const pool = readOnlyPool(server, 1234);
      if (!pool) throw new Error("PostgreSQL has a read-only pool");
      const { rows } = await pool.query(
        `SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout,
                current_setting('transaction_read_only') AS ro`,
      );
      expect(rows[0]).toEqual({ app: "dtplan_options_test", timeout: "1234ms", ro: "on" });
    } finally {
      await closeDatabase(server);
    }
  });
});
