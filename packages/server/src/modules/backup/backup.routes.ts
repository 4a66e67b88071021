import { ZBackupItem, ZBackupList, ZBackupName } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { backupOverview, openBackup, startBackup } from "./admin-backups.ts";

/**
 * Sao lưu — for superadministrators only: a backup holds every province. The list
 * reads the backup directory; starting one and downloading one are in the audit log.
 */
export async function backupRoutes(
  app: FastifyInstance,
  { db, config, evidence }: { db: Database; config: AppConfig; evidence: EvidenceStore },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
    async () => backupOverview(config.backup),
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
    async (request) => startBackup(db, evidence, { actor: requireActor(request), config: config.backup }),
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
      const { item, stream } = await openBackup(db, {
        actor: requireActor(request),
        config: config.backup,
        name: request.params.name,
      });
      return reply
        .header("content-type", "application/x-tar")
        .header("content-length", item.bytes)
        .header("content-disposition", `attachment; filename="${item.name}"`)
        .send(stream);
    },
  );
}
