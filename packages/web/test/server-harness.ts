/**
 * Starts the real dtplan server in-process for browser tests: PGlite holding the demo
 * data, serving the built web app (web-build.ts) on a free port.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { WEB_DIST } from "./web-build.ts";

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

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
  testConfig(overrides: {
    webDist: string;
    demoPassword: string;
    database: { kind: "pglite"; dataDir: string | null };
  }): unknown;
}
interface DemoSnapshotModule {
  demoDataDir(root: string): Promise<string>;
}
const SERVER_SRC = path.resolve(WEB_ROOT, "../server/src");
const DEMO_SNAPSHOT = path.resolve(WEB_ROOT, "../server/test/demo-snapshot.ts");

/**
 * A new scratch directory, in memory (/dev/shm) where the system has one: a server's
 * PGlite on a disk directory writes through to the disk on every commit, which made the
 * browser flows far slower than the in-memory database they used before.
 */
export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), prefix));
}

/**
 * The server's own start-up (`dtplan serve`) on a free port. With `demo`, it seeds the
 * demo into `dataDir` (in memory without one), as `dtplan serve --demo` does.
 */
export async function startDtplan({
  dataDir = null,
  demo = false,
}: {
  dataDir?: string | null;
  demo?: boolean;
} = {}): Promise<RunningDtplan> {
  const { startServer } = (await import(path.join(SERVER_SRC, "server.ts"))) as ServerModule;
  const { testConfig } = (await import(path.join(SERVER_SRC, "config.ts"))) as ConfigModule;
  const config = testConfig({
    webDist: WEB_DIST,
    demoPassword: "dtplan-demo-2025",
    database: { kind: "pglite", dataDir },
  });
  const server = await startServer(config, { demo });
  return { url: server.url, close: () => server.close() };
}

/**
 * Waits for global-setup.ts to have built the app (it does so while the main project's
 * tests run), and fails with its error when it could not.
 */
export async function browserSetUp(readyFile: string, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(readyFile)) {
    if (Date.now() > deadline) throw new Error("The browser tests' set-up (web build) did not finish");
    // Polling a file: the set-up runs in vitest's main process, the tests in workers.
    await sleep(250);
  }
  const state = JSON.parse(readFileSync(readyFile, "utf8")) as { ok: boolean; error?: string };
  if (!state.ok) throw new Error(`The browser tests' set-up failed: ${state.error}`);
}

/**
 * A server on its own copy of the demo seeded at most once per run under `demoRoot`
 * (the server's test/demo-snapshot.ts), so what one test file changes never reaches another.
 */
export async function startDemoCopy(demoRoot: string, readyFile: string): Promise<RunningDtplan> {
  const { demoDataDir } = (await import(DEMO_SNAPSHOT)) as DemoSnapshotModule;
  // The first file of a run may seed the demo while the set-up still builds the app.
  const [demo] = await Promise.all([demoDataDir(demoRoot), browserSetUp(readyFile)]);
  const dir = scratchDir("dtplan-browser-");
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const dataDir = path.join(dir, "pgdata");
    cpSync(demo, dataDir, { recursive: true });
    const server = await startDtplan({ dataDir });
    return {
      url: server.url,
      close: async () => {
        try {
          await server.close();
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
