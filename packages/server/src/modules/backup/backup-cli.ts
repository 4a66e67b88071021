import type { AppConfig } from "../../config.ts";
import { closeDatabase, openDatabase } from "../../db/database.ts";
import { migrationStatus } from "../../db/migrate.ts";
import { createEvidenceStore } from "../evidence/evidence-store.ts";
import { BackupError, readArchive } from "./archive.ts";
import { backupThroughServer } from "./control-socket.ts";
import { writeBackup, writeFileAtomically } from "./create-backup.ts";

/**
 * `dtplan backup`: through the running server when it holds the embedded database,
 * otherwise straight from the database. The archive is read back and verified before
 * it gets its name.
 */
export async function backupFromCommandLine(config: AppConfig, file: string) {
  let through = false;
  const result = await writeFileAtomically(file, async (out, partial) => {
    const dataDir = config.database.kind === "pglite" ? config.database.dataDir : null;
    through = dataDir ? await backupThroughServer(dataDir, out) : false;
    if (!through) {
      const db = await openDatabase(config.database);
      try {
        const status = await migrationStatus(db);
        if (!status.current)
          throw new BackupError("Cơ sở dữ liệu trống (chưa có lược đồ): không có gì để sao lưu.");
        await writeBackup(db, createEvidenceStore(config.evidence.store), out);
      } finally {
        await closeDatabase(db);
      }
    }
    return readArchive(partial);
  });
  return { ...result, through };
}
