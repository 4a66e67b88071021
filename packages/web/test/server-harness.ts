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
const SERVER_SRC = path.resolve(WEB_ROOT, "../server/src");

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
 * Waits for global-setup.ts to have built the app and seeded the demo (it does so while
 * the main project's tests run), and fails with its error when it could not.
 */
export async function browserSetUp(readyFile: string, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(readyFile)) {
    if (Date.now() > deadline)
      throw new Error("The browser tests' set-up (web build, demo seed) did not finish");
    // Polling a file: the set-up runs in vitest's main process, the tests in workers.
    await sleep(250);
  }
  const state = JSON.parse(readFileSync(readyFile, "utf8")) as { ok: boolean; error?: string };
  if (!state.ok) throw new Error(`The browser tests' set-up failed: ${state.error}`);
}

/**
 * A server on its own copy of `demoDataDir`, the demo seeded once by global-setup.ts,
 * so what one test file changes never reaches another.
 */
export async function startDemoCopy(demoDataDir: string, readyFile: string): Promise<RunningDtplan> {
  await browserSetUp(readyFile);
  const dir = scratchDir("dtplan-browser-");
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const dataDir = path.join(dir, "pgdata");
    cpSync(demoDataDir, dataDir, { recursive: true });
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
