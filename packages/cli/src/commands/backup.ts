import path from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "../main.ts";

const USAGE = [
  "Usage: dtplan backup --out FILE",
  "",
  "Writes one archive (tar) of the whole installation: the database as SQL, every",
  "evidence file from the configured store (local directory or S3), and a manifest with",
  "the schema version, row counts per table and a SHA-256 of every entry. Works while the",
  "server runs: with the embedded database it asks the running server (through",
  "DTPLAN_DATA_DIR/dtplan.sock), without one it opens the data directory itself; with",
  "DATABASE_URL it runs pg_dump on one snapshot. The file appears only when complete",
  "(it is written as FILE.partial first). Restore with `dtplan restore FILE`.",
].join("\n");

const fail = (message: string, code = 2) => {
  process.stderr.write(`dtplan backup: ${message}\n`);
  return code;
};

export const command: Command = {
  summary: "sao lưu CSDL và tệp minh chứng vào một tệp — back up everything",
  usage: USAGE,
  async run(argv) {
    let out: string | undefined;
    try {
      ({
        values: { out },
      } = parseArgs({
        args: argv,
        options: { out: { type: "string" } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      return fail(`tuỳ chọn không hợp lệ — ${(error as Error).message}\n${USAGE}`);
    }
    if (!out?.trim()) return fail(`thiếu --out FILE.\n${USAGE}`);
    const file = path.resolve(out);
    const server = await import("@dtplan/server");
    const { backupFromCommandLine } = await import("@dtplan/server/modules/backup/backup-cli.ts");
    const { BackupError } = await import("@dtplan/server/modules/backup/archive.ts");
    try {
      const { manifest, bytes, through } = await backupFromCommandLine(server.readConfig(), file);
      const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `Đã sao lưu vào ${file} (${bytes.toLocaleString("vi-VN")} byte${through ? ", qua máy chủ đang chạy" : ""}): ` +
          `${Object.keys(manifest.database.tables).length} bảng, ${rows.toLocaleString("vi-VN")} dòng, ` +
          `${manifest.evidence.files.length} tệp minh chứng; lược đồ ${manifest.database.schemaVersion}.\n`,
      );
      for (const key of manifest.evidence.missing)
        process.stderr.write(`Cảnh báo: kho minh chứng không có tệp ${key} (có trong CSDL).\n`);
      for (const key of manifest.evidence.damaged)
        process.stderr.write(`Cảnh báo: tệp minh chứng ${key} không khớp SHA-256 ghi trong CSDL.\n`);
      return 0;
    } catch (error) {
      if (error instanceof BackupError || error instanceof server.DataDirLockedError)
        return fail(error.message, 1);
      throw error;
    }
  },
};
