/**
 * Once per run of the browser tests: builds the web app if its sources changed
 * (web-build.ts) and seeds the demo once, into a PGlite data directory that each
 * browser file copies for its own server (server-harness.ts). Seeding per file cost
 * seconds each; a copy of the directory costs a fraction of one, and a file that
 * changes data still changes only its own copy.
 *
 * Vitest runs every project's global set-up before any test, one after the other, and
 * the build and the seed took most of a minute on one core while the other waited. So
 * this set-up only starts them and returns: the main project's files run meanwhile (the
 * browser project comes after them, vitest.config.ts), and a browser file's server waits
 * for the file `browserReady` names (server-harness.ts).
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { scratchDir, startDtplan } from "./server-harness.ts";
import { ensureWebBuilt } from "./web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data directory holding the seeded demo; copy it, never open it. */
    demoDataDir: string;
    /** Written once the app is built and the demo seeded: `{ ok: true }` or `{ ok: false, error }`. */
    browserReady: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = scratchDir("dtplan-browser-demo-");
  const dataDir = path.join(dir, "pgdata");
  const ready = path.join(dir, "ready.json");
  const work = (async () => {
    await ensureWebBuilt();
    // The same start-up as `dtplan serve --demo`, on a data directory, stopped once seeded.
    const server = await startDtplan({ dataDir, demo: true });
    await server.close();
  })().then(
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
  project.provide("demoDataDir", dataDir);
  project.provide("browserReady", ready);
  return async () => {
    await work;
    rmSync(dir, { recursive: true, force: true });
  };
}
