import type { TDtiAnswer } from "@dtplan/contracts";
import type { DtiNodeDef, DtiRule } from "@dtplan/domain/dti/framework.ts";
import type {
  DtiAssessmentStatus,
  DtiNodeKind,
  DtiRoundStatus,
  DtiSubject,
  DtiVerificationOutcome,
} from "@dtplan/domain/dti/lists.ts";
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { acrossTenants, sqlList } from "../../db/sql.ts";

export { insertFramework, replaceNodes } from "../dti-seed/framework-rows.ts";

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();
const day = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** `FOR UPDATE OF alias` when the caller reads a row it is about to change. */
const lockOf = (alias: string, forUpdate: boolean): SQL =>
  forUpdate ? sql.raw(` FOR UPDATE OF ${alias}`) : sql``;

async function rowsOf<T>(db: Database, query: SQL, to: (r: Record<string, unknown>) => T): Promise<T[]> {
  return (await queryRows<Record<string, unknown>>(db, query)).map(to);
}

async function firstOf<T>(
  db: Database,
  query: SQL,
  to: (r: Record<string, unknown>) => T,
): Promise<T | null> {
  return (await rowsOf(db, query, to))[0] ?? null;
}

/** key → name of the rows `query` selects (`key`, `name`) for the keys given. */
async function namesByKey(
  db: Database,
  keys: readonly string[],
  query: (keys: SQL) => SQL,
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ key: string; name: string }>(db, query(sqlList(keys)));
  return new Map(rows.map((r) => [r.key, r.name]));
}

// ---------------------------------------------------------------------------
// Frameworks

export interface FrameworkRow {
  tenantId: string;
  id: string;
  code: string;
  year: number;
  name: string;
  description: string;
  subject: DtiSubject;
  version: number;
  copiedFromId: string | null;
  updatedAt: string;
  updatedBy: string | null;
  /** Used by a round past draft. */
  locked: boolean;
}

const FRAMEWORK_COLUMNS = sql`f.tenant_id, f.id, f.code, f.year, f.name, f.description, f.subject, f.version,
  f.copied_from_id, f.updated_at, f.updated_by,
  EXISTS (SELECT 1 FROM dti_rounds r WHERE r.tenant_id = f.tenant_id AND r.framework_id = f.id AND r.status <> 'draft') AS locked`;

function toFramework(r: Record<string, unknown>): FrameworkRow {
  return {
    tenantId: r.tenant_id as string,
    id: r.id as string,
    code: r.code as string,
    year: Number(r.year),
    name: r.name as string,
    description: r.description as string,
    subject: r.subject as DtiSubject,
    version: Number(r.version),
    copiedFromId: (r.copied_from_id as string | null) ?? null,
    updatedAt: iso(r.updated_at) ?? "",
    updatedBy: (r.updated_by as string | null) ?? null,
    locked: Boolean(r.locked),
  };
}

export async function listFrameworks(db: Database, tenantId: string): Promise<FrameworkRow[]> {
  return rowsOf(
    db,
    sql`SELECT ${FRAMEWORK_COLUMNS} FROM dti_frameworks f WHERE f.tenant_id = ${tenantId} ORDER BY f.year DESC, f.code`,
    toFramework,
  );
}

