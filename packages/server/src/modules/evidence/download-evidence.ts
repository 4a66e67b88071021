import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type EvidenceFileRow, evidenceFiles } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { actorTenants } from "../plans/plan-access.ts";
import type { EvidenceStore } from "./evidence-store.ts";

const evidenceNotFound = () => notFound("Không tìm thấy tệp minh chứng.");

/** Throws unless the actor may read the owner (a task, a unit's report) of a file. */
export type OwnerReadCheck = (
  db: Database,
  actor: Actor,
  tenantId: string,
  ownerKey: string,
) => Promise<unknown>;

/** How each kind of owner is read: the module that owns the files says (tasks, reporting). */
export interface EvidenceOwners {
  task: OwnerReadCheck;
  report: OwnerReadCheck;
  dti: OwnerReadCheck;
}

/**
 * A file is readable by whoever reads its owner: the task, or the unit's report. Other
 * refusals look like a missing file, except that a report's own 403 (a unit that is
 * not yours in a plan you read) is kept, as on the report itself.
 */
async function assertReadableOwner(
  db: Database,
  owners: EvidenceOwners,
  actor: Actor,
  row: EvidenceFileRow,
): Promise<void> {
  try {
    await owners[row.ownerType](db, actor, row.tenantId, row.ownerKey);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw row.ownerType !== "task" && error.code === "forbidden" ? error : evidenceNotFound();
  }
}

/** Tải minh chứng — a file and its bytes, for whoever reads its owner; 404 otherwise. */
export async function downloadEvidence(
  db: Database,
  store: EvidenceStore,
  owners: EvidenceOwners,
  { actor, id }: { actor: Actor; id: string },
): Promise<{ row: EvidenceFileRow; bytes: Uint8Array }> {
  const tenants = actorTenants(actor);
  if (tenants.length === 0) throw evidenceNotFound();
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(inArray(evidenceFiles.tenantId, tenants), eq(evidenceFiles.id, id)))
    .limit(1);
  if (!row) throw evidenceNotFound();
  await assertReadableOwner(db, owners, actor, row);
  const bytes = await store.get(row.storageKey);
  if (!bytes) throw notFound("Tệp minh chứng không còn trong kho lưu trữ.");
  return { row, bytes };
}
