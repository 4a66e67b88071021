import type { TEvidenceFile } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import type { EvidenceFileRow } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { storeEvidence } from "../evidence/store-evidence.ts";
import { assertCan, readableTask, type TaskContext, workingTask } from "./task-access.ts";
import { presentEvidence } from "./task-history.ts";

type Upload = { fileName: string; bytes: Uint8Array };

/**
 * Gửi tệp minh chứng: a file for a task the actor reads, presented with its uploader.
 * The upload is read only once the task is known to be readable.
 */
export async function attachTaskEvidence(
  db: Database,
  store: EvidenceStore,
  { actor, taskId, readFile }: { actor: Actor; taskId: string; readFile: () => Promise<Upload> },
): Promise<TEvidenceFile> {
  const ctx = await readableTask(db, actor, taskId);
  const row = await attachEvidence(db, store, { actor, ctx, file: await readFile() });
  return presentEvidence(row, new Map([[actor.id, actor.fullName]]));
}

/** Tệp minh chứng for a task, by the people who may work on it (see `storeEvidence`). */
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
  const { task, plan } = await workingTask(db, ctx);
  return storeEvidence(db, store, {
    tenantId: task.tenantId,
    actorId: actor.id,
    file,
    owner: async () => ({
      type: "task",
      key: task.key,
      planId: plan.id,
      audit: {
        action: "task.evidence.add",
        entity: "task",
        entityId: task.key,
        unitId: task.leadUnitId ?? plan.unitId,
      },
    }),
  });
}
