/**
 * Once per run of the browser tests: builds the web app if its sources changed
 * (web-build.ts) and seeds the demo once, into a PGlite data directory that each
 * browser file copies for its own server (server-harness.ts). Seeding per file cost
 * seconds each; a copy of the directory costs a fraction of one, and a file that
 * changes data still changes only its own copy.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { scratchDir, startDtplan } from "./server-harness.ts";
import { ensureWebBuilt } from "./web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data directory holding the seeded demo; copy it, never open it. */
    demoDataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  await ensureWebBuilt();
  const dir = scratchDir("dtplan-browser-demo-");
  const dataDir = path.join(dir, "pgdata");
  try {
    // The same start-up as `dtplan serve --demo`, on a data directory, stopped once seeded.
    const server = await startDtplan({ dataDir, demo: true });
    await server.close();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide("demoDataDir", dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
