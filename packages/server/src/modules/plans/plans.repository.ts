import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type IndicatorRow,
  indicators,
  orgUnits,
  type PlanBudgetRow,
  type PlanLegalBasisRow,
  type PlanReportingRuleRow,
  type PlanRow,
  type PlanTargetRow,
  type PlanTargetUnitRow,
  type PlanTaskRow,
  planBudget,
  planLegalBases,
  planReportingRules,
  plans,
  planTargets,
  planTargetUnits,
  planTasks,
} from "../../db/schema.ts";
import { conflict } from "../../errors.ts";

/** Every version of the plan with this code in the given tenants, newest first. */
export async function findPlanVersions(
  db: Database,
  tenantIds: readonly string[],
  code: string,
  preferTenant?: string,
): Promise<PlanRow[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .select()
    .from(plans)
    .where(and(inArray(plans.tenantId, [...new Set(tenantIds)]), eq(plans.code, code)))
    .orderBy(desc(plans.version));
  if (rows.length === 0) return rows;
  // The same code in two provinces the caller works in: the home province wins; otherwise
  // the caller must say which (x-dtplan-province / ?province=), never a guess.
  const tenants = new Set(rows.map((r) => r.tenantId));
  if (tenants.size > 1 && !(preferTenant && tenants.has(preferTenant))) {
    throw conflict(
      `Mã kế hoạch "${code}" có ở ${tenants.size} tỉnh bạn làm việc; hãy chọn tỉnh (tham số ?province= hoặc header x-dtplan-province).`,
    );
  }
  const tenant = preferTenant && tenants.has(preferTenant) ? preferTenant : rows[0].tenantId;
  return rows.filter((r) => r.tenantId === tenant);
}

/** The version people work from: the published one, else the newest (a first draft). */
export function currentVersion(rows: readonly PlanRow[]): PlanRow {
  return rows.find((r) => r.status === "published") ?? rows[0];
}

export async function findPlan(db: Database, tenantId: string, planId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
    .limit(1);
  return row;
}

export async function codesInTenant(db: Database, tenantId: string, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ code: plans.code })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), sql`${plans.code} LIKE ${`${prefix}%`}`));
  return new Set(rows.map((r) => r.code));
}

