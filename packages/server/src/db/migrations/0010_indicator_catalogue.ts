import { INDICATOR_CATALOGUE } from "@dtplan/domain/indicators/catalogue.ts";
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

/**
 * Copies the national catalogue into every province that lacks codes of it, and fills
 * `search_text` of every indicator. Frozen with the migration: it writes the table as it
 * is at 0010, not through the application's modules.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const tenants = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    const rows = INDICATOR_CATALOGUE.map(
      (i) =>
        sql`(${tenantId}, ${i.code}, ${i.name}, ${i.unit}, ${i.pillar}, ${i.aggregation}, ${i.direction}, ${i.numeratorLabel ?? null}, ${i.denominatorLabel ?? null}, ${JSON.stringify(i.keywords)}::jsonb, ${JSON.stringify(i.scopeKeywords ?? [])}::jsonb, 'national')`,
    );
    await tx.execute(
      sql`INSERT INTO indicators (tenant_id, code, name, unit, pillar, aggregation, direction, numerator_label, denominator_label, keywords, scope_keywords, origin)
          VALUES ${sql.join(rows, sql`, `)}
          ON CONFLICT (tenant_id, code) DO NOTHING`,
    );
    const existing = await queryRows<{ code: string; name: string }>(
      tx,
      sql`SELECT code, name FROM indicators WHERE tenant_id = ${tenantId}`,
    );
    if (existing.length === 0) continue;
    const folded = existing.map((r) => sql`(${r.code}, ${foldVietnamese(`${r.code} ${r.name}`)})`);
    await tx.execute(
      sql`UPDATE indicators AS i SET search_text = f.search_text
            FROM (VALUES ${sql.join(folded, sql`, `)}) AS f (code, search_text)
           WHERE i.tenant_id = ${tenantId} AND i.code = f.code`,
    );
  }
}
