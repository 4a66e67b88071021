import type { Command } from "../main.ts";

export const command: Command = {
  summary: "áp dụng các bản cập nhật lược đồ CSDL — apply database migrations",
  usage: [
    "Usage: dtplan migrate",
    "",
    "Applies every pending SQL migration to the configured database (DATABASE_URL, or",
    "PGlite under DTPLAN_DATA_DIR) and prints the schema version. Refuses while a",
    "dtplan server holds the PGlite data directory.",
  ].join("\n"),
  async run(argv) {
    if (argv.length) {
      process.stderr.write(`dtplan migrate: tuỳ chọn không hợp lệ ${argv.join(" ")}\n`);
      return 2;
    }
    const { closeDatabase, migrateToLatest, openDatabase, readConfig } = await import("@dtplan/server");
    const db = await openDatabase(readConfig().database);
    try {
      const { applied, status } = await migrateToLatest(db);
      for (const version of applied) process.stdout.write(`đã áp dụng ${version}\n`);
      process.stdout.write(
        `Phiên bản lược đồ: ${status.current} (mới nhất: ${status.latest})${applied.length ? "" : " — không có gì mới"}\n`,
      );
      return 0;
    } finally {
      await closeDatabase(db);
    }
  },
};
