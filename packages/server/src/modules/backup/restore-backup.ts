import { existsSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { AppConfig } from "../../config.ts";
import { closeDatabase, type Database, databaseDriver, openDatabase } from "../../db/database.ts";
import { LATEST_MIGRATION, MIGRATIONS, migrateToLatest } from "../../db/migrate.ts";
import { createEvidenceStore } from "../evidence/evidence-store.ts";
import { BackupError, type BackupManifest, DUMP_ENTRY, EVIDENCE_PREFIX, readArchive } from "./archive.ts";
import { snapshotFacts } from "./dump-database.ts";

/**
 * A dump made by a newer PostgreSQL (PGlite is 18) sets parameters an older server
 * does not know (`transaction_timeout` on 15), and pg_dump ≥ 15.14 wraps its output in
 * psql's `\restrict` … `\unrestrict`: both are dropped, only in the dump's preamble
 * and its last line, never inside the data (a report's text could hold such a line).
 */
export function portableDump(sql: string, knownSettings: ReadonlySet<string>): string {
  const lines = sql.split("\n");
  const firstStatement = lines.findIndex((l) => l.startsWith("CREATE ") || l.startsWith("INSERT "));
  const preambleEnd = firstStatement < 0 ? lines.length : firstStatement;
  for (let i = 0; i < preambleEnd; i++) {
    const set = /^SET (\w+) = .*;$/.exec(lines[i]);
    if ((set && !knownSettings.has(set[1].toLowerCase())) || /^\\restrict \S+$/.test(lines[i])) lines[i] = "";
  }
  for (let i = lines.length - 1; i >= preambleEnd; i--) {
    if (/^\\unrestrict \S+$/.test(lines[i])) {
      lines[i] = "";
      break;
    }
    if (lines[i].trim() !== "" && !lines[i].startsWith("--")) break;
  }
  return lines.join("\n");
}

/** Runs SQL inside one transaction on the target: `exec` many statements, `json` the first cell. */
interface Target {
  exec(text: string): Promise<void>;
  json(text: string): Promise<unknown>;
}

async function inTransaction<T>(db: Database, fn: (target: Target) => Promise<T>): Promise<T> {
  const driver = databaseDriver(db);
  if (driver.kind === "pglite") {
    const result = await driver.client.transaction(async (tx) =>
      fn({
        exec: async (text) => {
          await tx.exec(text);
        },
        json: async (text) => (await tx.query<unknown[]>(text, [], { rowMode: "array" })).rows[0]?.[0],
      }),
    );
    // The dump emptied search_path for its session: give the connection its defaults back.
    await driver.client.exec("RESET ALL");
    return result;
  }
  const client = await driver.pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn({
      exec: async (text) => {
        await client.query(text);
      },
      json: async (text) => (await client.query({ text, rowMode: "array" })).rows[0]?.[0],
    });
    await client.query("COMMIT");
    await client.query("RESET ALL");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function checkSchema(manifest: BackupManifest): void {
  const known = new Set<string>(MIGRATIONS);
  const unknown = manifest.database.migrations.filter((m) => !known.has(m));
  if (unknown.length || !known.has(manifest.database.schemaVersion)) {
    throw new BackupError(
      `Bản sao lưu có phiên bản lược đồ mới hơn dtplan này (${manifest.database.schemaVersion}; dtplan này biết tới ${LATEST_MIGRATION}). ` +
        `Hãy cài dtplan ${manifest.dtplanVersion} hoặc mới hơn rồi khôi phục. (The backup's schema is newer than this dtplan.)`,
    );
  }
}

async function assertEmpty(db: Database, where: string): Promise<void> {
  const tables = (await inTransaction(db, (t) =>
    t.json(
      "SELECT coalesce(json_agg(c.relname ORDER BY c.relname), '[]'::json) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')",
    ),
  )) as string[];
  if (tables.length) {
    throw new BackupError(
      `${where} không trống (đã có ${tables.slice(0, 3).join(", ")}${tables.length > 3 ? "…" : ""}); chỉ khôi phục vào cơ sở dữ liệu trống. (The target database is not empty.)`,
    );
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations applied after the restore (a backup of an older dtplan). */
  migrated: string[];
}

/**
 * Khôi phục: into an empty PGlite data directory or an empty PostgreSQL database.
 * The archive is verified whole first (every checksum, the manifest present) and its
 * schema must not be newer than this dtplan; then the evidence files go into the
 * configured store, and the database is loaded in one transaction that also checks
 * every table's row count against the manifest — a failure leaves the database empty.
 * A backup of an older schema is then migrated to the latest.
 */
export async function restoreBackup(
  file: string,
  target: Pick<AppConfig, "database" | "evidence">,
): Promise<RestoreResult> {
  const manifest = await readArchive(file);
  checkSchema(manifest);
  const where =
    target.database.kind === "pglite"
      ? `Thư mục dữ liệu ${target.database.dataDir ?? "(trong bộ nhớ)"}`
      : "Cơ sở dữ liệu PostgreSQL (DATABASE_URL)";
  if (
    target.database.kind === "pglite" &&
    target.database.dataDir &&
    existsSync(path.join(target.database.dataDir, "PG_VERSION"))
  ) {
    throw new BackupError(
      `${where} đã có cơ sở dữ liệu; chỉ khôi phục vào thư mục trống (đặt DTPLAN_DATA_DIR khác). (The data directory is not empty.)`,
    );
  }
  const db = await openDatabase(target.database);
  try {
    await assertEmpty(db, where);
    const store = createEvidenceStore(target.evidence.store);
    let dump = "";
    await readArchive(file, async (name, bytes) => {
      if (name === DUMP_ENTRY) dump = gunzipSync(bytes).toString("utf8");
      else if (name.startsWith(EVIDENCE_PREFIX)) await store.put(name.slice(EVIDENCE_PREFIX.length), bytes);
    });
    await inTransaction(db, async (t) => {
      const settings = (await t.json("SELECT json_agg(lower(name)) FROM pg_settings")) as string[];
      await t.exec(portableDump(dump, new Set(settings)));
      const { tables } = await snapshotFacts(t.json);
      for (const [table, rows] of Object.entries(manifest.database.tables)) {
        if (tables[table] !== rows) {
          throw new BackupError(
            `Khôi phục không khớp: bảng ${table} có ${tables[table] ?? 0} dòng, bản sao lưu ghi ${rows}. Đã huỷ, cơ sở dữ liệu vẫn trống.`,
          );
        }
      }
    });
    const { applied } = await migrateToLatest(db);
    return { manifest, migrated: applied };
  } finally {
    await closeDatabase(db);
  }
}
