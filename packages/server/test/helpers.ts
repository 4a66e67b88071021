// Test helpers: both databases, factories, and signing in through the API.
//
// Writing a data-layer test (it stays cheap because nothing is migrated per suite):
// - `describeBothDatabases("what it does", (ctx) => { it(…) })` runs the suite on PGlite
//   and on PostgreSQL 15, each on its own database copied from a template migrated once
//   per run by global-setup.ts (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a copy of a
//   migrated data directory, demo-snapshot.ts). `ctx.db`, `ctx.app` (built with buildApp on `ctx.appDb`)
//   and `ctx.config` are filled in by the time the tests run.
// - For a database without an app, `openTestDatabase(kind)` in a beforeAll and its
//   `close()` in the afterAll; `{ migrate: false }` gives an empty one (migration tests).
// - Build data with the factories below (buildTenant, buildUser, buildPublishedPlan,
//   buildReportingPlan …) rather than the demo. A suite that reads the demo asks for a
//   copy of the one seeded per run (`{ demo: true }`, demo-snapshot.ts) instead of seeding
//   it: a seed costs tens of seconds.
// - One database per suite, shared by its tests: make each test's rows its own (the
//   factories give unique codes) instead of expecting an empty table.
// - A new migration needs nothing here: the templates are migrated at the start of each run.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Role } from "@dtplan/domain/access/roles.ts";
import { PGlite } from "@electric-sql/pglite";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { buildApp } from "../src/app.ts";
import { type AppConfig, testConfig } from "../src/config.ts";
import { closeDatabase, type Database, openDatabase, wrapPglite, wrapPgPool } from "../src/db/database.ts";
import {
  type OrgUnitRow,
  type PlanRow,
  type PlanTaskRow,
  planBudget,
  plans,
  planTargets,
  planTargetUnits,
  planTasks,
  roleGrants,
  type UserRow,
  users,
} from "../src/db/schema.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { insertUnit } from "../src/modules/org/org.repository.ts";
import { refreshPlanSummaries } from "../src/modules/plans/plan-summaries.ts";
import { demoDataDir, migratedDataDir, postgresDemoTemplate, scratchRoot } from "./demo-snapshot.ts";
import { guardTenantStatements, tenantGuardViolations } from "./tenant-guard.ts";

export type DatabaseKindUnderTest = "pglite" | "postgres";
export const DATABASE_KINDS: DatabaseKindUnderTest[] = ["pglite", "postgres"];

