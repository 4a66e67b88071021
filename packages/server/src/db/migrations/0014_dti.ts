import type { DtiNodeDef } from "@dtplan/domain/dti/framework.ts";
import { SEEDED_FRAMEWORKS } from "@dtplan/domain/dti/seeded.ts";
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

/**
 * Writes the seeded DTI frameworks into every existing province, as province creation
 * does from now on. Frozen with the migration: it writes the tables as they are at 0014,
 * not through the application's modules.
 */
export async function up(tx: Database): Promise<void> {
  const tenants = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    for (const f of SEEDED_FRAMEWORKS) {
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO dti_frameworks (tenant_id, code, year, name, description, subject)
            VALUES (${tenantId}, ${f.code}, ${f.year}, ${f.name}, ${f.description}, ${f.subject})
            ON CONFLICT (tenant_id, code, year) DO NOTHING RETURNING id`,
      );
      if (!row) continue;
      const values: SQL[] = [];
      let position = 0;
      const walk = (nodes: readonly DtiNodeDef[], parent: string | null) => {
        for (const n of nodes) {
          values.push(
            sql`(${tenantId}, ${row.id}, ${n.code}, ${parent}, ${position++}, ${n.kind}, ${n.name}, ${n.maxPoints ?? null}, ${n.weight ?? null}, ${n.rule.kind}, ${JSON.stringify(n.rule)}::jsonb, ${n.evidenceRequired ?? ""}, ${n.guidance ?? ""})`,
          );
          walk(n.children ?? [], n.code);
        }
      };
      walk(f.nodes, null);
      await tx.execute(
        sql`INSERT INTO dti_nodes (tenant_id, framework_id, code, parent_code, position, kind, name, max_points, weight, rule_kind, rule, evidence_required, guidance)
            VALUES ${sql.join(values, sql`, `)}`,
      );
    }
  }
}
