import { ZPlanPeriods } from "@dtplan/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Database, queryRows } from "../src/db/database.ts";
import { listFrameworks } from "../src/modules/dti/dti.repository.ts";
import { createRound, transitionRound } from "../src/modules/dti/rounds.ts";
import { ensureDtiFrameworks } from "../src/modules/dti-seed/framework-rows.ts";
import { DEMO_PASSWORD } from "./demo-snapshot.ts";
import { buildReportingPlan, buildUser, describeBothDatabases, loginAs, type SignedIn } from "./helpers.ts";

const PLAN = "vinh-long-2026";

/**
 * Rows and a digest of every table's content. Sessions are left out: a request slides
 * its own session's expiry (at most once a minute), the one write signing in implies.
 */
async function snapshot(db: Database): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'sessions'
         ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number | string; digest: string | null }>(
      db,
      sql`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.identifier(name)} t`,
    );
    out[name] = `${Number(row.n)} ${row.digest ?? "-"}`;
  }
  return out;
}

describeBothDatabases(
  "reads never write",
  (ctx) => {
    let officer: SignedIn;
    let reporter: SignedIn;
    let viewer: SignedIn;
    let fresh: Awaited<ReturnType<typeof buildReportingPlan>>;
    const unstartedUrl = () => `/api/plans/${fresh.plan.code}/periods/2025-Q1/reports/${fresh.communeA.id}`;
    let reportedUnit: string;
    let unstartedReporter: SignedIn;
    let dtiOfficer: SignedIn;
    let dtiRound: string;

    let calendarPath: string;

    beforeAll(async () => {
      const as = (username: string) => loginAs(ctx.app, { username, password: DEMO_PASSWORD });
      [officer, reporter, viewer] = await Promise.all([
        as("vinhlong.daumoi"),
        as("vinhlong.sonv"),
        as("vinhlong.tinh"),
      ]);
      // The reporter's unit (Sở Nội vụ) reports in the demo's 2026 quarters.
      const periods = await ctx.app.inject({
        method: "GET",
        url: `/api/plans/${PLAN}/periods`,
        headers: reporter.headers,
      });
      reportedUnit = ZPlanPeriods.parse(periods.json()).periods.find((p) => p.key === "2026-Q2")?.mine[0]
        ?.unit.id as string;
      // Beside the demo, a plan whose units have not opened any report yet.
      fresh = await buildReportingPlan(ctx.db);
      unstartedReporter = await loginAs(
        ctx.app,
        await buildUser(ctx.db, { grants: [{ unit: fresh.communeA, role: "unit_reporter" }] }),
      );
      // An open DTI round of the fresh province: its pages are read below.
      const officerUser = await buildUser(ctx.db, {
        grants: [{ unit: fresh.province, role: "focal_officer" }],
      });
      dtiOfficer = await loginAs(ctx.app, officerUser);
      await ensureDtiFrameworks(ctx.db, fresh.province.id);
      const units = (await listFrameworks(ctx.db, fresh.province.id)).find((f) => f.subject === "units");
      const powers = { tenantId: fresh.province.id, manage: true, verify: true, readResults: true };
      dtiRound = await createRound(ctx.db, {
        powers,
        actorId: officerUser.id,
        input: {
          frameworkId: units?.id as string,
          year: 2025,
          name: "Đánh giá DTI 2025",
          unitIds: [fresh.communeA.id, fresh.communeB.id],
          startDate: "2026-01-05",
          dueDate: "2026-02-15",
        },
      });
      await transitionRound(ctx.db, { powers, actorId: officerUser.id, id: dtiRound, action: "open" });
      // The reporter's private deadline calendar, read below without a session.
      const feed = await ctx.app.inject({
        method: "POST",
        url: "/api/account/calendar",
        headers: reporter.headers,
      });
      calendarPath = new URL((feed.json() as { url: string }).url).pathname;
    }, 300_000);

    it("leaves every table as it was after the pages a day's work reads, over the demo", async () => {
      const before = await snapshot(ctx.db);
      const plan = `/api/plans/${PLAN}`;
      const reads: [SignedIn | null, string][] = [
        [officer, "/api/auth/me"],
        [officer, "/api/plans"],
        [officer, plan],
        [officer, `${plan}/versions`],
        [officer, `${plan}/periods`],
        [officer, `${plan}/periods/2026-Q2/status`],
        [officer, `${plan}/attainment`],
        [officer, `${plan}/dashboard`],
        [officer, `${plan}/budget`],
        [officer, `${plan}/periods/2026-Q2/consolidated`],
        [officer, `${plan}/exports/targets?format=json`],
        [officer, `${plan}/exports/indicator-values?format=json`],
        [officer, "/api/plan-tasks"],
        [officer, "/api/indicators"],
        [officer, "/api/indicators?q=dich vu cong&limit=5"],
        [officer, "/api/org/units"],
        [officer, "/api/users"],
        [officer, "/api/notifications"],
        [viewer, "/api/province"],
        [viewer, `${plan}/dashboard`],
        // A report the unit has not started: the empty form, and its Excel template.
        [unstartedReporter, unstartedUrl()],
        [unstartedReporter, `${unstartedUrl()}/xlsx`],
        [reporter, `${plan}/periods/2026-Q2/reports/${reportedUnit}`],
        [reporter, "/api/my-work"],
        // What waits for each role on the home page, and a person's notification settings.
        [reporter, "/api/my-todo"],
        [officer, "/api/my-todo"],
        [unstartedReporter, "/api/my-todo"],
        [reporter, "/api/account/notifications"],
        [null, calendarPath],
        [null, "/api/public/plans"],
        [null, `/api/public/plans/vlg/${PLAN}`],
        // DTI: frameworks, an open round, a unit's self-assessment never opened, the ranking.
        [officer, "/api/dti/frameworks"],
        [dtiOfficer, "/api/dti/rounds"],
        [dtiOfficer, `/api/dti/rounds/${dtiRound}`],
        [dtiOfficer, `/api/dti/rounds/${dtiRound}/units/${fresh.communeA.id}`],
        [unstartedReporter, `/api/dti/rounds/${dtiRound}/units/${fresh.communeA.id}`],
        [dtiOfficer, `/api/dti/rounds/${dtiRound}/ranking`],
        [null, "/api/dti/public/rounds"],
      ];
      for (const [session, url] of reads) {
        const res = await ctx.app.inject({ method: "GET", url, headers: session?.headers ?? {} });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      }
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it("shows a unit's report before its first save as a draft form, and creates the draft on that save", async () => {
      const url = unstartedUrl();
      const form = await ctx.app.inject({ method: "GET", url, headers: unstartedReporter.headers });
      expect(form.statusCode, form.body).toBe(200);
      expect(form.json()).toMatchObject({ status: "draft", version: 1, difficulties: "" });
      const saved = await ctx.app.inject({
        method: "PUT",
        url,
        headers: unstartedReporter.headers,
        payload: { version: 1, difficulties: "Thiếu máy chủ" },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ id: form.json().id, version: 2, difficulties: "Thiếu máy chủ" });
    });
  },
  { demo: true },
);
