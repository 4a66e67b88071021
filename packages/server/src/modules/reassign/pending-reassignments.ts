import type { TPendingReassignment } from "@dtplan/contracts";
import { successorsInForce } from "@dtplan/domain/org/tree.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { listTenantUnits, tenantLineage } from "../org/org.repository.ts";

/**
 * Đơn vị đã ngừng hoạt động còn công việc: each unit of the province with a last day that
 * still leads or coordinates open tasks, has unsubmitted reports of periods after it
 * closed, or holds users' grants — with the successors its lineage names.
 */
export async function pendingReassignments(
  db: Database,
  { actor, tenantId, now = new Date() }: { actor: Actor; tenantId?: string; now?: Date },
): Promise<TPendingReassignment[]> {
  const reach = await reachOf(db, actor, "org.manage");
  // One province when asked (or chosen for the session), else each the caller administers.
  const chosen = tenantId ?? actor.chosenTenantId ?? null;
  const tenants = chosen ? [chosen].filter((t) => reach.tenants.has(t)) : [...reach.tenants].sort();
  const out: TPendingReassignment[] = [];
  for (const t of tenants) out.push(...(await pendingOfTenant(db, t, reach.unitIds, now)));
  return out;
}

async function pendingOfTenant(
  db: Database,
  tenantId: string,
  unitIds: ReadonlySet<string>,
  now: Date,
): Promise<TPendingReassignment[]> {
  const today = todayIso(now);
  const rows = await queryRows<{
    unit_id: string;
    task: number;
    assignment: number;
    report: number;
    grant: number;
  }>(
    db,
    sql`WITH closed AS (
          SELECT id, valid_to FROM org_units WHERE tenant_id = ${tenantId} AND valid_to IS NOT NULL
        ), task_units AS (
          SELECT t.lead_unit_id AS unit_id FROM plan_tasks t
            JOIN plans p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
           WHERE t.tenant_id = ${tenantId} AND p.status IN ('draft', 'published') AND t.completed_at IS NULL
             AND t.lead_unit_id IN (SELECT id FROM closed)
          UNION ALL
          SELECT (c->>'unitId')::uuid FROM plan_tasks t
            JOIN plans p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
            CROSS JOIN jsonb_array_elements(t.coordinators) AS c
           WHERE t.tenant_id = ${tenantId} AND p.status IN ('draft', 'published') AND t.completed_at IS NULL
             AND c->>'unitId' IN (SELECT id::text FROM closed)
        ), counted AS (
          SELECT unit_id, count(*)::int AS task, 0 AS assignment, 0 AS report, 0 AS "grant"
            FROM task_units GROUP BY unit_id
          UNION ALL
          SELECT a.unit_id, 0, count(*)::int, 0, 0 FROM plan_target_units a
            JOIN plans p ON p.tenant_id = a.tenant_id AND p.id = a.plan_id
           WHERE a.tenant_id = ${tenantId} AND p.status IN ('draft', 'published')
             AND a.unit_id IN (SELECT id FROM closed)
           GROUP BY a.unit_id
          UNION ALL
          SELECT r.unit_id, 0, 0, count(*)::int, 0 FROM unit_reports r
            JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
            JOIN closed c ON c.id = r.unit_id
           WHERE r.tenant_id = ${tenantId} AND r.status IN ('draft', 'returned') AND rp.end_date > c.valid_to
           GROUP BY r.unit_id
          UNION ALL
          SELECT g.unit_id, 0, 0, 0, count(*)::int FROM role_grants g
           WHERE g.tenant_id = ${tenantId} AND g.unit_id IN (SELECT id FROM closed)
           GROUP BY g.unit_id
        )
        SELECT unit_id, sum(task)::int AS task, sum(assignment)::int AS assignment,
               sum(report)::int AS report, sum("grant")::int AS "grant"
          FROM counted GROUP BY unit_id`,
  );
  const mine = rows.filter((r) => unitIds.has(r.unit_id));
  if (mine.length === 0) return [];
  const [units, lineage] = await Promise.all([listTenantUnits(db, tenantId), tenantLineage(db, tenantId)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return mine
    .map((r) => {
      const unit = byId.get(r.unit_id) as OrgUnitRow;
      return {
        unit: { id: unit.id, name: unit.name, validTo: unit.validTo as string },
        successors: successorsInForce(byId, lineage, unit.id, today),
        counts: {
          task: Number(r.task),
          assignment: Number(r.assignment),
          report: Number(r.report),
          grant: Number(r.grant),
        },
      };
    })
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, "vi"));
}
