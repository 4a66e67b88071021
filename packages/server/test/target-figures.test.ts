import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addScaleProvinces } from "../src/bench/scale-data.ts";
import { queryRows } from "../src/db/database.ts";
import { up as backfillTargetFigures } from "../src/db/migrations/0016_target_figures.ts";
import { up as backfillReportingStatus } from "../src/db/migrations/0019_reporting_status.ts";
import { describeBothDatabases } from "./helpers.ts";
import { expectStoredFiguresMatch } from "./stored-figures.ts";

// Generated data (the scale bench's generator, a small province): reports written straight
// into the tables, their figures stored by the generator and, again, by the migration's data step.
describeBothDatabases("stored target figures, completeness and timeliness on generated data", (ctx) => {
  beforeAll(async () => {
    await addScaleProvinces(ctx.db, {
      from: 0,
      to: 1,
      shape: { communesPerProvince: 3, departmentsPerProvince: 1, targetsPerPlan: 30, tasksPerPlan: 8 },
    });
  }, 120_000);

  const rows = () =>
    queryRows(
      ctx.db,
      sql`SELECT tenant_id, plan_code, period_id, target_key, approved_only, value, numerator, denominator,
                 reporting_units FROM target_figures ORDER BY period_id, target_key, approved_only`,
    );

  it("reads the same figures as the roll-up on request, whether the generator or the migration stored them", async () => {
    expect(await expectStoredFiguresMatch(ctx.db, ctx.config.attainment.nearThreshold)).toBeGreaterThan(50);
    // An existing database: the migration's data step fills the table from the reports alone, the same.
    const stored = await rows();
    await ctx.db.execute(sql`DELETE FROM target_figures`);
    await backfillTargetFigures(ctx.db);
    expect(await rows()).toEqual(stored);
    // And the completeness and timeliness rows, the generator's and the data step's alike.
    const statuses = () =>
      queryRows(
        ctx.db,
        sql`SELECT tenant_id, plan_code, period_id, unit_id, expected, role, task_count, target_count, report_id,
                   status, first_submitted_at, days_late FROM reporting_status ORDER BY period_id, unit_id`,
      );
    const kept = await statuses();
    expect(kept.length).toBeGreaterThan(50);
    await ctx.db.execute(sql`DELETE FROM reporting_status`);
    await backfillReportingStatus(ctx.db);
    expect(await statuses()).toEqual(kept);
  });
});
