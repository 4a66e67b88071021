import { defineConfig } from "vitest/config";

const BROWSER_TESTS = "packages/web/test/**/*.browser.test.ts";

// One suite for the whole workspace, in two projects so each run pays only for the
// set-up its files need:
// - "main": every test but the browser ones. The server's global set-up starts a
//   throwaway PostgreSQL 15 and migrates a template database there and a PGlite image
//   once, so data-layer tests run on both without migrating per suite.
// - "browser": Chromium against the built web app. Its global set-up builds the app
//   when its sources changed and seeds the demo once; each file gets its own copy.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default on 2 cores is one worker; the tests wait on PostgreSQL, Chromium
    // and LibreOffice (other processes) much of the time, so two keep both cores busy.
    maxWorkers: 2,
    reporters: ["default", "./scripts/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          sequence: { groupOrder: 0 },
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
      {
        extends: true,
        test: {
          name: "browser",
          include: [BROWSER_TESTS],
          // After the main project's files: its global set-up builds the app and seeds the
          // demo in the background meanwhile, and its files wait for that.
          sequence: { groupOrder: 1 },
          // Each file starts its own server on its own copy of the demo; the modules (the
          // server's, Playwright's) are loaded once per worker, as in "main".
          isolate: false,
          globalSetup: ["packages/web/test/global-setup.ts"],
        },
      },
    ],
  },
});
