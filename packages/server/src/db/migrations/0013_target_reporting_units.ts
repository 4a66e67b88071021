import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

/**
 * Fills the reporting units of every existing target from the rule that decided them
 * until 0013: the units (lead or coordinating) of the plan's tasks in the target's
 * pillar. Frozen with the migration: it reads and writes the tables as they are at 0013.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const tenants = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    await tx.execute(
      sql`INSERT INTO plan_target_units (tenant_id, plan_id, target_key, unit_id)
          SELECT DISTINCT t.tenant_id, t.plan_id, t.key, u.id
            FROM plan_targets t
            JOIN plan_tasks k ON k.tenant_id = t.tenant_id AND k.plan_id = t.plan_id AND k.pillar = t.pillar
            CROSS JOIN LATERAL (
              SELECT k.lead_unit_id::text AS unit_id
              UNION
              SELECT c ->> 'unitId' FROM jsonb_array_elements(k.coordinators) AS c
            ) AS ku
            JOIN org_units u ON u.tenant_id = t.tenant_id AND u.id::text = ku.unit_id
           WHERE t.tenant_id = ${tenantId} AND k.tenant_id = ${tenantId} AND u.tenant_id = ${tenantId}
          ON CONFLICT DO NOTHING`,
    );
  }
}
