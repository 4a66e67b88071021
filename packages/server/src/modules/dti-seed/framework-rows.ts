import type { DtiNodeDef } from "@dtplan/domain/dti/framework.ts";
import type { DtiSubject } from "@dtplan/domain/dti/lists.ts";
import { SEEDED_FRAMEWORKS } from "@dtplan/domain/dti/seeded.ts";
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";

// The rows of a DTI framework, apart from the dti module so that province creation (org)
// can seed frameworks without depending on the module that reads them (dti → evidence →
// plans → org would be a cycle).

export async function insertFramework(
  db: Database,
  f: {
    tenantId: string;
    code: string;
    year: number;
    name: string;
    description: string;
    subject: DtiSubject;
    copiedFromId?: string | null;
    actorId: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO dti_frameworks (tenant_id, code, year, name, description, subject, copied_from_id, created_by, updated_by)
        VALUES (${f.tenantId}, ${f.code}, ${f.year}, ${f.name}, ${f.description}, ${f.subject}, ${f.copiedFromId ?? null}, ${f.actorId}, ${f.actorId})
        RETURNING id`,
  );
  if (!row) throw new Error("framework insert returned nothing");
  return row.id;
}

/** Writes a framework's tree (after deleting the old one): one statement for every node. */
export async function replaceNodes(
  db: Database,
  tenantId: string,
  frameworkId: string,
  nodes: readonly DtiNodeDef[],
): Promise<void> {
  await db.execute(
    sql`DELETE FROM dti_nodes WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId}`,
  );
  const values: SQL[] = [];
  let position = 0;
  const walk = (list: readonly DtiNodeDef[], parent: string | null) => {
    for (const n of list) {
      values.push(
        sql`(${tenantId}, ${frameworkId}, ${n.code}, ${parent}, ${position++}, ${n.kind}, ${n.name}, ${n.maxPoints ?? null}, ${n.weight ?? null}, ${n.rule.kind}, ${JSON.stringify(n.rule)}::jsonb, ${n.evidenceRequired ?? ""}, ${n.guidance ?? ""})`,
      );
      walk(n.children ?? [], n.code);
    }
  };
  walk(nodes, null);
  if (values.length === 0) return;
  await db.execute(
    sql`INSERT INTO dti_nodes (tenant_id, framework_id, code, parent_code, position, kind, name, max_points, weight, rule_kind, rule, evidence_required, guidance)
        VALUES ${sql.join(values, sql`, `)}`,
  );
}

/**
 * Writes the seeded frameworks into a province that lacks them (by code and year): when
 * the province is created, and by migration for existing ones. Never called by a read.
 */
export async function ensureDtiFrameworks(db: Database, tenantId: string): Promise<void> {
  const have = new Set(
    (
      await queryRows<{ code: string; year: number }>(
        db,
        sql`SELECT code, year FROM dti_frameworks WHERE tenant_id = ${tenantId}`,
      )
    ).map((r) => `${r.code}/${r.year}`),
  );
  for (const f of SEEDED_FRAMEWORKS) {
    if (have.has(`${f.code}/${f.year}`)) continue;
    const id = await insertFramework(db, { tenantId, ...f, actorId: null });
    await replaceNodes(db, tenantId, id, f.nodes);
  }
}