export async function findFramework(
  db: Database,
  tenantId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<FrameworkRow | null> {
  return firstOf(
    db,
    sql`SELECT ${FRAMEWORK_COLUMNS} FROM dti_frameworks f WHERE f.tenant_id = ${tenantId} AND f.id = ${id}${lockOf("f", forUpdate)}`,
    toFramework,
  );
}

export async function frameworkByCodeYear(
  db: Database,
  tenantId: string,
  code: string,
  year: number,
): Promise<FrameworkRow | null> {
  return firstOf(
    db,
    sql`SELECT ${FRAMEWORK_COLUMNS} FROM dti_frameworks f WHERE f.tenant_id = ${tenantId} AND f.code = ${code} AND f.year = ${year}`,
    toFramework,
  );
}

/** A stored node, flat (the tree is rebuilt from `parentCode` and `position`). */
interface NodeRow {
  frameworkId: string;
  code: string;
  parentCode: string | null;
  position: number;
  kind: DtiNodeKind;
  name: string;
  maxPoints: number | null;
  weight: number | null;
  rule: DtiRule;
  evidenceRequired: string;
  guidance: string;
}

/** The trees of some frameworks as written, by framework id (one statement). */
export async function frameworkTrees(
  db: Database,
  tenantId: string,
  frameworkIds: readonly string[],
): Promise<Map<string, DtiNodeDef[]>> {
  const out = new Map<string, DtiNodeDef[]>(frameworkIds.map((id) => [id, []]));
  if (frameworkIds.length === 0) return out;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT framework_id, code, parent_code, position, kind, name, max_points, weight, rule, evidence_required, guidance
          FROM dti_nodes WHERE tenant_id = ${tenantId} AND framework_id IN ${sqlList(frameworkIds)}
         ORDER BY framework_id, position`,
  );
  const nodes: NodeRow[] = rows.map((r) => ({
    frameworkId: r.framework_id as string,
    code: r.code as string,
    parentCode: (r.parent_code as string | null) ?? null,
    position: Number(r.position),
    kind: r.kind as DtiNodeKind,
    name: r.name as string,
    maxPoints: num(r.max_points),
    weight: num(r.weight),
    rule: (typeof r.rule === "string" ? JSON.parse(r.rule) : r.rule) as DtiRule,
    evidenceRequired: r.evidence_required as string,
    guidance: r.guidance as string,
  }));
  const defs = new Map<string, DtiNodeDef & { children: DtiNodeDef[] }>();
  for (const n of nodes) {
    defs.set(`${n.frameworkId}\u0000${n.code}`, {
      code: n.code,
      name: n.name,
      kind: n.kind,
      maxPoints: n.maxPoints,
      weight: n.weight,
      rule: n.rule,
      evidenceRequired: n.evidenceRequired,
      guidance: n.guidance,
      children: [],
    });
  }
  for (const n of nodes) {
    const def = defs.get(`${n.frameworkId}\u0000${n.code}`);
    if (!def) continue;
    const parent = n.parentCode ? defs.get(`${n.frameworkId}\u0000${n.parentCode}`) : null;
    if (parent) parent.children.push(def);
    else out.get(n.frameworkId)?.push(def);
  }
  return out;
}

export async function updateFrameworkRow(
  db: Database,
  f: {
    tenantId: string;
    id: string;
    name: string;
    description: string;
    subject: DtiSubject;
    actorId: string;
  },
): Promise<void> {
  await db.execute(
    sql`UPDATE dti_frameworks SET name = ${f.name}, description = ${f.description}, subject = ${f.subject},
               version = version + 1, updated_by = ${f.actorId}, updated_at = now()
         WHERE tenant_id = ${f.tenantId} AND id = ${f.id}`,
  );
}

// ---------------------------------------------------------------------------
// Rounds

export interface RoundRow {
  tenantId: string;
  id: string;
  frameworkId: string;
  frameworkCode: string;
  frameworkYear: number;
  frameworkName: string;
  year: number;
  name: string;
  status: DtiRoundStatus;
  startDate: string;
  dueDate: string;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
}

const ROUND_SELECT = sql`SELECT r.tenant_id, r.id, r.framework_id, f.code AS framework_code, f.year AS framework_year,
    f.name AS framework_name, r.year, r.name, r.status, r.start_date, r.due_date, r.opened_at, r.closed_at, r.published_at
  FROM dti_rounds r JOIN dti_frameworks f ON f.tenant_id = r.tenant_id AND f.id = r.framework_id`;

function toRound(r: Record<string, unknown>): RoundRow {
  return {
    tenantId: r.tenant_id as string,
    id: r.id as string,
    frameworkId: r.framework_id as string,
    frameworkCode: r.framework_code as string,
    frameworkYear: Number(r.framework_year),
    frameworkName: r.framework_name as string,
    year: Number(r.year),
    name: r.name as string,
    status: r.status as DtiRoundStatus,
    startDate: day(r.start_date),
    dueDate: day(r.due_date),
    openedAt: iso(r.opened_at),
    closedAt: iso(r.closed_at),
    publishedAt: iso(r.published_at),
  };
}

export async function listRounds(db: Database, tenantId: string): Promise<RoundRow[]> {
  return rowsOf(
    db,
    sql`${ROUND_SELECT} WHERE r.tenant_id = ${tenantId} ORDER BY r.year DESC, r.created_at DESC`,
    toRound,
  );
}

export async function findRound(
  db: Database,
  tenantId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<RoundRow | null> {
  return firstOf(
    db,
    sql`${ROUND_SELECT} WHERE r.tenant_id = ${tenantId} AND r.id = ${id}${lockOf("r", forUpdate)}`,
    toRound,
  );
}

/** The same framework code's round of an earlier year with published results, latest first. */
export async function previousPublishedRound(db: Database, round: RoundRow): Promise<RoundRow | null> {
  return firstOf(
    db,
    sql`${ROUND_SELECT} WHERE r.tenant_id = ${round.tenantId} AND f.code = ${round.frameworkCode}
           AND r.year < ${round.year} AND r.status = 'published'
         ORDER BY r.year DESC, r.published_at DESC LIMIT 1`,
    toRound,
  );
}

/** Published rounds (public): of one province, or of all. */
export async function publishedRounds(
  db: Database,
  tenantId: string | null,
): Promise<(RoundRow & { provinceName: string; unitCount: number })[]> {
  const where = tenantId
    ? sql`r.tenant_id = ${tenantId} AND `
    : sql`${acrossTenants("the public list of rounds without a province", undefined)} AND `;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT q.*, p.name AS province_name,
               (SELECT count(*) FROM dti_round_units ru WHERE ru.tenant_id = q.tenant_id AND ru.round_id = q.id) AS unit_count
          FROM (${ROUND_SELECT} WHERE ${where}r.status = 'published') q
          JOIN org_units p ON p.tenant_id = q.tenant_id AND p.id = q.tenant_id
         ORDER BY q.published_at DESC`,
  );
  return rows.map((r) => ({
    ...toRound(r),
    provinceName: r.province_name as string,
    unitCount: Number(r.unit_count),
  }));
}

