import path from "node:path";
import type { Command } from "../main.ts";

const USAGE = [
  "Usage: dtplan restore FILE",
  "",
  "Restores an archive made by `dtplan backup` (or the administrator's Backups page) into",
  "the configured database — an empty PGlite data directory (DTPLAN_DATA_DIR) or an empty",
  "PostgreSQL database (DATABASE_URL) — and its evidence files into the configured store.",
  "Refuses a target that is not empty, an archive whose checksums do not match or that is",
  "cut short, and an archive of a newer schema than this dtplan; an older one is migrated.",
  "Moving from the embedded database to PostgreSQL: `dtplan backup --out x.tar`, then",
  "`DATABASE_URL=postgres://… dtplan restore x.tar`.",
].join("\n");

export const command: Command = {
  summary: "khôi phục từ một bản sao lưu vào CSDL trống — restore a backup",
  usage: USAGE,
  async run(argv) {
    if (argv.length !== 1 || argv[0].startsWith("-")) {
      process.stderr.write(`dtplan restore: cần đúng một tệp sao lưu.\n${USAGE}\n`);
      return 2;
    }
    const file = path.resolve(argv[0]);
    const server = await import("@dtplan/server");
    const { restoreBackup } = await import("@dtplan/server/modules/backup/restore-backup.ts");
    const { BackupError } = await import("@dtplan/server/modules/backup/archive.ts");
    const config = server.readConfig();
    try {
      const { manifest, migrated } = await restoreBackup(file, config);
      const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
      const where =
        config.database.kind === "postgres"
          ? "PostgreSQL (DATABASE_URL)"
          : `PGlite ${config.database.dataDir}`;
      process.stdout.write(
        `Đã khôi phục bản sao lưu ngày ${manifest.createdAt} vào ${where}: ` +
          `${Object.keys(manifest.database.tables).length} bảng, ${rows.toLocaleString("vi-VN")} dòng, ` +
          `${manifest.evidence.files.length} tệp minh chứng; lược đồ ${manifest.database.schemaVersion}` +
          `${migrated.length ? `, đã nâng lên ${migrated[migrated.length - 1]}` : ""}.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupError || error instanceof server.DataDirLockedError) {
        process.stderr.write(`dtplan restore: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
