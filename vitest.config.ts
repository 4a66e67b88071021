import { defineConfig } from "vitest/config";

// One suite for the whole workspace. The server's global set-up starts a throwaway
// PostgreSQL 15 so data-layer tests run on it and on PGlite in the same run.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    globalSetup: ["packages/server/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
