import type { SearchKind } from "@dtplan/domain/search/kinds.ts";
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { foldedPhraseFirst, holdsFoldedWords, sqlList, storedFolded } from "../../db/sql.ts";

/** Units a kind of thing may belong to, in one province: all of them, or these. */
export type UnitScope = "all" | readonly string[];

/** What one person may find in one province, as the access module decides it. */
export interface TenantSearchScope {
  tenantId: string;
  /** Issuing units of the plans they read (their targets and tasks come with them). */
  planUnits: UnitScope;
  /** Units of the organisation tree they read. */
  orgUnits: UnitScope;
  /** Units whose own reports they read (plans.read on the unit). */
  reportUnits: UnitScope;
  /** Plans' units whose reports they review: every unit's report of those plans. */
  reviewPlanUnits: UnitScope;
  /** Units whose people they read (users.read). */
  peopleUnits: UnitScope;
}

/** A row found, before the presenter names its page. */
export interface FoundRow {
  kind: SearchKind;
  id: string;
  title: string;
  /** Plan code, period key, unit id or username: what the link is made of. */
  code: string | null;
  key: string | null;
  unit_id: string | null;
  status: string | null;
  plan_title: string | null;
  unit_name: string | null;
}

const isEmpty = (scope: UnitScope) => scope !== "all" && scope.length === 0;

function inScope(column: SQL, scope: UnitScope): SQL {
  if (scope === "all") return sql`true`;
  return scope.length ? sql`${column} IN ${sqlList(scope)}` : sql`false`;
}

/**
 * Each plan once, in its version in force (the published one, else the newest draft), among
 * the plans the person reads.
 */
function currentPlans(scope: TenantSearchScope): SQL {
  return sql`cur AS (
    SELECT DISTINCT ON (p.code) p.id, p.code, p.title, p.status, p.unit_id, p.search_text
      FROM plans p
     WHERE p.tenant_id = ${scope.tenantId} AND ${inScope(sql`p.unit_id`, scope.planUnits)}
     ORDER BY p.code, (p.status = 'published') DESC, p.version DESC)`;
}

/**
 * Up to `limit` things of each kind in one province whose folded text holds every word of
 * `q`, filtered, ordered and cut in SQL (one statement per kind).
 */
export async function findInTenant(
  db: Database,
  scope: TenantSearchScope,
  q: string,
  limit: number,
  today: string,
): Promise<FoundRow[]> {
  const t = scope.tenantId;
  const cur = currentPlans(scope);
  // The folded text each kind is found by: its own stored search_text (migration 0020:
  // title, code, number; wording; name, short name, code …) and that of the unit it names.
  const planText = storedFolded([sql`c.search_text`, sql`u.search_text`]);
  const targetText = sql`tg.search_text`;
  const taskText = storedFolded([sql`tk.search_text`, sql`u.search_text`]);
  const unitText = sql`u.search_text`;
  const reportText = storedFolded([sql`u.search_text`, sql`per.search_text`, sql`c.search_text`]);
  const personText = storedFolded([sql`us.search_text`, sql`u.search_text`]);
  const matches = (text: SQL) => holdsFoldedWords(text, q) ?? sql`false`;
  const phraseFirst = (text: SQL) => foldedPhraseFirst(text, q);
  const statements: (SQL | null)[] = [
    sql`WITH ${cur}
        SELECT 'plan' AS kind, c.id, c.title, c.code, NULL AS key, c.unit_id, c.status,
               c.title AS plan_title, u.name AS unit_name
          FROM cur c JOIN org_units u ON u.tenant_id = ${t} AND u.id = c.unit_id
         WHERE ${matches(planText)}
         ORDER BY ${phraseFirst(planText)}, c.title, c.code LIMIT ${limit}`,
    sql`WITH ${cur}
        SELECT 'target' AS kind, tg.id, tg.text AS title, c.code, tg.key::text AS key, NULL AS unit_id,
               c.status, c.title AS plan_title, NULL AS unit_name
          FROM plan_targets tg JOIN cur c ON c.id = tg.plan_id
         WHERE tg.tenant_id = ${t} AND ${matches(targetText)}
         ORDER BY ${phraseFirst(targetText)}, c.code, tg.position LIMIT ${limit}`,
    sql`WITH ${cur}
        SELECT 'task' AS kind, tk.id, tk.text AS title, c.code, tk.key::text AS key, tk.lead_unit_id AS unit_id,
               c.status, c.title AS plan_title, coalesce(u.name, tk.lead_text) AS unit_name
          FROM plan_tasks tk JOIN cur c ON c.id = tk.plan_id
          LEFT JOIN org_units u ON u.tenant_id = ${t} AND u.id = tk.lead_unit_id
         WHERE tk.tenant_id = ${t} AND ${matches(taskText)}
         ORDER BY ${phraseFirst(taskText)}, c.code, tk.position LIMIT ${limit}`,
    isEmpty(scope.orgUnits)
      ? null
      : sql`SELECT 'unit' AS kind, u.id, u.name AS title, u.code, NULL AS key, u.id AS unit_id, NULL AS status,
               NULL AS plan_title, up.name AS unit_name
          FROM org_units u LEFT JOIN org_units up ON up.tenant_id = ${t} AND up.id = u.parent_id
         WHERE u.tenant_id = ${t} AND ${inScope(sql`u.id`, scope.orgUnits)}
           AND (u.valid_to IS NULL OR u.valid_to >= ${today})
           AND ${matches(unitText)}
         ORDER BY ${phraseFirst(unitText)}, u.name, u.code LIMIT ${limit}`,
    sql`WITH ${cur}
        SELECT 'report' AS kind, r.id, per.label AS title, c.code, per.key, r.unit_id, r.status,
               c.title AS plan_title, u.name AS unit_name
          FROM unit_reports r
          JOIN reporting_periods per ON per.tenant_id = ${t} AND per.id = r.period_id
          JOIN cur c ON c.code = r.plan_code AND c.status = 'published'
          JOIN org_units u ON u.tenant_id = ${t} AND u.id = r.unit_id
         WHERE r.tenant_id = ${t}
           AND (${inScope(sql`r.unit_id`, scope.reportUnits)} OR ${inScope(sql`c.unit_id`, scope.reviewPlanUnits)})
           AND ${matches(reportText)}
         ORDER BY ${phraseFirst(reportText)}, per.end_date DESC, u.name LIMIT ${limit}`,
    isEmpty(scope.peopleUnits)
      ? null
      : sql`SELECT * FROM (
          SELECT DISTINCT ON (us.id) 'person' AS kind, us.id, us.full_name AS title, us.username AS code,
                 NULL AS key, g.unit_id, NULL AS status, NULL AS plan_title, u.name AS unit_name
            FROM role_grants g
            JOIN users us ON us.id = g.user_id
            JOIN org_units u ON u.tenant_id = ${t} AND u.id = g.unit_id
           WHERE g.tenant_id = ${t} AND ${inScope(sql`g.unit_id`, scope.peopleUnits)}
             AND ${matches(personText)}
           ORDER BY us.id, u.name) found
         ORDER BY title, code LIMIT ${limit}`,
  ];
  const out: FoundRow[] = [];
  for (const statement of statements) {
    if (statement) out.push(...(await queryRows<FoundRow>(db, statement)));
  }
  return out;
}
