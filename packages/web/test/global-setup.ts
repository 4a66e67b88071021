/**
 * Once per run of the browser tests: builds the web app if its sources changed
 * (web-build.ts), in the background: vitest runs every project's global set-up before
 * any test, and the build took most of a minute on one core while the other waited. The
 * main project's files run meanwhile (the browser project comes after them,
 * vitest.config.ts), and a browser file's server waits for the file `browserReady` names.
 *
 * Each browser file's server runs on its own copy of the demo, seeded at most once per run
 * and shared with the main project's files (the server's test/demo-snapshot.ts, under
 * `demoRoot`): a seed costs tens of seconds, a copy a fraction of one, and a file that
 * changes data still changes only its own copy (server-harness.ts).
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { scratchDir } from "./server-harness.ts";
import { ensureWebBuilt } from "./web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's directory for the demo seeded once (the server's test/demo-snapshot.ts). */
    demoRoot: string;
    /** Written once the app is built: `{ ok: true }` or `{ ok: false, error }`. */
    browserReady: string;
  }
}

// The server test harness's demo directory, imported by path at run time (as
// server-harness.ts does) so the web package's typecheck does not compile the server.
interface DemoSnapshotModule {
  demoRoot(): string;
  removeDemoRoot(): void;
}
const DEMO_SNAPSHOT = path.resolve(import.meta.dirname, "../../server/test/demo-snapshot.ts");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { demoRoot, removeDemoRoot } = (await import(DEMO_SNAPSHOT)) as DemoSnapshotModule;
  const dir = scratchDir("dtplan-browser-");
  const ready = path.join(dir, "ready.json");
  const work = ensureWebBuilt().then(
    () => writeFileSync(ready, JSON.stringify({ ok: true })),
    (error: unknown) =>
      writeFileSync(
        ready,
        JSON.stringify({
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      ),
  );
  project.provide("demoRoot", demoRoot());
  project.provide("browserReady", ready);
  return async () => {
    await work;
    rmSync(dir, { recursive: true, force: true });
    removeDemoRoot();
  };
}
