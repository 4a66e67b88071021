import { defineConfig } from "vitest/config";

// npm run test:reliability — crash (kill -9) and load runs against real server processes.
// Not part of npm test (minutes, and it loads the machine); concurrent edits are
// (packages/server/test/concurrent-edits.test.ts).
export default defineConfig({
  test: {
    include: ["packages/server/reliability/**/*.test.ts"],
    globalSetup: ["packages/server/test/global-setup.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
