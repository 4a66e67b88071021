import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds the slowest files took in a clean-clone run on two cores. Only the order of
 * the files depends on them: a long file started last keeps one core busy while the
 * other has nothing left to do, so the longest start first. After a first run in a
 * working copy, vitest's own record of each file's time takes their place.
 */
const SLOW_FILES: Record<string, number> = {
  "packages/web/test/daily.browser.test.ts": 45,
  "packages/web/test/dti.browser.test.ts": 43,
  "packages/web/test/phone.browser.test.ts": 37,
  "packages/web/test/reporting.browser.test.ts": 35,
  "packages/web/test/plans.browser.test.ts": 25,
  "packages/web/test/dashboards.browser.test.ts": 20,
  "packages/web/test/shell.browser.test.ts": 19,
  "packages/web/test/consolidated.browser.test.ts": 17,
  "packages/web/test/exports.browser.test.ts": 12,
  "packages/web/test/review-tables.browser.test.ts": 12,
  "packages/web/test/reform.browser.test.ts": 11,
  "packages/cli/test/extract-cli.test.ts": 38,
  "packages/server/test/demo-interrupted.test.ts": 30,
  // The first to ask for the run's demo copies (demo-snapshot.ts) waits for their seeds.
  "packages/server/test/consolidated-cli.test.ts": 25,
  "packages/server/test/demo.test.ts": 22,
  "packages/server/test/cli.test.ts": 20,
  "packages/server/test/consolidated.test.ts": 18,
  "packages/server/test/backup-cli.test.ts": 17,
  "packages/server/test/reads-never-write.test.ts": 15,
  "packages/server/test/backup.test.ts": 13,
  "packages/server/test/route-access.test.ts": 12,
  "packages/server/test/text-safety.test.ts": 10,
};

/**
 * The main project's files first, then the browser files (they wait for the web build
 * and the demo, made while the main files run); within each, the longest first. Both
 * projects are one group (vitest.config.ts), so the browser files start as soon as a
 * worker is free instead of after the last main file.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's own order: the time each file took in the last run here, else its size.
    const ordered = await super.sort(files);
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const file = path.relative(root, spec.moduleId);
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`)?.duration;
      return last !== undefined ? last / 1000 : (SLOW_FILES[file] ?? 0);
    };
    const browser = (spec: TestSpecification) => (spec.project.name === "browser" ? 1 : 0);
    const index = new Map(ordered.map((spec, i) => [spec, i]));
    return [...ordered].sort(
      (a, b) =>
        browser(a) - browser(b) || seconds(b) - seconds(a) || (index.get(a) ?? 0) - (index.get(b) ?? 0),
    );
  }
}
