import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { REPO_ROOT, testConfig } from "../src/config.ts";
import { openTestDatabase } from "./helpers.ts";

const webDist = mkdtempSync(path.join(tmpdir(), "dtplan-web-"));
writeFileSync(
  path.join(webDist, "index.html"),
  '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body></body></html>',
);

async function headersOf(cookieSecure: boolean, url: string) {
  const { db, close } = await openTestDatabase("pglite");
  const app = await buildApp(testConfig({ webDist, cookieSecure }), { db });
  try {
    const response = await app.inject({ method: "GET", url });
    return { status: response.statusCode, headers: response.headers };
  } finally {
    await app.close();
    await close();
  }
}

describe("security headers", () => {
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it("sends a Content-Security-Policy allowing only the app's own scripts on the HTML, and no HSTS over plain HTTP", async () => {
    const { status, headers } = await headersOf(false, "/");
    expect(status).toBe(200);
    const csp = String(headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("adds HSTS when DTPLAN_COOKIE_SECURE=true (dtplan behind TLS), on pages and the API", async () => {
    for (const url of ["/", "/api/health"]) {
      const { headers } = await headersOf(true, url);
      expect(headers["strict-transport-security"], url).toBe("max-age=31536000");
      expect(String(headers["content-security-policy"])).toContain("default-src 'self'");
    }
  });

  it("keeps the web app's index.html free of inline scripts (the CSP would block them)", () => {
    const html = readFileSync(path.join(REPO_ROOT, "packages/web/index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe("");
    }
  });
});
