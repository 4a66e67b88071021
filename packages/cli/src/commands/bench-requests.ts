// The requests a province's people make, timed on province-size data beside hand-written SQL
// that reads the same rows (measured in the same run, on the same database): the leaders'
// dashboard, the province view, the public page, the consolidated report, the export of
// indicator values, a unit's report form and a report submission; then a bounded load on
// the dashboard over loopback.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type pg from "pg";

export interface Measured {
  median: number;
  p95: number;
}

export function stats(times: number[]): Measured {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  const m = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, p95: at(0.95) };
}

let visitors = 0;
/**
 * A loopback address of its own for each request: the public pages' rate limit counts per
 * address, and the bench's hundreds of requests stand for many visitors, not one.
 */
export const visitorAddress = () => `127.0.${(visitors >> 8) & 255}.${visitors++ & 255}`;

export async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<Measured> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return stats(times);
}

/**
 * dtplan's request and its raw SQL taken in turns (one of each, `runs` times), so both meet
 * the same moments of a shared machine's load: run one after the other, a busy spell during
 * either side's runs decided the ratio. First `warmups` turns untimed: a serving process
 * answers the same request thousands of times, so its code is measured as V8 has compiled it
 * by then, not in its first calls (the raw side is the driver's code, warm from every case).
 * dtplan's statements per request are counted in the warm-up turns: counting replaces the
 * driver's methods, which must not be what the timed runs measure.
 */
async function timedSideBySide(
  runs: number,
  api: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  warmups = runs,
): Promise<{ mine: Measured; raw: Measured; statements: number }> {
  const mine: number[] = [];
  const theirs: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const s = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - s) / 1e6);
  };
  const counted = { n: 0 };
  for (let i = 0; i < warmups; i++) {
    await countingStatements(counted, api);
    await raw();
  }
  const statements = counted.n / Math.max(1, warmups);
  for (let i = 0; i < runs; i++) {
    await time(api, mine);
    await time(raw, theirs);
  }
  return { mine: stats(mine), raw: stats(theirs), statements };
}

interface Setup {
  tenant: string;
  provincePlan: string;
  communePlan: string;
  commune: string;
  lastPeriod: string;
  pastPeriod: string;
  communes: string[];
}

export async function loadSetup(raw: pg.Client, province = "T01"): Promise<Setup> {
  const one = async <T>(text: string, values: unknown[] = []) => (await raw.query(text, values)).rows[0] as T;
  const { tenant } = await one<{ tenant: string }>(
    "SELECT id AS tenant FROM org_units WHERE code = $1 AND id = tenant_id",
    [province],
  );
  const { code: provincePlan } = await one<{ code: string }>(
    "SELECT code FROM plans WHERE tenant_id = $1 AND unit_id = $1",
    [tenant],
  );
  const communeRow = await one<{ id: string; code: string }>(
    `SELECT u.id, p.code FROM org_units u JOIN plans p ON p.tenant_id = u.tenant_id AND p.unit_id = u.id
      WHERE u.tenant_id = $1 AND u.kind = 'commune' ORDER BY u.code LIMIT 1`,
    [tenant],
  );
  const periods = (
    await raw.query(
      "SELECT key FROM reporting_periods WHERE tenant_id = $1 AND plan_code = $2 ORDER BY end_date",
      [tenant, provincePlan],
    )
  ).rows.map((r) => r.key as string);
  const communes = (
    await raw.query(
      `SELECT r.unit_id FROM unit_reports r JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
        WHERE r.tenant_id = $1 AND r.plan_code = $2 AND rp.key = $3 AND r.status = 'draft' ORDER BY r.unit_id`,
      [tenant, provincePlan, periods[periods.length - 1]],
    )
  ).rows.map((r) => r.unit_id as string);
  return {
    tenant,
    provincePlan,
    communePlan: communeRow.code,
    commune: communeRow.id,
    lastPeriod: periods[periods.length - 1],
    pastPeriod: periods[2],
    communes,
  };
}

/** Accounts the bench signs in with: the province's leader and a reporter per commune. */
export async function signIn(
  app: FastifyInstance,
  raw: pg.Client,
  hashPassword: (p: string) => Promise<string>,
  tenant: string,
  unitId: string,
  role: string,
): Promise<Record<string, string>> {
  const password = "mat-khau-bench-quy-mo-1";
  const username = `bench-${role}-${randomUUID().slice(0, 8)}`;
  const { rows } = await raw.query(
    `INSERT INTO users (tenant_id, username, full_name, password_hash) VALUES ($1, $2, 'Người dùng đo', $3) RETURNING id`,
    [tenant, username, await hashPassword(password)],
  );
  await raw.query("INSERT INTO role_grants (tenant_id, user_id, unit_id, role) VALUES ($1, $2, $3, $4)", [
    tenant,
    rows[0].id,
    unitId,
    role,
  ]);
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = res.cookies.find((c) => c.name === "dtplan_session");
  return {
    cookie: `dtplan_session=${cookie?.value}`,
    "x-csrf-token": (res.json() as { csrfToken: string }).csrfToken,
  };
}

