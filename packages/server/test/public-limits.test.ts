/**
 * The public page's limits: a search typed without diacritics matches in SQL exactly as
 * the domain folds text, and a public request that cannot finish in time answers 503 in
 * Vietnamese instead of holding the server.
 */
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { type Database, queryRows } from "../src/db/database.ts";
import { DATABASE_KINDS, openTestDatabase } from "./helpers.ts";

/** Every Vietnamese letter, both cases, and the spellings plans mix. */
const VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
const SAMPLES = [
  VIETNAMESE,
  VIETNAMESE.toUpperCase(),
  "Kế hoạch số 12/KH-UBND ngày 05/02/2026 của Ủy ban nhân dân xã Phú Túc",
  "Phòng Văn hoá - Xã hội; Uỷ ban; KH&CN; CBCCVC (trừ văn bản mật)",
  "  ĐẶC KHU   Phú Quốc — 2026–2030  ",
];

describe.each(DATABASE_KINDS)("dtplan_fold agrees with the domain's folding (%s)", (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(kind));
  });
  afterAll(() => close());

  it("folds every Vietnamese letter and the samples as foldVietnamese does", async () => {
    for (const text of [...SAMPLES, ...[...VIETNAMESE].map((c) => `x${c}${c.toUpperCase()}y`)]) {
      const [row] = await queryRows<{ f: string }>(db, sql`SELECT dtplan_fold(${text}) AS f`);
      expect(row.f, text).toBe(foldVietnamese(text));
    }
  });
});

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
