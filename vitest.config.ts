import { defineConfig } from "vitest/config";
import LongestFirst from "./scripts/test-sequencer.ts";

const BROWSER_TESTS = "packages/web/test/**/*.browser.test.ts";

// One suite for the whole workspace, in two projects so each run pays only for the
// set-up its files need:
// - "main": every test but the browser ones. The server's global set-up starts a
//   throwaway PostgreSQL 15 and migrates a template database there and a PGlite image
//   once, so data-layer tests run on both without migrating per suite.
// - "browser": Chromium against the built web app. Its global set-up builds the app
//   when its sources changed, in the background while the main files run; each file
//   gets its own copy of the demo seeded once per run. Listed first so that its set-up
//   starts the build before the main set-up starts PostgreSQL (set-ups run in this order).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default on 2 cores is one worker; the tests wait on PostgreSQL, Chromium
    // and LibreOffice (other processes) much of the time, so two keep both cores busy.
    maxWorkers: 2,
    reporters: ["default", "./scripts/summary-reporter.ts"],
    // The longest files first, the browser files after the main ones, all in one queue so
    // neither core waits for the other's last file (scripts/test-sequencer.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "browser",
          include: [BROWSER_TESTS],
          // Each file starts its own server on its own copy of the demo; the modules (the
          // server's, Playwright's) are loaded once per worker, as in "main".
          isolate: false,
          globalSetup: ["packages/web/test/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "main",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: [BROWSER_TESTS, "**/node_modules/**"],
          globalSetup: ["packages/server/test/global-setup.ts"],
          // A worker keeps the modules it has imported from one file to the next: loading
          // the server's module graph again for each of ~110 files cost a third of the
          // suite's CPU. Files share no state through modules: each opens its own database
          // and app (helpers.ts), and a file that changes process.env restores it.
          isolate: false,
        },
      },
    ],
  },
});