/**
 * What a hand-written server must send for each read, computing the same answer from the same
 * tables: the caller's session with a grant that lets them read it (one statement; the public
 * page has none), then one statement for the data the answer shows. The figures, completeness
 * and timeliness are read from the summary tables (target_figures, reporting_status), as dtplan
 * reads them: with those tables the answer is a read, and the raw side reads them too.
 * Judging a figure against its target and laying the answer out are the only work left out.
 */
export const SESSION = `
  SELECT s.user_id, u.full_name FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.tenant_id = $1 AND s.token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex')
     AND s.expires_at > now() AND u.active
     AND EXISTS (SELECT 1 FROM role_grants g WHERE g.tenant_id = $1 AND g.user_id = s.user_id AND g.unit_id = $1)`;

/** Timeliness of the reporting_status rows `s` joined to their period `rp`, against today ($today). */
const timeliness = (today: string) => `
  count(*)::int AS rows,
  count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::int AS received,
  count(*) FILTER (WHERE s.days_late IS NOT NULL OR rp.due_date < ${today})::int AS expected,
  count(*) FILTER (WHERE s.days_late = 0)::int AS on_time,
  count(*) FILTER (WHERE s.days_late > 0)::int AS late,
  count(*) FILTER (WHERE s.days_late IS NULL AND rp.due_date < ${today})::int AS missing`;