/** A published round by id (public): within its province when the caller names it, else in any. */
export async function findPublishedRound(
  db: Database,
  id: string,
  tenantId: string | null,
): Promise<RoundRow | null> {
  const province = tenantId
    ? sql`r.tenant_id = ${tenantId} AND `
    : sql`${acrossTenants("a published round is found by id alone", undefined)} AND `;
  return firstOf(db, sql`${ROUND_SELECT} WHERE ${province}r.id = ${id} AND r.status = 'published'`, toRound);
}

export async function insertRound(
  db: Database,
  r: {
    tenantId: string;
    frameworkId: string;
    year: number;
    name: string;
    startDate: string;
    dueDate: string;
    actorId: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO dti_rounds (tenant_id, framework_id, year, name, start_date, due_date, created_by)
        VALUES (${r.tenantId}, ${r.frameworkId}, ${r.year}, ${r.name}, ${r.startDate}, ${r.dueDate}, ${r.actorId})
        RETURNING id`,
  );
  if (!row) throw new Error("round insert returned nothing");
  return row.id;
}

export async function updateRoundRow(
  db: Database,
  tenantId: string,
  id: string,
  set: { name?: string; startDate?: string; dueDate?: string; status?: DtiRoundStatus },
): Promise<void> {
  const parts: SQL[] = [sql`updated_at = now()`];
  if (set.name !== undefined) parts.push(sql`name = ${set.name}`);
  if (set.startDate !== undefined) parts.push(sql`start_date = ${set.startDate}`);
  if (set.dueDate !== undefined) parts.push(sql`due_date = ${set.dueDate}`);
  if (set.status !== undefined) {
    parts.push(sql`status = ${set.status}`);
    if (set.status === "open") parts.push(sql`opened_at = coalesce(opened_at, now())`);
    if (set.status === "closed") parts.push(sql`closed_at = now()`);
    if (set.status === "published") parts.push(sql`published_at = now()`);
  }
  await db.execute(
    sql`UPDATE dti_rounds SET ${sql.join(parts, sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
}

// ---------------------------------------------------------------------------
// Round units and entries

export interface RoundUnitRow {
  roundId: string;
  unitId: string;
  unitName: string;
  id: string;
  status: DtiAssessmentStatus | null;
  version: number;
  submittedAt: string | null;
  submittedBy: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

function toRoundUnit(r: Record<string, unknown>): RoundUnitRow {
  return {
    roundId: r.round_id as string,
    unitId: r.unit_id as string,
    unitName: r.unit_name as string,
    id: r.id as string,
    status: (r.status as DtiAssessmentStatus | null) ?? null,
    version: Number(r.version),
    submittedAt: iso(r.submitted_at),
    submittedBy: (r.submitted_by as string | null) ?? null,
    updatedAt: iso(r.updated_at),
    updatedBy: (r.updated_by as string | null) ?? null,
  };
}

/** The units of some rounds, by name. */
export async function roundUnits(
  db: Database,
  tenantId: string,
  roundIds: readonly string[],
): Promise<RoundUnitRow[]> {
  if (roundIds.length === 0) return [];
  return rowsOf(
    db,
    sql`SELECT ru.round_id, ru.unit_id, u.name AS unit_name, ru.id, ru.status, ru.version, ru.submitted_at, ru.submitted_by,
               ru.updated_at, ru.updated_by
          FROM dti_round_units ru JOIN org_units u ON u.tenant_id = ru.tenant_id AND u.id = ru.unit_id
         WHERE ru.tenant_id = ${tenantId} AND ru.round_id IN ${sqlList(roundIds)}
         ORDER BY u.name, ru.unit_id`,
    toRoundUnit,
  );
}

export async function findRoundUnit(
  db: Database,
  tenantId: string,
  roundId: string,
  unitId: string,
  { forUpdate = false } = {},
): Promise<RoundUnitRow | null> {
  return firstOf(
    db,
    sql`SELECT ru.round_id, ru.unit_id, u.name AS unit_name, ru.id, ru.status, ru.version, ru.submitted_at, ru.submitted_by,
               ru.updated_at, ru.updated_by
          FROM dti_round_units ru JOIN org_units u ON u.tenant_id = ru.tenant_id AND u.id = ru.unit_id
         WHERE ru.tenant_id = ${tenantId} AND ru.round_id = ${roundId} AND ru.unit_id = ${unitId}${lockOf("ru", forUpdate)}`,
    toRoundUnit,
  );
}

/** A round unit by its id (the owner key of its evidence files). */
export async function roundUnitById(
  db: Database,
  tenantId: string,
  id: string,
): Promise<{ roundId: string; unitId: string } | null> {
  const [row] = await queryRows<{ round_id: string; unit_id: string }>(
    db,
    sql`SELECT round_id, unit_id FROM dti_round_units WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
  return row ? { roundId: row.round_id, unitId: row.unit_id } : null;
}

/** Sets a round's units: adds the new ones, removes the ones no longer listed (with their entries). */
export async function setRoundUnits(
  db: Database,
  tenantId: string,
  roundId: string,
  unitIds: readonly string[],
): Promise<void> {
  if (unitIds.length > 0) {
    await db.execute(
      sql`DELETE FROM dti_round_units WHERE tenant_id = ${tenantId} AND round_id = ${roundId} AND unit_id NOT IN ${sqlList(unitIds)}`,
    );
    await db.execute(
      sql`INSERT INTO dti_round_units (tenant_id, round_id, unit_id)
          SELECT ${tenantId}, ${roundId}, u FROM unnest(${sql`ARRAY[${sql.join(
            unitIds.map((u) => sql`${u}::uuid`),
            sql`, `,
          )}]`}) AS u
          ON CONFLICT (tenant_id, round_id, unit_id) DO NOTHING`,
    );
  }
}

export async function updateRoundUnit(
  db: Database,
  tenantId: string,
  roundId: string,
  unitId: string,
  set: { status?: DtiAssessmentStatus | null; submitted?: boolean; actorId: string },
): Promise<void> {
  const parts: SQL[] = [
    sql`version = version + 1`,
    sql`updated_at = now()`,
    sql`updated_by = ${set.actorId}`,
  ];
  if (set.status !== undefined) parts.push(sql`status = ${set.status}`);
  if (set.submitted) parts.push(sql`submitted_at = now()`, sql`submitted_by = ${set.actorId}`);
  await db.execute(
    sql`UPDATE dti_round_units SET ${sql.join(parts, sql`, `)}
         WHERE tenant_id = ${tenantId} AND round_id = ${roundId} AND unit_id = ${unitId}`,
  );
}

/** A unit's answer to a criterion as stored: its evidence as saved (JSON), and the self points it earns. */
export type StoredAnswer = Omit<TDtiAnswer, "evidence"> & { evidence: unknown[]; selfPoints: number | null };

export interface EntryRow extends StoredAnswer {
  unitId: string;
  nodeCode: string;
  autoSource: Record<string, unknown> | null;
  updatedAt: string | null;
  verificationOutcome: DtiVerificationOutcome | null;
  verifiedPoints: number | null;
  verificationComment: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

/** Entries of a round, of some units or all. */
export async function roundEntries(
  db: Database,
  tenantId: string,
  roundId: string,
  unitIds: readonly string[] | null,
): Promise<EntryRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  const units = unitIds ? sql` AND unit_id IN ${sqlList(unitIds)}` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT unit_id, node_code, value, level, numerator, denominator, achieved, explanation, evidence, self_points,
               auto_source, updated_at, verification_outcome, verified_points, verification_comment, verified_by, verified_at
          FROM dti_entries WHERE tenant_id = ${tenantId} AND round_id = ${roundId}${units}`,
  );
  return rows.map((r) => ({
    unitId: r.unit_id as string,
    nodeCode: r.node_code as string,
    value: num(r.value),
    level: (r.level as string | null) ?? null,
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    achieved: (r.achieved as boolean | null) ?? null,
    explanation: (r.explanation as string) ?? "",
    evidence: (json(r.evidence) as unknown[]) ?? [],
    selfPoints: num(r.self_points),
    autoSource: (json(r.auto_source) as Record<string, unknown> | null) ?? null,
    updatedAt: iso(r.updated_at),
    verificationOutcome: (r.verification_outcome as DtiVerificationOutcome | null) ?? null,
    verifiedPoints: num(r.verified_points),
    verificationComment: (r.verification_comment as string | null) ?? null,
    verifiedBy: (r.verified_by as string | null) ?? null,
    verifiedAt: iso(r.verified_at),
  }));
}

/** Writes entries as the unit entered them, with their computed self points. */
export async function upsertEntries(
  db: Database,
  tenantId: string,
  roundId: string,
  unitId: string,
  actorId: string,
  entries: readonly (StoredAnswer & { code: string })[],
): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map(
    (e) =>
      sql`(${tenantId}, ${roundId}, ${unitId}, ${e.code}, ${e.value}, ${e.level}, ${e.numerator}, ${e.denominator}, ${e.achieved}, ${e.explanation}, ${JSON.stringify(e.evidence)}::jsonb, ${e.selfPoints}, now(), ${actorId})`,
  );
  await db.execute(
    sql`INSERT INTO dti_entries (tenant_id, round_id, unit_id, node_code, value, level, numerator, denominator, achieved, explanation, evidence, self_points, updated_at, updated_by)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (tenant_id, round_id, unit_id, node_code) DO UPDATE SET
          value = EXCLUDED.value, level = EXCLUDED.level, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
          achieved = EXCLUDED.achieved, explanation = EXCLUDED.explanation, evidence = EXCLUDED.evidence,
          self_points = EXCLUDED.self_points, updated_at = now(), updated_by = EXCLUDED.updated_by,
          -- A changed entry needs verifying again, except an adjustment made on it.
          verification_outcome = CASE WHEN dti_entries.self_points IS DISTINCT FROM EXCLUDED.self_points
                                      THEN NULL ELSE dti_entries.verification_outcome END,
          verified_points = CASE WHEN dti_entries.self_points IS DISTINCT FROM EXCLUDED.self_points
                                 THEN NULL ELSE dti_entries.verified_points END`,
  );
}

/** Writes verifications of some criteria (entries are created when the unit entered nothing). */
export async function writeVerifications(
  db: Database,
  tenantId: string,
  roundId: string,
  unitId: string,
  actorId: string,
  items: readonly {
    code: string;
    outcome: DtiVerificationOutcome;
    points: number | null;
    comment: string | null;
  }[],
): Promise<void> {
  if (items.length === 0) return;
  const values = items.map(
    (v) =>
      sql`(${tenantId}, ${roundId}, ${unitId}, ${v.code}, ${v.outcome}, ${v.points}, ${v.comment}, ${actorId}, now())`,
  );
  await db.execute(
    sql`INSERT INTO dti_entries (tenant_id, round_id, unit_id, node_code, verification_outcome, verified_points, verification_comment, verified_by, verified_at)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (tenant_id, round_id, unit_id, node_code) DO UPDATE SET
          verification_outcome = EXCLUDED.verification_outcome, verified_points = EXCLUDED.verified_points,
          verification_comment = EXCLUDED.verification_comment, verified_by = EXCLUDED.verified_by, verified_at = now()`,
  );
}

/** Freezes automatic criteria when a round closes: the figure, its source and the points. */
export async function freezeAutomatic(
  db: Database,
  tenantId: string,
  roundId: string,
  rows: readonly {
    unitId: string;
    code: string;
    value: number | null;
    selfPoints: number | null;
    source: object;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) =>
      sql`(${tenantId}, ${roundId}, ${r.unitId}, ${r.code}, ${r.value}, ${r.selfPoints}, ${JSON.stringify(r.source)}::jsonb)`,
  );
  await db.execute(
    sql`INSERT INTO dti_entries (tenant_id, round_id, unit_id, node_code, value, self_points, auto_source)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (tenant_id, round_id, unit_id, node_code) DO UPDATE SET
          value = EXCLUDED.value, self_points = EXCLUDED.self_points, auto_source = EXCLUDED.auto_source`,
  );
}

// ---------------------------------------------------------------------------
// Automatic figures

export interface ReportFigure {
  unitId: string;
  indicatorCode: string;
  indicatorName: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reportId: string;
  planCode: string;
  periodKey: string;
  periodLabel: string;
  approvedAt: string | null;
}

/**
 * Each unit's latest approved figure of each indicator among periods ending in `year`
 * (the period ending last; of two reports of one period, the one approved last).
 */
export async function approvedFigures(
  db: Database,
  tenantId: string,
  year: number,
  unitIds: readonly string[],
  indicatorCodes: readonly string[],
): Promise<ReportFigure[]> {
  if (unitIds.length === 0 || indicatorCodes.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT DISTINCT ON (r.unit_id, v.indicator_code)
               r.unit_id, v.indicator_code, i.name AS indicator_name, v.value, v.numerator, v.denominator,
               r.id AS report_id, r.plan_code, p.key AS period_key, p.label AS period_label, r.reviewed_at
          FROM unit_reports r
          JOIN reporting_periods p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
          JOIN unit_report_values v ON v.tenant_id = r.tenant_id AND v.report_id = r.id
          JOIN indicators i ON i.tenant_id = v.tenant_id AND i.code = v.indicator_code
         WHERE r.tenant_id = ${tenantId} AND r.status = 'approved'
           AND r.unit_id IN ${sqlList(unitIds)} AND v.indicator_code IN ${sqlList(indicatorCodes)}
           AND p.end_date >= ${`${year}-01-01`} AND p.end_date <= ${`${year}-12-31`}
           AND (v.value IS NOT NULL OR (v.numerator IS NOT NULL AND v.denominator IS NOT NULL))
         ORDER BY r.unit_id, v.indicator_code, p.end_date DESC, r.reviewed_at DESC NULLS LAST`,
  );
  return rows.map((r) => ({
    unitId: r.unit_id as string,
    indicatorCode: r.indicator_code as string,
    indicatorName: r.indicator_name as string,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    reportId: r.report_id as string,
    planCode: r.plan_code as string,
    periodKey: r.period_key as string,
    periodLabel: r.period_label as string,
    approvedAt: iso(r.reviewed_at),
  }));
}

/** Indicator names of a province's catalogue, for the codes given. */
export const indicatorNames = (db: Database, tenantId: string, codes: readonly string[]) =>
  namesByKey(
    db,
    codes,
    (keys) => sql`SELECT code AS key, name FROM indicators WHERE tenant_id = ${tenantId} AND code IN ${keys}`,
  );

/** Predecessors of units (merges and splits), one step back, within a province. */
export async function predecessorsOf(
  db: Database,
  tenantId: string,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{ successor_id: string; predecessor_id: string }>(
    db,
    sql`WITH RECURSIVE back AS (
          SELECT tenant_id, successor_id, predecessor_id, 0 AS depth FROM org_unit_lineage
           WHERE tenant_id = ${tenantId} AND successor_id IN ${sqlList(unitIds)}
          UNION
          SELECT l.tenant_id, l.successor_id, l.predecessor_id, b.depth + 1 FROM org_unit_lineage l
            JOIN back b ON l.tenant_id = b.tenant_id AND l.successor_id = b.predecessor_id
           WHERE l.tenant_id = ${tenantId} AND b.depth < 8
        )
        SELECT DISTINCT successor_id, predecessor_id FROM back`,
  );
  for (const r of rows) out.set(r.successor_id, [...(out.get(r.successor_id) ?? []), r.predecessor_id]);
  return out;
}

/** Names of units (any, within a province). */
export const unitNames = (db: Database, tenantId: string, ids: readonly string[]) =>
  namesByKey(
    db,
    ids,
    (keys) => sql`SELECT id AS key, name FROM org_units WHERE tenant_id = ${tenantId} AND id IN ${keys}`,
  );
