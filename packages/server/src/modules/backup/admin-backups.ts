import { createReadStream, type ReadStream } from "node:fs";
import path from "node:path";
import type { TBackupItem, TBackupList } from "@dtplan/contracts";
import type { AuditAction } from "@dtplan/domain/audit/audit-words.ts";
import type { BackupConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { backupNow, listBackups, pruneBackups } from "./backup-dir.ts";

const audit = (db: Database, actor: Actor, action: AuditAction, name: string, after: object) =>
  recordAudit(db, {
    tenantId: actor.tenantId,
    actorId: actor.id,
    action,
    entity: "backup",
    entityId: name,
    after,
  });

/** Các bản sao lưu gần đây and the schedule. */
export async function backupOverview(config: BackupConfig): Promise<TBackupList> {
  return {
    dir: config.dir,
    everyHours: config.everyHours,
    keep: config.keep,
    items: await listBackups(config.dir),
  };
}

/** Sao lưu ngay: one backup while the server runs, the oldest pruned, the act in the audit log. */
export async function startBackup(
  db: Database,
  evidence: EvidenceStore,
  { actor, config }: { actor: Actor; config: BackupConfig },
): Promise<TBackupItem> {
  const { name, manifest } = await backupNow(db, evidence, config.dir);
  await pruneBackups(config.dir, config.keep);
  const item = (await listBackups(config.dir)).find((b) => b.name === name);
  if (!item) throw notFound("Bản sao lưu vừa tạo đã bị xoá (DTPLAN_BACKUP_KEEP quá nhỏ?).");
  await audit(db, actor, "backup.create", name, {
    bytes: item.bytes,
    rows: item.rows,
    evidenceFiles: manifest.evidence.files.length,
    schemaVersion: manifest.database.schemaVersion,
  });
  return item;
}

/** Tải một bản sao lưu: a complete backup's bytes; the download is in the audit log. */
export async function openBackup(
  db: Database,
  { actor, config, name }: { actor: Actor; config: BackupConfig; name: string },
): Promise<{ item: TBackupItem; stream: ReadStream }> {
  const item = (await listBackups(config.dir)).find((b) => b.name === name);
  if (!item?.complete) throw notFound("Không có bản sao lưu này.");
  // Downloading every province's data is worth a line in the audit log, though it is a read.
  await audit(db, actor, "backup.download", item.name, { bytes: item.bytes });
  return { item, stream: createReadStream(path.join(config.dir, item.name)) };
}