/** A fresh, migrated, empty database of the given kind; closing it throws it away. */
export async function openTestDatabase(
  kind: DatabaseKindUnderTest,
  {
    migrate = true,
    demo = false,
  }: {
    migrate?: boolean;
    /** A copy of the demo seeded once per run (demo-snapshot.ts; accounts' password `DEMO_PASSWORD`). */
    demo?: boolean;
  } = {},
): Promise<{
  /** The test's own connections: factories and checks of what the application wrote. */
  db: Database;
  /** The application's connections (the same database); on PostgreSQL the tenant guard watches them. */
  appDb: Database;
  close(): Promise<void>;
}> {
  if (kind === "pglite" && !migrate) {
    const db = wrapPglite(await PGlite.create());
    return { db, appDb: db, close: () => closeDatabase(db) };
  }
  if (kind === "pglite") {
    if (demo) {
      // A suite on both databases asks for the PostgreSQL copy next: its seed runs meanwhile
      // (mostly in the PostgreSQL server) instead of after this one.
      postgresDemoTemplate(inject("postgresUrl"), inject("postgresTemplate"), inject("demoRoot")).catch(
        () => {},
      );
    }
    // A copy of a data directory made once per run (the global set-up migrated one; the demo
    // is seeded on a copy of it): copying and opening it costs less than PGlite's initdb, or
    // than loading a dump of it into memory.
    const source = demo ? await demoDataDir(inject("demoRoot")) : await migratedDataDir(inject("demoRoot"));
    const dir = mkdtempSync(path.join(scratchRoot(), "dtplan-pglite-copy-"));
    try {
      const dataDir = path.join(dir, "pgdata");
      cpSync(source, dataDir, { recursive: true });
      const db = await openDatabase({ kind: "pglite", dataDir });
      const close = async () => {
        try {
          await closeDatabase(db);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      };
      return { db, appDb: db, close };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
  const adminUrl = inject("postgresUrl");
  const name = `dtplan_test_${randomBytes(6).toString("hex")}`;
  const template = demo
    ? await postgresDemoTemplate(adminUrl, inject("postgresTemplate"), inject("demoRoot"))
    : migrate
      ? inject("postgresTemplate")
      : null;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // A copy of the migrated template (made once by the global set-up) instead of migrating here.
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = wrapPgPool(new pg.Pool({ connectionString: url.toString(), max: 4 }));
  // Every statement the application sends on a tenant table must filter by tenant_id
  // (tenant-guard.ts); a test's own look-ups of what it wrote need not. An empty database is
  // a migration test's: a migration's backfill reads every province once, on purpose.
  const appPool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const appDb = wrapPgPool(appPool);
  if (template) guardTenantStatements(appPool);
  return {
    db,
    appDb,
    async close() {
      await closeDatabase(appDb);
      await closeDatabase(db);
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** A suite on the demo may first wait for its seed (in the background, demo-snapshot.ts). */
const demoWait = (demo: boolean | undefined) => (demo ? 16 * 60_000 : undefined);

export interface SuiteContext {
  kind: DatabaseKindUnderTest;
  /** For factories and for checking what the application wrote. */
  db: Database;
  /** The application's connections to the same database (the tenant guard watches them on PostgreSQL). */
  appDb: Database;
  app: FastifyInstance;
  config: AppConfig;
  /** A request through `app` as a signed-in person, the payload sent as JSON. */
  call: ReturnType<typeof callerOf>;
}

/**
 * Runs the same suite on PGlite and on PostgreSQL 15, each with its own migrated
 * database and an app built on it (`ctx` is filled in before the tests run).
 */
export function describeBothDatabases(
  name: string,
  fn: (ctx: SuiteContext) => void,
  options: {
    config?: Partial<AppConfig>;
    evidenceMaxBytes?: number;
    /** Each database a copy of the demo seeded once per run (`openTestDatabase`'s `demo`). */
    demo?: boolean;
  } = {},
): void {
  describe.each(DATABASE_KINDS)(`${name} (%s)`, (kind) => {
    const ctx = { kind } as SuiteContext;
    ctx.call = callerOf(ctx);
    let close: () => Promise<void> = async () => {};
    // Each suite keeps its evidence files in its own directory.
    const evidenceDir = mkdtempSync(path.join(tmpdir(), "dtplan-evidence-"));
    beforeAll(async () => {
      const opened = await openTestDatabase(kind, { demo: options.demo });
      close = opened.close;
      ctx.db = opened.db;
      ctx.appDb = opened.appDb;
      ctx.config = testConfig({
        evidence: {
          maxBytes: options.evidenceMaxBytes ?? 20 * 1024 * 1024,
          store: { kind: "local", dir: evidenceDir },
        },
        ...options.config,
      });
      ctx.app = await buildApp(ctx.config, { db: ctx.appDb });
    }, demoWait(options.demo));
    afterAll(async () => {
      await ctx.app?.close();
      await close();
      rmSync(evidenceDir, { recursive: true, force: true });
      // A refused statement whose error something caught (a job, a best-effort write) still fails the suite.
      expect(tenantGuardViolations.splice(0)).toEqual([]);
    });
    fn(ctx);
  });
}

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A unit; without `parent` it is a new top-level unit (a tenant). */
export async function buildUnit(
  db: Database,
  options: Partial<Pick<OrgUnitRow, "code" | "name" | "kind" | "validFrom" | "validTo" | "shortName">> & {
    parent?: Pick<OrgUnitRow, "id" | "tenantId">;
  } = {},
): Promise<OrgUnitRow> {
  const code = options.code ?? `U-${unique()}`;
  const fields = {
    code,
    name: options.name ?? `Đơn vị ${code}`,
    kind: options.kind ?? (options.parent ? "commune" : "province"),
    shortName: options.shortName ?? null,
    validFrom: options.validFrom ?? null,
    validTo: options.validTo ?? null,
  };
  if (!options.parent) {
    const id = crypto.randomUUID();
    return insertUnit(db, { tenantId: id, id, parentId: null, ...fields });
  }
  return insertUnit(db, { tenantId: options.parent.tenantId, parentId: options.parent.id, ...fields });
}

/** province → district → two communes, the shape most tests need. */
export async function buildTenant(db: Database) {
  const province = await buildUnit(db, { name: `Tỉnh ${unique()}` });
  const district = await buildUnit(db, { parent: province, kind: "district" });
  const communeA = await buildUnit(db, { parent: district });
  const communeB = await buildUnit(db, { parent: district });
  return { province, district, communeA, communeB };
}

export const TEST_PASSWORD = "mat-khau-thu-nghiem-1";
const hashes = new Map<string, Promise<string>>();

export async function buildUser(
  db: Database,
  options: {
    grants?: { unit: Pick<OrgUnitRow, "id" | "tenantId">; role: Role }[];
    username?: string;
    password?: string;
    isSuperadmin?: boolean;
    active?: boolean;
  } = {},
): Promise<UserRow & { password: string }> {
  const password = options.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const grants = options.grants ?? [];
  const tenantId = grants[0]?.unit.tenantId;
  if (!tenantId) throw new Error("buildUser needs at least one grant (its home tenant)");
  const [row] = await db
    .insert(users)
    .values({
      tenantId,
      username: options.username ?? `user-${unique()}`,
      fullName: "Người dùng thử nghiệm",
      passwordHash: await hashes.get(password),
      isSuperadmin: options.isSuperadmin ?? false,
      active: options.active ?? true,
    })
    .returning();
  if (grants.length) {
    await db
      .insert(roleGrants)
      .values(
        grants.map((g) => ({ tenantId: g.unit.tenantId, userId: row.id, unitId: g.unit.id, role: g.role })),
      );
  }
  return { ...row, password };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for any request: the session cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
}

export async function loginAs(
  app: FastifyInstance,
  user: { username: string; password: string },
): Promise<SignedIn> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: user.username, password: user.password },
    remoteAddress: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`,
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === "dtplan_session");
  if (!setCookie) throw new Error("login set no session cookie");
  const cookie = `dtplan_session=${setCookie.value}`;
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/** A new user holding one role on one unit, signed in: how most suites meet their actors. */
export async function signInAs(
  ctx: Pick<SuiteContext, "app" | "db">,
  unit: Pick<OrgUnitRow, "id" | "tenantId">,
  role: Role,
): Promise<SignedIn> {
  return loginAs(ctx.app, await buildUser(ctx.db, { grants: [{ unit, role }] }));
}

/**
 * `call(session, method, url, payload?)`: a request through the suite's app as a signed-in
 * person, the payload sent as JSON (`ctx.app` is read at each call: it is built in beforeAll).
 */
function callerOf(ctx: Pick<SuiteContext, "app">) {
  return (
    session: SignedIn,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ) => ctx.app.inject({ method, url, payload, headers: session.headers });
}

/** A multipart/form-data body with text fields and one file, for `app.inject`. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; fileName: string; bytes: Uint8Array | string; contentType?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dtplan${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The Châu Thành 2025 plan as text (the demo copy of a dev plan). */
export const CHAU_THANH_TXT = new URL("../src/modules/demo/plans/chau-thanh-2025.txt", import.meta.url);

/** A draft plan for `unit`, imported through the same operation as the API. */
export async function buildPlan(db: Database, unit: Pick<OrgUnitRow, "id">, actorId: string) {
  const { readFileSync } = await import("node:fs");
  const { extractPlan } = await import("@dtplan/domain/extract/index.ts");
  const { importPlan } = await import("../src/modules/plans/import-plan.ts");
  const extract = extractPlan(readFileSync(CHAU_THANH_TXT, "utf8"));
  return importPlan(db, {
    actor: { id: actorId } as never,
    unitId: unit.id,
    extract,
    fileName: "chau-thanh-2025.txt",
    format: "txt",
  });
}

type TaskSeed = Partial<
  Pick<
    PlanTaskRow,
    | "text"
    | "pillar"
    | "leadUnitId"
    | "coordinators"
    | "deadlineDate"
    | "deadlineText"
    | "recurring"
    | "cadence"
  >
>;

/**
 * A published plan of `unit` written straight to the tables (no import), with the
 * given tasks, a target per pillar and optionally a budget total — fast fixtures for
 * task tracking, budget and "việc của tôi".
 */
export async function buildPublishedPlan(
  db: Database,
  unit: Pick<OrgUnitRow, "id" | "tenantId">,
  options: { tasks?: TaskSeed[]; budgetTotal?: number | null; code?: string } = {},
): Promise<{ plan: PlanRow; tasks: PlanTaskRow[] }> {
  const [plan] = await db
    .insert(plans)
    .values({
      tenantId: unit.tenantId,
      code: options.code ?? `kh-${unique()}`,
      status: "published",
      title: "Kế hoạch chuyển đổi số thử nghiệm",
      kind: "annual",
      unitId: unit.id,
      periodStart: 2025,
      periodEnd: 2025,
      publishedAt: new Date(),
    })
    .returning();
  const seeds = options.tasks ?? [{}];
  const tasks = await db
    .insert(planTasks)
    .values(
      seeds.map((t, i) => ({
        tenantId: unit.tenantId,
        planId: plan.id,
        position: i,
        pillar: t.pillar ?? "digital_government",
        text: t.text ?? `Nhiệm vụ ${i + 1}`,
        leadUnitId: t.leadUnitId === undefined ? unit.id : t.leadUnitId,
        coordinators: t.coordinators ?? [],
        deadlineDate: t.deadlineDate ?? null,
        deadlineText: t.deadlineText ?? null,
        recurring: t.recurring ?? false,
        cadence: t.cadence ?? null,
      })),
    )
    .returning();
  const pillars = [...new Set(tasks.map((t) => t.pillar)), "digital_economy"];
  const targets = await db
    .insert(planTargets)
    .values(
      pillars.map((pillar, i) => ({
        tenantId: unit.tenantId,
        planId: plan.id,
        position: i,
        pillar,
        text: `Chỉ tiêu ${pillar}`,
        value: 100,
        unit: "%",
      })),
    )
    .returning();
  // Đơn vị báo cáo: the units of the tasks in the target's pillar (the rule migration 0013 backfilled).
  const assignments = targets.flatMap((target) => {
    const ids = new Set(
      tasks
        .filter((t) => t.pillar === target.pillar)
        .flatMap((t) => [t.leadUnitId, ...t.coordinators.map((c) => c.unitId)])
        .filter((id): id is string => Boolean(id)),
    );
    return [...ids].map((unitId) => ({
      tenantId: unit.tenantId,
      planId: plan.id,
      targetKey: target.key,
      unitId,
    }));
  });
  if (assignments.length) await db.insert(planTargetUnits).values(assignments);
  if (options.budgetTotal !== undefined) {
    await db.insert(planBudget).values({
      tenantId: unit.tenantId,
      planId: plan.id,
      total: options.budgetTotal,
      sources: ["Ngân sách huyện"],
    });
  }
  // Publication keeps the plan's stored figures, as publishPlan does.
  await refreshPlanSummaries(db, { tenantId: plan.tenantId, planCode: plan.code });
  return { plan, tasks: tasks.sort((a, b) => a.position - b.position) };
}

/** An ISO date `days` from today (Vietnam time). */
export function isoDaysFromToday(days: number): string {
  const now = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/** The Châu Thành reporting regime: quarterly, before the 15th of the quarter's last month. */
export const QUARTERLY_RULE = {
  position: 0,
  frequency: "quarterly",
  dueDay: 15,
  dueLastOfPeriod: true,
  text: "Định kỳ hàng quý (trước ngày 15 của tháng cuối quý)",
} as const;

/** A ratio indicator (tử số / mẫu số) the reporting suites fill in, without its tenant and code. */
export const ONLINE_RECORDS_INDICATOR = {
  name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
  unit: "%",
  pillar: "digital_government",
  aggregation: "ratio",
  direction: "increase",
  numeratorLabel: "Số hồ sơ trực tuyến toàn trình",
  denominatorLabel: "Tổng số hồ sơ",
  origin: "local",
} as const;

/**
 * A published plan of a district with one task led by each commune, the quarterly
 * regime (due the 15th of the quarter's last month) and a ratio indicator on the
 * digital-government target — the shape reporting, Excel and reminder tests share.
 */
export async function buildReportingPlan(db: Database) {
  const { indicators, planReportingRules } = await import("../src/db/schema.ts");
  const { writePlanPeriods } = await import("../src/modules/plans/plan-periods.ts");
  const { and, eq } = await import("drizzle-orm");
  const tenant = await buildTenant(db);
  const { plan, tasks } = await buildPublishedPlan(db, tenant.district, {
    tasks: [{ leadUnitId: tenant.communeA.id }, { leadUnitId: tenant.communeB.id }],
  });
  await db.insert(planReportingRules).values({ tenantId: plan.tenantId, planId: plan.id, ...QUARTERLY_RULE });
  // Kỳ báo cáo exist from publication, as the publish operation writes them.
  await writePlanPeriods(db, plan);
  const code = `TL-${unique()}`;
  await db.insert(indicators).values({ tenantId: plan.tenantId, code, ...ONLINE_RECORDS_INDICATOR });
  const [target] = await db
    .update(planTargets)
    .set({ indicatorCode: code, comparator: ">=", value: 80, year: 2025 })
    .where(and(eq(planTargets.planId, plan.id), eq(planTargets.pillar, "digital_government")))
    .returning();
  // Who reports in each period, as publication stores it.
  const { refreshReportingStatus } = await import("../src/modules/summary/reporting-status.ts");
  await refreshReportingStatus(db, { tenantId: plan.tenantId, planCodes: [plan.code] });
  return { ...tenant, plan, tasks, targetKey: target.key };
}
