import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addScaleProvinces } from "../src/bench/scale-data.ts";
import { queryRows } from "../src/db/database.ts";
import { up as backfillTargetFigures } from "../src/db/migrations/0016_target_figures.ts";
import { up as backfillReportingStatus } from "../src/db/migrations/0019_reporting_status.ts";
import { buildUser, describeBothDatabases, loginAs } from "./helpers.ts";
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

  it("serves the province view, each public plan page and consolidated report of the generated province within their contracts", async () => {
    // Sent unchecked when serving (trustedResponse): the tests' app checks each answer here.
    const [root] = await queryRows<{ id: string; tenant_id: string; code: string }>(
      ctx.db,
      sql`SELECT id, tenant_id, code FROM org_units WHERE id = tenant_id AND code = 'T01'`,
    );
    const leader = await buildUser(ctx.db, {
      grants: [{ unit: { id: root.id, tenantId: root.tenant_id }, role: "leader" }],
    });
    const signedIn = await loginAs(ctx.app, leader);
    const ok = async (url: string, headers: Record<string, string> = signedIn.headers) => {
      const res = await ctx.app.inject({ method: "GET", url, headers });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    };
    await ok("/api/province");
    const periods = await queryRows<{ plan_code: string; key: string }>(
      ctx.db,
      sql`SELECT rp.plan_code, rp.key FROM reporting_periods rp
           WHERE rp.tenant_id = ${root.tenant_id} AND rp.key IN ('2026-Q1', '2026-Q3')
             AND rp.plan_code IN (SELECT p.code FROM plans p WHERE p.tenant_id = ${root.tenant_id} AND p.status = 'published')
           ORDER BY rp.plan_code, rp.key LIMIT 4`,
    );
    expect(periods.length).toBeGreaterThan(1);
    for (const code of new Set(periods.map((p) => p.plan_code)))
      await ok(`/api/public/plans/t01/${code}`, {});
    for (const p of periods) await ok(`/api/plans/${p.plan_code}/periods/${p.key}/consolidated`);
  });
});