/** The current version of each plan whose unit is one of `unitIds`, filtered and paginated. */
export async function listPlans(
  db: Database,
  filter: {
    unitIds: readonly string[];
    /** The provinces of `unitIds`, so the statement goes to their shards. */
    tenantIds: readonly string[];
    unitId?: string;
    kind?: PlanRow["kind"];
    status?: PlanRow["status"];
    year?: number;
    q?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: (PlanRow & { unitName: string })[]; total: number }> {
  if (filter.unitIds.length === 0 || filter.tenantIds.length === 0) return { rows: [], total: 0 };
  // One row per plan: its published version, else its newest.
  const current = sql`NOT EXISTS (
    SELECT 1 FROM plans p2
     WHERE p2.tenant_id = ${plans.tenantId} AND p2.code = ${plans.code} AND p2.id <> ${plans.id}
       AND (CASE WHEN p2.status = 'published' THEN 2 ELSE 0 END, p2.version)
         > (CASE WHEN ${plans.status} = 'published' THEN 2 ELSE 0 END, ${plans.version}))`;
  const conditions: (SQL | undefined)[] = [
    inArray(plans.tenantId, [...filter.tenantIds]),
    inArray(plans.unitId, [...filter.unitIds]),
    current,
    filter.unitId ? eq(plans.unitId, filter.unitId) : undefined,
    filter.kind ? eq(plans.kind, filter.kind) : undefined,
    filter.status ? eq(plans.status, filter.status) : undefined,
    filter.year
      ? and(
          or(lte(plans.periodStart, filter.year), sql`${plans.periodStart} IS NULL`),
          or(gte(plans.periodEnd, filter.year), sql`${plans.periodEnd} IS NULL`),
        )
      : undefined,
    filter.q ? or(ilike(plans.title, `%${filter.q}%`), ilike(plans.code, `%${filter.q}%`)) : undefined,
  ];
  const where = and(...conditions);
  const rows = await db
    .select({ plan: plans, unitName: orgUnits.name })
    .from(plans)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
    .where(where)
    .orderBy(desc(plans.periodEnd), asc(plans.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(plans).where(where);
  return { rows: rows.map((r) => ({ ...r.plan, unitName: r.unitName })), total };
}

export interface PlanBundle {
  plan: PlanRow;
  targets: PlanTargetRow[];
  tasks: PlanTaskRow[];
  legalBases: PlanLegalBasisRow[];
  reportingRules: PlanReportingRuleRow[];
  budget: PlanBudgetRow | null;
  /** Đơn vị báo cáo of each target (migration 0013). */
  targetUnits: PlanTargetUnitRow[];
  unitNames: Map<string, string>;
  indicators: Map<string, IndicatorRow>;
  /** Titles of the plans this one refers to (parent, implemented, legal bases), by code. */
  planTitles: Map<string, string>;
}

export async function loadPlanItems(db: Database, plan: PlanRow) {
  // biome-ignore lint/suspicious/noExplicitAny: any plan child table
  const scope = (t: { tenantId: any; planId: any }) =>
    and(eq(t.tenantId, plan.tenantId), eq(t.planId, plan.id));
  const [targets, tasks, legalBases, reportingRules, budgets, targetUnits] = await Promise.all([
    db.select().from(planTargets).where(scope(planTargets)).orderBy(asc(planTargets.position)),
    db.select().from(planTasks).where(scope(planTasks)).orderBy(asc(planTasks.position)),
    db.select().from(planLegalBases).where(scope(planLegalBases)).orderBy(asc(planLegalBases.position)),
    db
      .select()
      .from(planReportingRules)
      .where(scope(planReportingRules))
      .orderBy(asc(planReportingRules.position)),
    db.select().from(planBudget).where(scope(planBudget)),
    db.select().from(planTargetUnits).where(scope(planTargetUnits)),
  ]);
  return { targets, tasks, legalBases, reportingRules, budget: budgets[0] ?? null, targetUnits };
}

/** A plan version's items to write, as `loadPlanItems` reads them (without their row ids). */
export interface NewPlanItems {
  targets: (typeof planTargets.$inferInsert)[];
  targetUnits: (typeof planTargetUnits.$inferInsert)[];
  tasks: (typeof planTasks.$inferInsert)[];
  legalBases: (typeof planLegalBases.$inferInsert)[];
  reportingRules: (typeof planReportingRules.$inferInsert)[];
  budget: typeof planBudget.$inferInsert | null;
}

/** Writes a plan version's items (an empty list writes nothing, nor a missing budget). */
export async function insertPlanItems(db: Database, items: NewPlanItems): Promise<void> {
  if (items.targets.length) await db.insert(planTargets).values(items.targets);
  if (items.targetUnits.length) await db.insert(planTargetUnits).values(items.targetUnits);
  if (items.tasks.length) await db.insert(planTasks).values(items.tasks);
  if (items.legalBases.length) await db.insert(planLegalBases).values(items.legalBases);
  if (items.reportingRules.length) await db.insert(planReportingRules).values(items.reportingRules);
  if (items.budget) await db.insert(planBudget).values(items.budget);
}

/** The plan with its items and the names its presenter needs. */
export async function loadPlanBundle(db: Database, plan: PlanRow): Promise<PlanBundle> {
  const items = await loadPlanItems(db, plan);
  const unitIds = new Set<string>([plan.unitId, ...items.targetUnits.map((a) => a.unitId)]);
  for (const t of items.tasks) {
    if (t.leadUnitId) unitIds.add(t.leadUnitId);
    for (const s of t.leadSuggestions) unitIds.add(s.unitId);
    for (const c of t.coordinators) {
      if (c.unitId) unitIds.add(c.unitId);
      for (const s of c.suggestions) unitIds.add(s.unitId);
    }
  }
  const codes = new Set<string>();
  for (const t of items.targets) {
    if (t.indicatorCode) codes.add(t.indicatorCode);
    for (const s of t.indicatorSuggestions) codes.add(s.code);
  }
  const planCodes = new Set<string>(
    [plan.parentPlanCode, plan.implementsPlanCode, ...items.legalBases.map((l) => l.linkedPlanCode)].filter(
      (c): c is string => Boolean(c),
    ),
  );
  const [units, indicatorRows, titles] = await Promise.all([
    unitIds.size
      ? db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(and(eq(orgUnits.tenantId, plan.tenantId), inArray(orgUnits.id, [...unitIds])))
      : [],
    codes.size
      ? db
          .select()
          .from(indicators)
          .where(and(eq(indicators.tenantId, plan.tenantId), inArray(indicators.code, [...codes])))
      : [],
    planCodes.size
      ? db
          .select({ code: plans.code, title: plans.title, version: plans.version })
          .from(plans)
          .where(and(eq(plans.tenantId, plan.tenantId), inArray(plans.code, [...planCodes])))
          .orderBy(asc(plans.version))
      : [],
  ]);
  return {
    plan,
    ...items,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    indicators: new Map(indicatorRows.map((i) => [i.code, i])),
    planTitles: new Map(titles.map((t) => [t.code, t.title])),
  };
}

/** Plans whose document number is one of `numbers`, for linking legal bases. */
export async function plansByDocumentNumber(
  db: Database,
  tenantId: string,
  numbers: readonly string[],
): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ code: plans.code, documentNumber: plans.documentNumber })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        isNotNull(plans.documentNumber),
        inArray(plans.documentNumber, [...numbers]),
      ),
    );
  return new Map(rows.map((r) => [r.documentNumber as string, r.code]));
}

/** The newest version of the plan issued as document `number` on `date`, if one was imported. */
export async function findPlanByDocument(
  db: Database,
  tenantId: string,
  number: string,
  date: string,
): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.documentNumber, number), eq(plans.issuedDate, date)))
    .orderBy(desc(plans.version))
    .limit(1);
  return row ?? null;
}

export async function touchPlan(db: Database, plan: PlanRow): Promise<void> {
  await db
    .update(plans)
    .set({ updatedAt: new Date() })
    .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)));
}
