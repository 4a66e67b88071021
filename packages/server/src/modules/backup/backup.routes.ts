import { createReadStream } from "node:fs";
import path from "node:path";
import { ZBackupItem, ZBackupList, ZBackupName } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";
import { requireActor } from "../access/access.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { backupNow, listBackups, pruneBackups } from "./backup-dir.ts";

/**
 * Sao lưu — for superadministrators only: a backup holds every province. The list
 * reads the backup directory; starting one and downloading one are in the audit log.
 */
export async function backupRoutes(
  app: FastifyInstance,
  { db, config, evidence }: { db: Database; config: AppConfig; evidence: EvidenceStore },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = (actor: ReturnType<typeof requireActor>, action: string, name: string, after: object) =>
    recordAudit(db, {
      tenantId: actor.tenantId,
      actorId: actor.id,
      action,
      entity: "backup",
      entityId: name,
      after,
    });

  r.get(
    "/admin/backups",
    {
      config: { access: "superadmin" },
      schema: {
        tags: ["backup"],
        summary: "Các bản sao lưu gần đây",
        description: "Bản sao lưu trong thư mục DTPLAN_BACKUP_DIR, mới nhất trước; lịch sao lưu định kỳ.",
        response: { 200: ZBackupList },
      },
    },
    async () => ({
      dir: config.backup.dir,
      everyHours: config.backup.everyHours,
      keep: config.backup.keep,
      items: await listBackups(config.backup.dir),
    }),
  );

  r.post(
    "/admin/backups",
    {
      config: { access: "superadmin" },
      schema: {
        tags: ["backup"],
        summary: "Sao lưu ngay",
        description:
          "Sao lưu toàn bộ CSDL và tệp minh chứng vào DTPLAN_BACKUP_DIR (trong lúc máy chủ vẫn chạy); giữ DTPLAN_BACKUP_KEEP bản mới nhất.",
        response: { 200: ZBackupItem },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { name, manifest } = await backupNow(db, evidence, config.backup.dir);
      await pruneBackups(config.backup.dir, config.backup.keep);
      const item = (await listBackups(config.backup.dir)).find((b) => b.name === name);
      if (!item) throw notFound("Bản sao lưu vừa tạo đã bị xoá (DTPLAN_BACKUP_KEEP quá nhỏ?).");
      await audit(actor, "backup.create", name, {
        bytes: item.bytes,
        rows: item.rows,
        evidenceFiles: manifest.evidence.files.length,
        schemaVersion: manifest.database.schemaVersion,
      });
      return item;
    },
  );

  r.get(
    "/admin/backups/:name",
    {
      config: { access: "superadmin" },
      schema: {
        tags: ["backup"],
        summary: "Tải một bản sao lưu",
        description: "Tệp .tar khôi phục được bằng `dtplan restore`. Việc tải được ghi vào nhật ký.",
        params: ZBackupName,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = (await listBackups(config.backup.dir)).find((b) => b.name === request.params.name);
      if (!item?.complete) throw notFound("Không có bản sao lưu này.");
      // Downloading every province's data is worth a line in the audit log, though it is a read.
      await audit(actor, "backup.download", item.name, { bytes: item.bytes });
      return reply
        .header("content-type", "application/x-tar")
        .header("content-length", item.bytes)
        .header("content-disposition", `attachment; filename="${item.name}"`)
        .send(createReadStream(path.join(config.backup.dir, item.name)));
    },
  );
}