export const RAW = {
  /** The signed-in user behind the session, with their grants and the names of their units. */
  me: `
    SELECT s.id, s.csrf_token, u.id AS user_id, u.username, u.full_name, u.email, u.is_superadmin,
           (SELECT json_agg(json_build_object('unitId', g.unit_id, 'role', g.role, 'tenantId', g.tenant_id,
                                              'unitName', o.name, 'validTo', o.valid_to) ORDER BY o.name, g.role)
              FROM role_grants g JOIN org_units o ON o.tenant_id = g.tenant_id AND o.id = g.unit_id
             WHERE g.user_id = s.user_id) AS grants
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.tenant_id = $1 AND s.token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex')
       AND s.expires_at > now() AND u.active`,
  /**
   * The plan's targets with their indicators and reporting units, every period's stored figure
   * (the period shown and the trend), the periods, timeliness per unit and in each period, and
   * the tasks with their lead units (overdue list, ranking).
   */
  dashboard: `
    WITH p AS (SELECT id, code, unit_id, title FROM plans WHERE tenant_id = $1 AND code = $2 AND status = 'published'),
    periods AS (SELECT rp.id, rp.key, rp.label, rp.end_date, rp.due_date, rp.adhoc FROM reporting_periods rp
                 WHERE rp.tenant_id = $1 AND rp.plan_code = $2)
    SELECT (SELECT row_to_json(p) FROM p) AS plan,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT g.key, g.text, g.pillar, g.comparator, g.value, g.unit, g.year, g.position,
                     i.name, i.aggregation, i.direction,
                     (SELECT count(*) FROM plan_target_units a WHERE a.tenant_id = $1 AND a.plan_id = p.id AND a.target_key = g.key) AS units
                FROM p JOIN plan_targets g ON g.tenant_id = $1 AND g.plan_id = p.id
                LEFT JOIN indicators i ON i.tenant_id = $1 AND i.code = g.indicator_code) x) AS targets,
           (SELECT json_agg(f) FROM (SELECT period_id, target_key, value, numerator, denominator, reporting_units
              FROM target_figures WHERE tenant_id = $1 AND plan_code = $2 AND NOT approved_only) f) AS figures,
           (SELECT json_agg(periods ORDER BY end_date) FROM periods) AS periods,
           (SELECT json_agg(x) FROM (SELECT s.unit_id, min(u.name) AS name, ${timeliness("$3")}
              FROM reporting_status s JOIN periods rp ON rp.id = s.period_id
              JOIN org_units u ON u.tenant_id = $1 AND u.id = s.unit_id
             WHERE s.tenant_id = $1 AND s.plan_code = $2 GROUP BY s.unit_id) x) AS units,
           (SELECT json_agg(x) FROM (SELECT s.period_id, ${timeliness("$3")}
              FROM reporting_status s JOIN periods rp ON rp.id = s.period_id
             WHERE s.tenant_id = $1 AND s.plan_code = $2 GROUP BY s.period_id) x) AS per_period,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT t.key, t.text, t.pillar, t.position, t.lead_unit_id, u.name AS lead, t.deadline_date,
                     t.recurring, t.progress, t.completed_at
                FROM p JOIN plan_tasks t ON t.tenant_id = $1 AND t.plan_id = p.id
                LEFT JOIN org_units u ON u.tenant_id = $1 AND u.id = t.lead_unit_id) x) AS tasks`,
  /**
   * Every plan in force with its issuing unit, its compared period (the latest due), the stored
   * figures of that period with the targets to judge them by, its timeliness there, its tasks'
   * counts (overdue only for lead units in force), and the communes and wards without a plan.
   */
  province: `
    WITH p AS (SELECT DISTINCT ON (code) id, code, title, unit_id, period_start, period_end FROM plans
                WHERE tenant_id = $1 AND status = 'published' ORDER BY code, version DESC),
    compared AS (SELECT key FROM reporting_periods WHERE tenant_id = $1 AND NOT adhoc AND due_date <= $2
                  ORDER BY end_date DESC LIMIT 1),
    rp AS (SELECT rp.* FROM reporting_periods rp JOIN compared c ON c.key = rp.key
            WHERE rp.tenant_id = $1 AND NOT rp.adhoc AND rp.plan_code IN (SELECT code FROM p))
    SELECT (SELECT json_agg(x) FROM (
              SELECT p.code, p.title, p.unit_id, u.name, u.kind, u.valid_to, rp.key, rp.label,
                     (SELECT row_to_json(t) FROM (SELECT ${timeliness("$2")} FROM reporting_status s
                        WHERE s.tenant_id = $1 AND s.period_id = rp.id) t) AS reporting,
                     (SELECT json_agg(f) FROM (SELECT g.key, g.comparator, g.value, g.year, f.value AS figure
                        FROM plan_targets g LEFT JOIN target_figures f ON f.tenant_id = $1 AND f.period_id = rp.id
                             AND f.target_key = g.key AND NOT f.approved_only
                       WHERE g.tenant_id = $1 AND g.plan_id = p.id) f) AS targets,
                     (SELECT row_to_json(t) FROM (SELECT count(*) AS n,
                        count(*) FILTER (WHERE t.completed_at IS NOT NULL OR t.progress >= 100) AS done,
                        count(*) FILTER (WHERE t.completed_at IS NULL AND coalesce(t.progress, 0) < 100
                                           AND NOT t.recurring AND t.deadline_date < $2
                                           AND (lu.valid_to IS NULL OR lu.valid_to >= $2)) AS overdue,
                        sum(least(greatest(coalesce(t.progress, 0), 0), 100)) AS progress
                        FROM plan_tasks t LEFT JOIN org_units lu ON lu.tenant_id = $1 AND lu.id = t.lead_unit_id
                       WHERE t.tenant_id = $1 AND t.plan_id = p.id) t) AS tasks
                FROM p JOIN org_units u ON u.tenant_id = $1 AND u.id = p.unit_id
                LEFT JOIN rp ON rp.plan_code = p.code) x) AS plans,
           (SELECT json_agg(u) FROM org_units u WHERE u.tenant_id = $1
               AND u.kind IN ('commune', 'ward', 'special_zone') AND (u.valid_to IS NULL OR u.valid_to >= $2)) AS localities`,
  /** The published plan with its legal bases, targets, tasks with lead units, and the approved figures of the period it shows (the latest with one). */
  publicPage: `
    WITH p AS (SELECT * FROM plans WHERE tenant_id = $1 AND code = $2 AND status = 'published')
    SELECT (SELECT row_to_json(p) FROM p) AS plan,
           (SELECT json_agg(b ORDER BY b.position) FROM plan_legal_bases b, p WHERE b.tenant_id = $1 AND b.plan_id = p.id) AS bases,
           (SELECT json_agg(x ORDER BY x.position) FROM (SELECT g.*, i.name AS indicator, i.aggregation, i.direction
              FROM plan_targets g JOIN p ON g.plan_id = p.id LEFT JOIN indicators i ON i.tenant_id = $1 AND i.code = g.indicator_code
             WHERE g.tenant_id = $1) x) AS targets,
           (SELECT json_agg(json_build_object('text', t.text, 'pillar', t.pillar, 'lead', u.name, 'deadline', t.deadline_date,
                                              'progress', t.progress, 'completed', t.completed_at) ORDER BY t.position)
              FROM plan_tasks t JOIN p ON t.plan_id = p.id LEFT JOIN org_units u ON u.tenant_id = $1 AND u.id = t.lead_unit_id
             WHERE t.tenant_id = $1) AS tasks,
           (SELECT json_agg(x ORDER BY x.end_date) FROM (SELECT rp.key, rp.label, rp.end_date, rp.due_date FROM reporting_periods rp
             WHERE rp.tenant_id = $1 AND rp.plan_code = $2) x) AS periods,
           (SELECT json_agg(f) FROM (SELECT period_id, target_key, value, numerator, denominator, reporting_units
              FROM target_figures WHERE tenant_id = $1 AND plan_code = $2 AND approved_only
               AND period_id = (SELECT rp.id FROM reporting_periods rp
                                 WHERE rp.tenant_id = $1 AND rp.plan_code = $2
                                   AND EXISTS (SELECT 1 FROM target_figures x WHERE x.tenant_id = $1
                                                  AND x.period_id = rp.id AND x.approved_only)
                                 ORDER BY rp.due_date DESC, rp.key DESC LIMIT 1)) f) AS figures`,
  /**
   * One period of the plan: each target's stored figure, each task with its progress as of the
   * period (the lead unit's report, else its last update by the period's end), each unit's
   * completeness and timeliness with its report's dates and comments, and the saved narrative.
   */
  consolidated: `
    WITH p AS (SELECT * FROM plans WHERE tenant_id = $1 AND code = $2 AND status = 'published'),
    rp AS (SELECT * FROM reporting_periods WHERE tenant_id = $1 AND plan_code = $2 AND key = $3)
    SELECT (SELECT row_to_json(rp) FROM rp) AS period,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT g.key, g.text, g.pillar, g.position, g.comparator, g.value, g.unit, g.year,
                     f.value AS figure, f.reporting_units
                FROM p JOIN plan_targets g ON g.tenant_id = $1 AND g.plan_id = p.id
                LEFT JOIN target_figures f ON f.tenant_id = $1 AND f.period_id = (SELECT id FROM rp)
                     AND f.target_key = g.key AND NOT f.approved_only) x) AS targets,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT t.key, t.text, t.pillar, t.position, u.name AS lead, t.deadline_date, t.deadline_text,
                     t.recurring, t.completed_at,
                     coalesce((SELECT rt.progress FROM reporting_status s
                                 JOIN unit_report_tasks rt ON rt.tenant_id = $1 AND rt.report_id = s.report_id AND rt.task_key = t.key
                                WHERE s.tenant_id = $1 AND s.period_id = (SELECT id FROM rp) AND s.unit_id = t.lead_unit_id
                                  AND s.status IN ('submitted', 'approved')),
                              (SELECT tu.progress FROM task_updates tu WHERE tu.tenant_id = $1 AND tu.task_key = t.key
                                  AND tu.at <= (SELECT end_date + 1 FROM rp) ORDER BY tu.at DESC LIMIT 1)) AS progress
                FROM p JOIN plan_tasks t ON t.tenant_id = $1 AND t.plan_id = p.id
                LEFT JOIN org_units u ON u.tenant_id = $1 AND u.id = t.lead_unit_id) x) AS tasks,
           (SELECT json_agg(y) FROM (
              SELECT u.name, s.expected, s.role, s.task_count, s.target_count, s.status, s.first_submitted_at,
                     s.days_late, r.submitted_at, r.reviewed_at, r.return_comment, r.difficulties, r.proposals
                FROM reporting_status s JOIN org_units u ON u.tenant_id = $1 AND u.id = s.unit_id
                LEFT JOIN unit_reports r ON r.tenant_id = $1 AND r.id = s.report_id
               WHERE s.tenant_id = $1 AND s.period_id = (SELECT id FROM rp)) y) AS units,
           (SELECT row_to_json(n) FROM consolidated_reports n WHERE n.tenant_id = $1 AND n.plan_code = $2 AND n.period_key = $3) AS narrative`,
  /** Every figure of the plan with the columns of the export, in its order (period, unit, target). */
  export: `
    SELECT rp.key, rp.label, rp.end_date, r.unit_id, u.name, v.indicator_code, i.name AS indicator, g.pillar,
           v.target_key, g.text, g.comparator, g.value AS target, coalesce(i.unit, g.unit) AS unit,
           v.numerator, v.denominator, v.value, v.note, r.status, r.submitted_at,
           jsonb_array_length(v.evidence_file_ids) AS evidence
      FROM plans p
      JOIN reporting_periods rp ON rp.tenant_id = $1 AND rp.plan_code = p.code
      JOIN unit_reports r ON r.tenant_id = $1 AND r.period_id = rp.id
      JOIN org_units u ON u.tenant_id = $1 AND u.id = r.unit_id
      JOIN unit_report_values v ON v.tenant_id = $1 AND v.report_id = r.id
      LEFT JOIN plan_targets g ON g.tenant_id = $1 AND g.plan_id = p.id AND g.key = v.target_key
      LEFT JOIN indicators i ON i.tenant_id = $1 AND i.code = v.indicator_code
     WHERE p.tenant_id = $1 AND p.code = $2 AND p.status = 'published'
     ORDER BY rp.end_date, rp.key, u.name, g.position`,
  /**
   * A unit's report in a period: the report, the period, the unit's led and coordinated tasks
   * with its task lines, the targets assigned to it with their indicators and its figures,
   * their evidence files, and the names of the people on the report.
   */
  form: `
    WITH p AS (SELECT id FROM plans WHERE tenant_id = $1 AND code = $2 AND status = 'published'),
    rp AS (SELECT * FROM reporting_periods WHERE tenant_id = $1 AND plan_code = $2 AND key = $3),
    r AS (SELECT * FROM unit_reports WHERE tenant_id = $1 AND period_id = (SELECT id FROM rp) AND unit_id = $4)
    SELECT (SELECT row_to_json(r) FROM r) AS report, (SELECT row_to_json(rp) FROM rp) AS period,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT t.key, t.text, t.pillar, t.position, t.deadline_date, t.progress, t.lead_unit_id = $4 AS leads,
                     l.progress AS reported, l.note
                FROM p JOIN plan_tasks t ON t.tenant_id = $1 AND t.plan_id = p.id
                LEFT JOIN unit_report_tasks l ON l.tenant_id = $1 AND l.report_id = (SELECT id FROM r) AND l.task_key = t.key
               WHERE t.lead_unit_id = $4 OR t.coordinators @> jsonb_build_array(jsonb_build_object('unitId', $4::text))) x) AS tasks,
           (SELECT json_agg(x ORDER BY x.position) FROM (
              SELECT g.key, g.text, g.position, g.value AS target, i.name, i.aggregation, i.numerator_label,
                     i.denominator_label, v.numerator, v.denominator, v.value, v.note, v.evidence_file_ids
                FROM p JOIN plan_target_units a ON a.tenant_id = $1 AND a.plan_id = p.id AND a.unit_id = $4
                JOIN plan_targets g ON g.tenant_id = $1 AND g.plan_id = p.id AND g.key = a.target_key
                JOIN indicators i ON i.tenant_id = $1 AND i.code = g.indicator_code
                LEFT JOIN unit_report_values v ON v.tenant_id = $1 AND v.report_id = (SELECT id FROM r) AND v.target_key = g.key) x) AS figures,
           (SELECT json_agg(e) FROM evidence_files e WHERE e.tenant_id = $1 AND e.id IN (
              SELECT jsonb_array_elements_text(v.evidence_file_ids)::uuid FROM unit_report_values v
               WHERE v.tenant_id = $1 AND v.report_id = (SELECT id FROM r))) AS files,
           (SELECT json_agg(json_build_object('id', u.id, 'name', u.full_name)) FROM users u
             WHERE u.id IN (SELECT submitted_by FROM r UNION SELECT reviewed_by FROM r UNION SELECT updated_by FROM r)) AS people`,
};

