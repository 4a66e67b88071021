import { createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { type Database, databaseKind } from "../../db/database.ts";
import { SERVER_VERSION } from "../../version.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { ARCHIVE_FORMAT, type BackupManifest, sha256, writeArchive } from "./archive.ts";
import { dumpDatabase } from "./dump-database.ts";

/**
 * Sao lưu: dumps the database (one snapshot, while the server runs), then copies every
 * evidence file the snapshot lists from the store into the archive, streaming to `out`.
 */
export async function writeBackup(
  db: Database,
  store: EvidenceStore,
  out: Writable,
): Promise<BackupManifest> {
  const snapshot = await dumpDatabase(db);
  const dump = gzipSync(Buffer.from(snapshot.sql, "utf8"));
  const missing: string[] = [];
  const damaged: string[] = [];
  async function* files() {
    for (const file of snapshot.evidence) {
      const bytes = await store.get(file.key);
      if (!bytes) {
        missing.push(file.key);
        continue;
      }
      if (sha256(bytes) !== file.sha256) damaged.push(file.key);
      yield { key: file.key, bytes };
    }
  }
  return writeArchive(out, dump, files(), (written) => ({
    format: ARCHIVE_FORMAT,
    createdAt: new Date().toISOString(),
    dtplanVersion: SERVER_VERSION,
    database: {
      kind: databaseKind(db),
      schemaVersion: snapshot.migrations[snapshot.migrations.length - 1] ?? "",
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      dump: { bytes: dump.byteLength, sha256: sha256(dump) },
    },
    evidence: { files: written, missing, damaged },
  }));
}

/**
 * Writes an archive to `file` through a temporary name beside it, flushed to disk and
 * renamed only when complete: a backup killed half-way leaves `FILE.partial`, never a
 * `FILE` that looks whole.
 */
export async function writeFileAtomically(
  file: string,
  write: (out: Writable, partial: string) => Promise<BackupManifest>,
): Promise<{ manifest: BackupManifest; bytes: number }> {
  const partial = `${file}.partial`;
  try {
    const manifest = await write(createWriteStream(partial, { flags: "w", mode: 0o600 }), partial);
    const handle = await open(partial, "r+");
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return { manifest, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export function backupToFile(db: Database, store: EvidenceStore, file: string) {
  return writeFileAtomically(file, (out) => writeBackup(db, store, out));
}
