/**
 * The web app's files on a slow line: the build writes brotli and gzip copies beside
 * each asset (packages/web/precompress.ts, the same function the Vite build runs), the
 * server sends the copy the browser accepts, and hashed assets are cached for a year as
 * immutable while index.html is checked on every visit.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../web/precompress.ts";
import { buildApp } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { openTestDatabase } from "./helpers.ts";

const webDist = mkdtempSync(path.join(tmpdir(), "dtplan-web-"));
const ASSET = "/assets/index-Bx7f3Qa1.js";
const script = `export const labels = ${JSON.stringify(
  Array.from({ length: 400 }, (_, i) => `Kế hoạch chuyển đổi số số ${i}`),
)};\n`;

describe("static assets", () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(path.join(webDist, "assets"));
    writeFileSync(
      path.join(webDist, "index.html"),
      `<!doctype html><html><head><script type="module" src="${ASSET}"></script></head><body>${"<!-- dtplan -->".repeat(100)}</body></html>`,
    );
    writeFileSync(path.join(webDist, ASSET), script);
    expect(await precompressDir(webDist)).toBe(2);
    const database = await openTestDatabase("pglite");
    close = database.close;
    app = await buildApp(testConfig({ webDist }), { db: database.db });
  });

  afterAll(async () => {
    await app?.close();
    await close?.();
    rmSync(webDist, { recursive: true, force: true });
  });

  it("sends a hashed asset brotli-compressed when asked, as immutable for a year", async () => {
    const response = await app.inject({
      method: "GET",
      url: ASSET,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(response.headers["content-type"])).toMatch(/javascript/);
    expect(response.rawPayload.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it("sends gzip to a browser without brotli, and the plain file to one that asks for neither", async () => {
    const gzipped = await app.inject({ method: "GET", url: ASSET, headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: "GET", url: ASSET, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("has index.html checked again on every visit, compressed too, also when a deep link falls back to it", async () => {
    const html = readFileSync(path.join(webDist, "index.html"), "utf8");
    for (const url of ["/", "/my-tasks"]) {
      const response = await app.inject({ method: "GET", url, headers: { "accept-encoding": "br" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(response.headers["content-encoding"], url).toBe("br");
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(html);
    }
  });
});
