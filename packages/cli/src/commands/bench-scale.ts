// `dtplan bench --scale province|national`: the public plan list on province- and
// national-size data in a real PostgreSQL 15 that the bench starts and removes, each
// request timed through the API beside the hand-written SQL that gives the same page,
// measured in the same run. National grows the data 1 → 5 → 34 provinces, so the
// figures show how the cost grows with the number of plans in the country.

import { readFileSync } from "node:fs";
import { benchRequests, visitorAddress } from "./bench-requests.ts";

export type Scale = "province" | "national";

const STEPS: Record<Scale, number[]> = { province: [1], national: [1, 5, 10, 20, 34] };

interface Measured {
  median: number;
  p95: number;
}

function stats(times: number[]): Measured {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  const m = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, p95: at(0.95) };
}

/** The page a hand-written query gives: the plans with their tasks counted on the spot. */
function rawListSql(tenantFilter: boolean): string {
  return `SELECT p.code, p.title, p.kind, p.period_start, p.period_end, p.vision_year, p.document_number,
         p.issued_date, p.version, prov.code AS province_code, prov.name AS province_name, iu.name AS unit_name,
         (SELECT count(*) FROM plan_targets g WHERE g.tenant_id = p.tenant_id AND g.plan_id = p.id) AS targets,
         count(t.id) AS tasks,
         count(t.id) FILTER (WHERE t.completed_at IS NOT NULL OR t.progress >= 100) AS done,
         count(t.id) FILTER (WHERE t.completed_at IS NULL AND coalesce(t.progress, 0) < 100
                               AND NOT t.recurring AND t.deadline_date < $1) AS overdue,
         count(t.id) FILTER (WHERE t.completed_at IS NULL AND coalesce(t.progress, 0) BETWEEN 1 AND 99
                               AND (t.recurring OR t.deadline_date IS NULL OR t.deadline_date >= $1)) AS in_progress,
         round(avg(least(greatest(coalesce(t.progress, 0), 0), 100))) AS average_progress
    FROM plans p
    JOIN org_units prov ON prov.tenant_id = p.tenant_id AND prov.id = p.tenant_id
    LEFT JOIN org_units iu ON iu.tenant_id = p.tenant_id AND iu.id = p.unit_id
    LEFT JOIN plan_tasks t ON t.tenant_id = p.tenant_id AND t.plan_id = p.id
   WHERE p.status = 'published' ${tenantFilter ? "AND p.tenant_id = $2" : ""}
   GROUP BY p.tenant_id, p.id, prov.code, prov.name, iu.name
   ORDER BY prov.name, p.period_start DESC NULLS LAST, p.title
   LIMIT 24`;
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** What one more province adds (NATIONAL_SHAPE): the national figures are 34 of them. */
const NATIONAL = { provinces: 34, communes: 3321, values: 2_700_000, tasks: 130_000 };

export async function benchScale(
  scale: Scale,
  runs: number,
  out: (line: string) => void,
  loadSeconds = 20,
  /** National size stops adding provinces once this much time has gone (the data so far is measured). */
  minutes = 30,
): Promise<void> {
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  const server = await import("@dtplan/server");
  const pg = (await import("pg")).default;
  // Checkpoints wait for the end of generation (a throwaway server, fsync already off).
  const postgres = await server.startThrowawayPostgres([
    "shared_buffers=256MB",
    "max_wal_size=8GB",
    "checkpoint_timeout=30min",
  ]);
  const admin = new pg.Client({ connectionString: postgres.url });
  try {
    await admin.connect();
    await admin.query("CREATE DATABASE dtplan_scale");
    const url = postgres.url.replace(/\/postgres$/, "/dtplan_scale");
    const config = server.testConfig({
      database: { kind: "postgres", url },
      // The cost of computing an answer, not of the caches; they are timed on their own.
      publicPages: { cacheSeconds: 0, timeoutMs: 120_000 },
      readCache: false,
      // As when serving: the answers of trusted routes go out unchecked (tests check them).
      checkTrustedResponses: false,
    });
    const db = await server.openDatabase(config.database);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const app = await server.buildApp(config, { db });
    const cached = await server.buildApp(
      { ...config, publicPages: { cacheSeconds: 300, timeoutMs: 120_000 }, readCache: true },
      { db },
    );
    try {
      await server.migrateToLatest(db);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      out(`dtplan bench --scale ${scale} — public plan list on PostgreSQL 15 (loopback), ${runs} runs each`);
      out("provinces  plans  request                               median ms  p95 ms  raw SQL ms  ratio");
      const { hashPassword } = await import("@dtplan/server/modules/auth/password.ts");
      let have = 0;
      const generated = { reports: 0, values: 0 };
      let generating = 0;
      let measured = 0;
      for (const step of STEPS[scale]) {
        const t0 = Date.now();
        // A province at a time, each said when done: national size takes long on a small
        // machine, so it stops at the time limit and measures what it reached.
        let size = step;
        for (; have < size; have++) {
          if (have > 0 && Date.now() > deadline) {
            out(
              `           time limit of ${minutes} min reached after ${have} province(s): measuring that size, generating no more`,
            );
            size = have;
            break;
          }
          const p0 = Date.now();
          const added = await server.addScaleProvinces(db, { from: have, to: have + 1 });
          generated.reports += added.reports;
          generated.values += added.values;
          generating += Date.now() - p0;
          out(
            `           province ${have + 1} generated in ${((Date.now() - p0) / 1000).toFixed(1)} s (${generated.reports} reports, ${generated.values} indicator values so far; load average ${loadAverage()})`,
          );
        }
        if (size === measured) break; // the limit came right after the last measured size
        measured = size;
        await raw.query("ANALYZE");
        const { rows } = await raw.query("SELECT count(*)::int AS n FROM plans WHERE status = 'published'");
        const plans = rows[0].n as number;
        const province = (await raw.query("SELECT id FROM org_units WHERE code = 'T01' AND id = tenant_id"))
          .rows[0].id as string;
        const cases = [
          {
            what: "all provinces, page 1",
            url: "/api/public/plans",
            raw: () => raw.query(rawListSql(false), [today]),
          },
          {
            what: "one province, page 1",
            url: "/api/public/plans?province=t01",
            raw: () => raw.query(rawListSql(true), [today, province]),
          },
          {
            what: "one province, page 3, search 'hoa binh'",
            url: "/api/public/plans?province=t01&q=hoa%20binh&page=3",
            raw: null,
          },
          { what: "provinces picker", url: "/api/public/provinces", raw: null },
          { what: "all provinces, page 1 (cached)", url: "/api/public/plans", raw: null, cached: true },
        ];
        for (const c of cases) {
          const target = c.cached ? cached : app;
          const call = async () => {
            const res = await target.inject({ method: "GET", url: c.url, remoteAddress: visitorAddress() });
            if (res.statusCode !== 200)
              throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          };
          await call();
          await call();
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const s = process.hrtime.bigint();
            await call();
            times.push(Number(process.hrtime.bigint() - s) / 1e6);
          }
          const mine = stats(times);
          let rawText = "—";
          let ratio = "—";
          if (c.raw) {
            await c.raw();
            const rawTimes: number[] = [];
            for (let i = 0; i < runs; i++) {
              const s = process.hrtime.bigint();
              await c.raw();
              rawTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
            }
            const r = stats(rawTimes);
            rawText = r.median.toFixed(1);
            ratio = `${(mine.median / r.median).toFixed(2)}×`;
          }
          out(
            `${String(size).padStart(9)}  ${String(plans).padStart(5)}  ${c.what.padEnd(36)}  ${mine.median
              .toFixed(1)
              .padStart(
                9,
              )}  ${mine.p95.toFixed(1).padStart(6)}  ${rawText.padStart(10)}  ${ratio.padStart(5)}`,
          );
        }
        out(
          `           (data for ${size} province(s) generated in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${generated.reports} reports, ${generated.values} indicator values so far)`,
        );
        if (size === STEPS[scale][0]) {
          out("");
          out(
            `the province's requests (province T01: ${plans} plans, ${generated.values} indicator values), ${runs} runs each`,
          );
          await benchRequests({ app, cachedApp: cached, raw, hashPassword, runs, today, loadSeconds, out });
          out("");
        }
        // National size: the same requests again, of the last province, with every province's
        // data in the database — a province's answer should not grow with the country.
        const last = size < step || step === STEPS[scale][STEPS[scale].length - 1];
        if (scale === "national" && last && size > 1) {
          const code = `T${String(size).padStart(2, "0")}`;
          out("");
          out(
            `the requests of province ${code} with ${size} provinces' data in the database (${plans} plans, ${generated.values} indicator values), ${runs} runs each`,
          );
          await benchRequests({
            app,
            cachedApp: cached,
            raw,
            hashPassword,
            runs,
            today,
            loadSeconds: 0,
            out,
            province: code,
          });
          out("");
        }
        if (size < step) break;
      }
      if (scale === "national") {
        const count = async (text: string) => (await raw.query(text)).rows[0].n as number;
        const communes = await count(
          "SELECT count(*)::int AS n FROM org_units WHERE /* all tenants: the bench's size */ kind IN ('commune', 'ward')",
        );
        const tasks = await count(
          "SELECT count(*)::int AS n FROM plan_tasks /* all tenants: the bench's size */",
        );
        out(
          `largest size reached: ${have} of ${NATIONAL.provinces} provinces, ${communes} of ${NATIONAL.communes} communes and wards, ${generated.values} of ~${NATIONAL.values} indicator values, ${tasks} of ~${NATIONAL.tasks} tasks (${generated.reports} reports); generated in ${(generating / 60_000).toFixed(1)} min (${(generating / 1000 / Math.max(1, have)).toFixed(1)} s a province), whole run ${((Date.now() - started) / 60_000).toFixed(1)} min`,
        );
      }
      out(
        `peak RSS of the bench process (server in-process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      );
    } finally {
      await app.close();
      await cached.close();
      await raw.end();
      await server.closeDatabase(db);
    }
  } finally {
    await admin.end().catch(() => {});
    postgres.stop();
  }
}
