import type { TPlanDetail, TPlanDiff } from "@dtplan/contracts";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type PlanVersionRow, planVersions, users } from "../../db/schema.ts";

function present(row: PlanVersionRow & { publisherName: string | null }, status: PlanRow["status"]) {
  return {
    version: row.version,
    status,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publisherName,
    reason: row.reason,
    diff: (row.diff as TPlanDiff | null) ?? null,
  };
}

async function versionRows(db: Database, plan: PlanRow, version?: number) {
  const rows = await db
    .select({ v: planVersions, publisherName: users.fullName })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.publishedBy))
    .where(
      and(
        eq(planVersions.tenantId, plan.tenantId),
        eq(planVersions.code, plan.code),
        version ? eq(planVersions.version, version) : undefined,
      ),
    )
    .orderBy(desc(planVersions.version));
  return rows.map((r) => ({ ...r.v, publisherName: r.publisherName }));
}

/** Published versions of a plan, newest first, each with what it changed. */
export async function listVersions(db: Database, rows: readonly PlanRow[]) {
  const status = new Map(rows.map((r) => [r.version, r.status]));
  return (await versionRows(db, rows[0])).map((v) => present(v, status.get(v.version) ?? "superseded"));
}

/** One published version exactly as it was frozen. */
export async function versionDetail(db: Database, rows: readonly PlanRow[], version: number) {
  const [row] = await versionRows(db, rows[0], version);
  if (!row) return null;
  const status = rows.find((r) => r.version === version)?.status ?? "superseded";
  return { ...present(row, status), plan: row.snapshot as TPlanDetail };
}