/**
 * Counts the statements any connection of this process sends to PostgreSQL while `fn` runs:
 * on the wire, a simple query or an extended query's Execute message each.
 */
async function countingStatements<T>(counter: { n: number }, fn: () => Promise<T>): Promise<T> {
  const pgModule = (await import("pg")).default as unknown as {
    Connection: { prototype: Record<"query" | "execute", (...args: unknown[]) => unknown> };
  };
  const proto = pgModule.Connection.prototype;
  const original = { query: proto.query, execute: proto.execute };
  for (const name of ["query", "execute"] as const) {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      counter.n++;
      return original[name].apply(this, args);
    };
  }
  try {
    return await fn();
  } finally {
    Object.assign(proto, original);
  }
}

export async function benchRequests(options: {
  /** Computes every answer (DTPLAN_READ_CACHE=off): what the per-request figures measure. */
  app: FastifyInstance;
  /** The same server with the read cache, for the second load. */
  cachedApp: FastifyInstance;
  raw: pg.Client;
  hashPassword: (p: string) => Promise<string>;
  runs: number;
  today: string;
  /** 0: no load. */
  loadSeconds: number;
  out: (line: string) => void;
  /** The province whose requests are timed (its code); T01 unless said. */
  province?: string;
}): Promise<void> {
  const { app, raw, runs, today, out } = options;
  const province = options.province ?? "T01";
  const s = await loadSetup(raw, province);
  const leader = await signIn(app, raw, options.hashPassword, s.tenant, s.tenant, "leader");
  // The answer is timed until its last byte has left the server, as the raw side is timed until
  // its rows are in hand; decoding the bytes into text (inject's `body`: ~0.5 ms for the
  // consolidated report's 100 KB) is the client's work, and the raw side has none to do.
  const get = (url: string, headers: Record<string, string> | null) => async () => {
    const res = await app.inject({
      method: "GET",
      url,
      headers: headers ?? {},
      remoteAddress: visitorAddress(),
      payloadAsStream: true,
    });
    const bytes: Buffer[] = [];
    for await (const chunk of res.stream()) bytes.push(chunk as Buffer);
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${Buffer.concat(bytes).toString().slice(0, 200)}`);
  };
  const q = (text: string, values: unknown[]) => async () => raw.query(text, values);
  // The leader's session and grant, then the answer's data: what a hand-written server sends.
  const token = /dtplan_session=[^.]+\.([^;]+)/.exec(leader.cookie)?.[1] ?? "";
  const signedIn = (text: string, values: unknown[]) => async () => {
    const session = await raw.query(SESSION, [s.tenant, token]);
    if (session.rows.length !== 1) throw new Error("raw read: no session");
    return raw.query(text, values);
  };
  const plan = encodeURIComponent(s.provincePlan);
  const cases: { what: string; api: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
    {
      // What every signed-in request pays before its own work: the session, user and grants.
      what: "signed-in user (GET /api/auth/me)",
      api: get("/api/auth/me", leader),
      raw: q(RAW.me, [s.tenant, token]),
    },
    {
      what: "dashboard (province plan)",
      api: get(`/api/plans/${plan}/dashboard`, leader),
      raw: signedIn(RAW.dashboard, [s.tenant, s.provincePlan, today]),
    },
    {
      what: "province view",
      api: get("/api/province", leader),
      raw: signedIn(RAW.province, [s.tenant, today]),
    },
    {
      what: "public page (province plan)",
      api: get(`/api/public/plans/${province.toLowerCase()}/${plan}`, null),
      raw: q(RAW.publicPage, [s.tenant, s.provincePlan]),
    },
    {
      what: "consolidated report (one period)",
      api: get(`/api/plans/${plan}/periods/${encodeURIComponent(s.pastPeriod)}/consolidated`, leader),
      raw: signedIn(RAW.consolidated, [s.tenant, s.provincePlan, s.pastPeriod]),
    },
    {
      what: "export of indicator values (CSV)",
      api: get(`/api/plans/${plan}/exports/indicator-values?format=csv`, leader),
      raw: signedIn(RAW.export, [s.tenant, s.provincePlan]),
    },
    {
      what: "a unit's report form",
      api: get(
        `/api/plans/${encodeURIComponent(s.communePlan)}/periods/${encodeURIComponent(s.pastPeriod)}/reports/${s.commune}`,
        leader,
      ),
      raw: signedIn(RAW.form, [s.tenant, s.communePlan, s.pastPeriod, s.commune]),
    },
  ];
  out(
    "raw SQL of a read: the caller's session and grant (none for the public page), then one statement for the answer's data — figures, completeness and timeliness read from the summary tables (target_figures, reporting_status) as dtplan reads them",
  );
  out("request                                  median ms  p95 ms  raw SQL ms  ratio  statements");
  const line = (
    what: string,
    { mine, raw: rawMs, statements }: Awaited<ReturnType<typeof timedSideBySide>>,
  ) =>
    out(
      `${what.padEnd(40)} ${mine.median.toFixed(1).padStart(9)}  ${mine.p95.toFixed(1).padStart(6)}  ${rawMs.median.toFixed(1).padStart(10)}  ${`${(mine.median / rawMs.median).toFixed(2)}×`.padStart(6)}  ${statements.toFixed(1).padStart(10)}`,
    );
  for (const c of cases) {
    try {
      // Statements dtplan sends per request (the session's included), beside its time.
      line(c.what, await timedSideBySide(runs, c.api, c.raw));
    } catch (error) {
      out(`${c.what.padEnd(40)} failed: ${(error as Error).message.slice(0, 160)}`);
    }
  }

  // Submissions: each commune's draft of the open period, once. The raw equivalent is what
  // a hand-written server must send for another commune's draft, in one transaction: the
  // session with the caller's grant on the unit (one statement), the report locked with its
  // task lines, its figures and the tasks the unit leads (what the completeness check reads,
  // one statement), the report's status and times (only from draft), its history line, its
  // audit entry, the notification to the plan's reviewers, the period's stored figures of
  // the report's targets rewritten (delete + insert; both bases, all reports in and approved
  // only) and the unit's completeness and timeliness row (one upsert). The drafts' task
  // progress is already on the tasks, so no task moves on either side.
  // One at a time: the raw client is one connection (pg 9 refuses overlapping queries).
  // A few untimed first (timedSideBySide's warm-up), fewer than the reads': each takes a draft.
  const warmSubmissions = 5;
  const reporters: { unitId: string; headers: Record<string, string> }[] = [];
  for (const unitId of s.communes.slice(0, Math.min(s.communes.length, (runs + warmSubmissions) * 2)))
    reporters.push({
      unitId,
      headers: await signIn(app, raw, options.hashPassword, s.tenant, unitId, "unit_reporter"),
    });
  const half = Math.floor(reporters.length / 2);
  try {
    // In turns with the raw equivalent (timedSideBySide), each on its own half of the drafts.
    let mineAt = 0;
    let rawAt = 0;
    const submitOne = async () => {
      const r = reporters[mineAt++];
      const res = await app.inject({
        method: "POST",
        url: `/api/plans/${plan}/periods/${encodeURIComponent(s.lastPeriod)}/reports/${r.unitId}/submit`,
        headers: r.headers,
        payload: {},
      });
      if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const rawStatements = { n: 0 };
    const rawSubmit = async () => {
      const { unitId, headers } = reporters[half + rawAt++];
      const token = /dtplan_session=[^.]+\.([^;]+)/.exec(headers.cookie)?.[1] ?? "";
      await raw.query("BEGIN");
      const session = await raw.query(
        `SELECT s.user_id, u.full_name FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.tenant_id = $1 AND s.token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex')
              AND s.expires_at > now() AND u.active
              AND EXISTS (SELECT 1 FROM role_grants g WHERE g.tenant_id = $1 AND g.user_id = s.user_id
                             AND g.unit_id = $3 AND g.role = 'unit_reporter')`,
        [s.tenant, token, unitId],
      );
      if (session.rows.length !== 1) throw new Error("raw submission: no session");
      const { rows } = await raw.query(
        `SELECT r.id, r.period_id, r.version, r.status,
                  (SELECT json_agg(t) FROM unit_report_tasks t WHERE t.tenant_id = $1 AND t.report_id = r.id) AS tasks,
                  (SELECT json_agg(v) FROM unit_report_values v WHERE v.tenant_id = $1 AND v.report_id = r.id) AS figures,
                  (SELECT json_agg(pt.key) FROM plan_tasks pt JOIN plans p ON p.tenant_id = pt.tenant_id AND p.id = pt.plan_id
                    WHERE pt.tenant_id = $1 AND p.code = $2 AND p.status = 'published' AND pt.lead_unit_id = $4) AS led
             FROM unit_reports r JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
            WHERE r.tenant_id = $1 AND rp.plan_code = $2 AND rp.key = $3 AND r.unit_id = $4 AND r.status = 'draft'
              FOR UPDATE OF r`,
        [s.tenant, s.provincePlan, s.lastPeriod, unitId],
      );
      const report = rows[0];
      const targetKeys = ((report.figures ?? []) as { target_key: string }[]).map((v) => v.target_key);
      await raw.query(
        `UPDATE unit_reports SET status = 'submitted', submitted_at = now(), submitted_by = $3,
                  first_submitted_at = coalesce(first_submitted_at, now()), version = version + 1,
                  updated_at = now(), updated_by = $3
            WHERE tenant_id = $1 AND id = $2`,
        [s.tenant, report.id, session.rows[0].user_id],
      );
      await raw.query(
        `INSERT INTO report_events (tenant_id, report_id, period_id, unit_id, action, from_status, to_status)
           VALUES ($1, $2, $3, $4, 'submitted', 'draft', 'submitted')`,
        [s.tenant, report.id, report.period_id, unitId],
      );
      await raw.query(
        `INSERT INTO audit_log (tenant_id, action, entity, entity_id, unit_id, before, after)
           VALUES ($1, 'report.submitted', 'unit_report', $2, $3, '{"status":"draft"}', '{"status":"submitted"}')`,
        [s.tenant, report.id, unitId],
      );
      await raw.query(
        `INSERT INTO notifications (tenant_id, user_id, kind, idempotency_key, title, body, link)
           SELECT DISTINCT $1::uuid, u.id, 'report.submitted', $2::text || ':' || $3::text, 'Báo cáo chờ duyệt', '', '/periods'
             FROM role_grants g JOIN users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
            WHERE g.tenant_id = $1 AND g.unit_id = $1 AND g.role IN ('focal_officer', 'leader') AND u.active`,
        [s.tenant, report.id, report.version + 1],
      );
      if (targetKeys.length) {
        // The period's stored figures of the report's targets, recomputed.
        await raw.query(
          "DELETE FROM target_figures WHERE tenant_id = $1 AND period_id = $2 AND target_key = ANY($3::uuid[])",
          [s.tenant, report.period_id, targetKeys],
        );
        await raw.query(
          `INSERT INTO target_figures (tenant_id, plan_code, period_id, target_key, approved_only, value,
                                         numerator, denominator, reporting_units)
             SELECT $1, $2, r.period_id, v.target_key, a.approved_only, avg(v.value), sum(v.numerator),
                    sum(v.denominator), count(DISTINCT r.unit_id)
               FROM unit_reports r
               JOIN unit_report_values v ON v.tenant_id = r.tenant_id AND v.report_id = r.id
               CROSS JOIN (VALUES (false), (true)) AS a (approved_only)
              WHERE r.tenant_id = $1 AND r.period_id = $3 AND v.target_key = ANY($4::uuid[])
                AND r.status IN ('submitted', 'approved') AND (NOT a.approved_only OR r.status = 'approved')
              GROUP BY r.period_id, v.target_key, a.approved_only`,
          [s.tenant, s.provincePlan, report.period_id, targetKeys],
        );
      }
      // The unit's completeness and timeliness row: its status, days late by first submission.
      await raw.query(
        `INSERT INTO reporting_status (tenant_id, plan_code, period_id, unit_id, expected, role, task_count,
                                         target_count, report_id, status, first_submitted_at, days_late)
           VALUES ($1, $2, $3, $4, false, 'lead', 0, 0, $5, 'submitted', now(), 0)
           ON CONFLICT (tenant_id, period_id, unit_id) DO UPDATE
              SET report_id = excluded.report_id, status = excluded.status,
                  first_submitted_at = excluded.first_submitted_at, days_late = excluded.days_late, refreshed_at = now()`,
        [s.tenant, s.provincePlan, report.period_id, unitId, report.id],
      );
      await raw.query("COMMIT");
    };
    const warm = Math.min(warmSubmissions, Math.max(1, half - 2));
    const n = Math.max(1, half - warm);
    // Counted in the untimed turns only, as dtplan's are.
    const rawSubmitOne = () => (rawAt < warm ? countingStatements(rawStatements, rawSubmit) : rawSubmit());
    const submissions = await timedSideBySide(n, submitOne, rawSubmitOne, warm);
    line("report submission", submissions);
    out(
      `${"".padEnd(40)} statements per submission: dtplan ${submissions.statements.toFixed(1)}, raw ${(rawStatements.n / warm).toFixed(1)} (BEGIN/COMMIT included); ${n} of each timed after ${warm} untimed`,
    );
    out(
      `${"".padEnd(40)} raw counts: session + grant, report locked with its lines, figures and led tasks, status, history, audit, notification, stored figures of its targets (delete + insert), its completeness and timeliness row`,
    );
  } catch (error) {
    await raw.query("ROLLBACK").catch(() => {});
    out(`${"report submission".padEnd(40)} failed: ${(error as Error).message.slice(0, 160)}`);
  }

  // A bounded load on the dashboard: 50 connections over loopback, computing every answer,
  // then with the read cache (the answer reused while the data is the same).
  if (options.loadSeconds <= 0) return;
  const autocannon = (await import("autocannon")).default;
  for (const [label, target] of [
    ["read cache off", app],
    ["read cache on", options.cachedApp],
  ] as const) {
    await target.listen({ host: "127.0.0.1", port: 0 });
    const { port } = target.server.address() as AddressInfo;
    // Steady state: the leader has opened the dashboard once before the crowd arrives.
    await target.inject({ method: "GET", url: `/api/plans/${plan}/dashboard`, headers: leader });
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/plans/${plan}/dashboard`,
      connections: 50,
      duration: options.loadSeconds,
      headers: { cookie: leader.cookie },
    });
    out(
      `load (${label}): dashboard, 50 connections, ${options.loadSeconds} s over loopback: ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  }
}
