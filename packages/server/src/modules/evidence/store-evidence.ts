import { createHash, randomUUID } from "node:crypto";
import type { AuditAction, AuditEntity } from "@dtplan/domain/audit/audit-words.ts";
import type { Database } from "../../db/database.ts";
import { type EvidenceFileRow, evidenceFiles } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import type { EvidenceStore } from "./evidence-store.ts";
import { classifyEvidence, cleanFileName } from "./file-types.ts";

/** What a stored file belongs to and how its upload is written in the audit log. */
export interface EvidenceOwner {
  type: EvidenceFileRow["ownerType"];
  key: string;
  planId: string | null;
  audit: {
    action: AuditAction;
    entity: AuditEntity;
    entityId: string;
    unitId: string | null;
    extra?: object;
  };
}

/**
 * Tệp minh chứng: accepted only on the allow-list (extension and content agree),
 * stored under a random key, then recorded with its audit line. The file is written
 * first and removed again if the row cannot be inserted, so a failure leaves neither.
 * `owner` runs inside the transaction, so the caller can lock and re-check its owner
 * (or create it) atomically with the insert.
 */
export async function storeEvidence(
  db: Database,
  store: EvidenceStore,
  {
    tenantId,
    actorId,
    file,
    owner,
  }: {
    tenantId: string;
    actorId: string;
    file: { fileName: string; bytes: Uint8Array };
    owner: (tx: Database) => Promise<EvidenceOwner>;
  },
): Promise<EvidenceFileRow> {
  const name = cleanFileName(file.fileName);
  const type = classifyEvidence(name, file.bytes);
  if (!type.ok) {
    throw new AppError("unsupported_media_type", type.reason, [{ path: "body.file", message: type.reason }]);
  }
  const storageKey = `${tenantId}/${randomUUID()}`;
  await store.put(storageKey, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      const o = await owner(tx);
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          tenantId,
          ownerType: o.type,
          ownerKey: o.key,
          planId: o.planId,
          originalName: name,
          storageKey,
          contentType: type.contentType,
          sizeBytes: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          uploadedBy: actorId,
        })
        .returning();
      await recordAudit(tx, {
        tenantId,
        actorId,
        action: o.audit.action,
        entity: o.audit.entity,
        entityId: o.audit.entityId,
        unitId: o.audit.unitId,
        after: {
          id: row.id,
          name: row.originalName,
          size: row.sizeBytes,
          sha256: row.sha256,
          ...o.audit.extra,
        },
      });
      return row;
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => {});
    throw error;
  }
}
