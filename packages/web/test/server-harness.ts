/**
 * Starts the real dtplan server in-process for browser tests: in-memory PGlite,
 * demo data, serving the built web app from packages/web/dist on a free port.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// DTPLAN_TEST_WEB_DIST lets parallel work build and test its own copy of the app.
export const WEB_DIST = process.env.DTPLAN_TEST_WEB_DIST ?? path.join(WEB_ROOT, "dist");

/** Builds the web app when `dist` is missing (the test script normally builds it first). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(path.join(WEB_DIST, "index.html"))) return;
  const { build } = await import("vite");
  await build({
    configFile: path.join(WEB_ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: WEB_DIST, emptyOutDir: true },
  });
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(
      `Building the web app did not produce ${WEB_DIST}/index.html; run: npm run build -w @dtplan/web`,
    );
  }
}

export interface RunningDtplan {
  url: string;
  close(): Promise<void>;
}

// Only the server API this harness needs. Imported by path at run time, so the web
// package's typecheck does not compile the server (a colleague's work in progress).
interface ServerModule {
  startServer(config: unknown, opts: { demo: boolean }): Promise<{ url: string; close(): Promise<void> }>;
}
interface ConfigModule {
  testConfig(overrides: { webDist: string; demoPassword: string }): unknown;
}
const SERVER_SRC = path.resolve(WEB_ROOT, "../server/src");

/** The server's own start-up (`dtplan serve --demo`), on in-memory PGlite and a free port. */
export async function startDtplan(): Promise<RunningDtplan> {
  await ensureWebBuilt();
  const { startServer } = (await import(path.join(SERVER_SRC, "server.ts"))) as ServerModule;
  const { testConfig } = (await import(path.join(SERVER_SRC, "config.ts"))) as ConfigModule;
  const server = await startServer(testConfig({ webDist: WEB_DIST, demoPassword: "dtplan-demo" }), {
    demo: true,
  });
  return { url: server.url, close: () => server.close() };
}
