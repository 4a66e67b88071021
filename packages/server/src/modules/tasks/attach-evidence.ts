import { createHash, randomUUID } from "node:crypto";
import type { Database } from "../../db/database.ts";
import { type EvidenceFileRow, evidenceFiles } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import type { Actor } from "../auth/actor.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { classifyEvidence, cleanFileName } from "../evidence/file-types.ts";
import { assertCan, type TaskContext, workingTask } from "./task-access.ts";

/**
 * Tệp minh chứng for a task: accepted only on the allow-list (extension and content
 * agree), stored under a random key, then recorded. The file is written first and
 * removed again if the row cannot be inserted, so a failure leaves neither.
 */
export async function attachEvidence(
  db: Database,
  store: EvidenceStore,
  {
    actor,
    ctx,
    file,
  }: { actor: Pick<Actor, "id">; ctx: TaskContext; file: { fileName: string; bytes: Uint8Array } },
): Promise<EvidenceFileRow> {
  assertCan(
    ctx.can.attachEvidence,
    "Chỉ cán bộ của đơn vị chủ trì, đơn vị phối hợp hoặc chuyên viên đầu mối được gửi minh chứng.",
  );
  const name = cleanFileName(file.fileName);
  const type = classifyEvidence(name, file.bytes);
  if (!type.ok) {
    throw new AppError("unsupported_media_type", type.reason, [{ path: "body.file", message: type.reason }]);
  }
  const { task, plan } = await workingTask(db, ctx);
  const storageKey = `${task.tenantId}/${randomUUID()}`;
  await store.put(storageKey, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          tenantId: task.tenantId,
          ownerType: "task",
          ownerKey: task.key,
          planId: plan.id,
          originalName: name,
          storageKey,
          contentType: type.contentType,
          sizeBytes: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          uploadedBy: actor.id,
        })
        .returning();
      await recordAudit(tx, {
        tenantId: task.tenantId,
        actorId: actor.id,
        action: "task.evidence.add",
        entity: "task",
        entityId: task.key,
        unitId: task.leadUnitId ?? plan.unitId,
        after: { id: row.id, name: row.originalName, size: row.sizeBytes, sha256: row.sha256 },
      });
      return row;
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => {});
    throw error;
  }
}
