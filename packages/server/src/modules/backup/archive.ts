import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { extract, pack } from "tar-stream";

/**
 * Bản sao lưu — one tar file (readable with `tar tvf`):
 *   database.sql.gz   the database as plain SQL (gzip), the same for PGlite and PostgreSQL
 *   evidence/KEY      every evidence file, under its storage key
 *   manifest.json     last: schema version, row counts per table, size and SHA-256 of
 *                     every entry — an archive without it is incomplete
 * The tar itself is not compressed (evidence files mostly are already), so the
 * manifest is found by walking the entry headers without reading the files.
 */
export const ARCHIVE_FORMAT = "dtplan-backup/1";
export const DUMP_ENTRY = "database.sql.gz";
export const MANIFEST_ENTRY = "manifest.json";
export const EVIDENCE_PREFIX = "evidence/";

export interface ArchivedFile {
  key: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  dtplanVersion: string;
  database: {
    /** Where the backup was taken from. */
    kind: "pglite" | "postgres";
    /** The last migration applied: the schema version. */
    schemaVersion: string;
    migrations: string[];
    /** Rows per table at the moment of the dump. */
    tables: Record<string, number>;
    dump: { bytes: number; sha256: string };
  };
  evidence: {
    files: ArchivedFile[];
    /** Rows whose file the store did not have, or had with other bytes than recorded. */
    missing: string[];
    damaged: string[];
  };
}

/** A backup that cannot be made or restored; the message is for the operator, in Vietnamese. */
export class BackupError extends Error {
  override name = "BackupError";
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Writes an archive: the dump, then each evidence file as `files` yields it, then the manifest. */
export async function writeArchive(
  out: Writable,
  dump: Uint8Array,
  files: AsyncIterable<{ key: string; bytes: Uint8Array }>,
  finish: (written: ArchivedFile[]) => BackupManifest,
): Promise<BackupManifest> {
  const tar = pack();
  const piped = pipeline(tar, out);
  const entry = (name: string, bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) =>
      tar.entry({ name, size: bytes.byteLength, mode: 0o600 }, Buffer.from(bytes), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  let manifest: BackupManifest;
  try {
    await entry(DUMP_ENTRY, dump);
    const written: ArchivedFile[] = [];
    for await (const file of files) {
      await entry(`${EVIDENCE_PREFIX}${file.key}`, file.bytes);
      written.push({ key: file.key, bytes: file.bytes.byteLength, sha256: sha256(file.bytes) });
    }
    manifest = finish(written);
    await entry(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)));
    tar.finalize();
  } catch (error) {
    tar.destroy(error as Error);
    await piped.catch(() => {});
    throw error;
  }
  await piped;
  return manifest;
}

const damaged = (file: string, why: string) =>
  new BackupError(`Tệp sao lưu ${file} bị hỏng hoặc không đầy đủ: ${why}. (The backup archive is corrupt.)`);

/**
 * Reads every entry of an archive, checks each against the manifest (present, same
 * size and SHA-256, nothing extra) and hands the verified entries to `onEntry` in
 * order — or throws a BackupError naming what is wrong. With `onEntry`, entries are
 * handed over as they are read; call it on an archive verified before.
 */
export async function readArchive(
  file: string,
  onEntry?: (name: string, bytes: Buffer) => Promise<void>,
): Promise<BackupManifest> {
  const seen = new Map<string, { bytes: number; sha256: string }>();
  let manifest: BackupManifest | null = null;
  const tar = extract();
  tar.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk) => {
      chunks.push(chunk as Buffer);
    });
    stream.on("error", next);
    stream.on("end", () => {
      const bytes = Buffer.concat(chunks);
      if (header.name === MANIFEST_ENTRY) {
        try {
          manifest = JSON.parse(bytes.toString("utf8")) as BackupManifest;
        } catch {
          next(damaged(file, "manifest.json không đọc được"));
          return;
        }
      } else {
        seen.set(header.name, { bytes: bytes.byteLength, sha256: sha256(bytes) });
      }
      if (!onEntry) {
        next();
        return;
      }
      onEntry(header.name, bytes).then(() => next(), next);
    });
  });
  try {
    await pipeline(createReadStream(file), tar);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupError(`Không có tệp sao lưu ${file}. (No such file.)`);
    throw damaged(file, `không đọc hết được — tệp bị cắt cụt hoặc hỏng (${(error as Error).message})`);
  }
  const m = manifest as BackupManifest | null;
  if (!m) throw damaged(file, "thiếu manifest.json — tệp bị cắt cụt hoặc việc sao lưu đã bị ngắt");
  if (m.format !== ARCHIVE_FORMAT) {
    throw new BackupError(
      `Tệp ${file} không phải bản sao lưu dtplan định dạng ${ARCHIVE_FORMAT} (là "${String(m.format)}").`,
    );
  }
  const expected = new Map<string, { bytes: number; sha256: string }>([
    [DUMP_ENTRY, m.database.dump],
    ...m.evidence.files.map((f) => [`${EVIDENCE_PREFIX}${f.key}`, f] as const),
  ]);
  for (const [name, want] of expected) {
    const got = seen.get(name);
    if (!got) throw damaged(file, `thiếu ${name}`);
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256) {
      throw damaged(file, `${name} không khớp tổng kiểm SHA-256 ghi trong manifest`);
    }
  }
  const extra = [...seen.keys()].filter((name) => !expected.has(name));
  if (extra.length) throw damaged(file, `có mục không ghi trong manifest (${extra[0]})`);
  return m;
}

/**
 * The manifest of an archive without reading its files: walks the 512-byte tar
 * headers to the manifest entry. Null when there is none (not a dtplan archive, or
 * one cut short). For listings; restoring verifies everything with `readArchive`.
 */
export async function peekManifest(file: string): Promise<BackupManifest | null> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(512);
    let offset = 0;
    while (offset + 512 <= size) {
      await handle.read(header, 0, 512, offset);
      if (header.every((b) => b === 0)) return null;
      const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
      const length = Number.parseInt(
        header.subarray(124, 136).toString("ascii").replace(/\0.*$/s, "").trim(),
        8,
      );
      if (!Number.isFinite(length) || length < 0) return null;
      if (name === MANIFEST_ENTRY) {
        if (offset + 512 + length > size) return null;
        const body = Buffer.alloc(length);
        await handle.read(body, 0, length, offset + 512);
        try {
          const manifest = JSON.parse(body.toString("utf8")) as BackupManifest;
          return manifest.format === ARCHIVE_FORMAT ? manifest : null;
        } catch {
          return null;
        }
      }
      offset += 512 + Math.ceil(length / 512) * 512;
    }
    return null;
  } finally {
    await handle.close();
  }
}
