import { mkdirSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { TBackupItem } from "@dtplan/contracts";
import type { BackupConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { peekManifest } from "./archive.ts";
import { backupToFile } from "./create-backup.ts";

/** dtplan-backup-20261204T203000Z.tar — sortable, one per second at most. */
export const BACKUP_NAME = /^dtplan-backup-\d{8}T\d{6}Z\.tar$/;

export function backupName(at: Date): string {
  return `dtplan-backup-${at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")}.tar`;
}

/** The backups in the directory, newest first, each described by its manifest (read without the files). */
export async function listBackups(dir: string): Promise<TBackupItem[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => BACKUP_NAME.test(n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const items = await Promise.all(
    names.map(async (name): Promise<TBackupItem> => {
      const file = path.join(dir, name);
      const [info, manifest] = await Promise.all([stat(file), peekManifest(file).catch(() => null)]);
      const tables = manifest ? Object.values(manifest.database.tables) : [];
      return {
        name,
        createdAt: manifest?.createdAt ?? info.mtime.toISOString(),
        bytes: info.size,
        complete: manifest !== null,
        schemaVersion: manifest?.database.schemaVersion ?? null,
        databaseKind: manifest?.database.kind ?? null,
        tables: tables.length,
        rows: tables.reduce((a, b) => a + b, 0),
        evidenceFiles: manifest?.evidence.files.length ?? 0,
        missingEvidence: manifest?.evidence.missing.length ?? 0,
      };
    }),
  );
  return items.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Deletes backups beyond the newest `keep`, and partial files a killed backup left over a day ago. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).sort().reverse();
  const removed = names.filter((n) => BACKUP_NAME.test(n)).slice(keep);
  const dayAgo = Date.now() - 86_400_000;
  for (const name of names.filter((n) => n.endsWith(".tar.partial"))) {
    if ((await stat(path.join(dir, name))).mtimeMs < dayAgo) removed.push(name);
  }
  for (const name of removed) await rm(path.join(dir, name), { force: true });
  return removed;
}

/** One backup into the directory now. Two within the same second share a name: the second waits. */
export async function backupNow(db: Database, store: EvidenceStore, dir: string) {
  mkdirSync(dir, { recursive: true });
  let name = backupName(new Date());
  while ((await readdir(dir)).includes(name)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    name = backupName(new Date());
  }
  const result = await backupToFile(db, store, path.join(dir, name));
  return { name, ...result };
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Sao lưu định kỳ: every `everyHours` after the newest backup in the directory (so a
 * restart does not add one), the first one `everyHours` after start-up; then keeps the
 * newest `keep`. A failure is logged and tried again at the next turn.
 */
export function startBackupScheduler(
  db: Database,
  store: EvidenceStore,
  config: BackupConfig,
  log: Logger,
): { stop(): Promise<void> } | null {
  if (config.everyHours <= 0) return null;
  const every = config.everyHours * 3_600_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = async (failed = false) => {
    const [latest] = await listBackups(config.dir).catch(() => []);
    // After a failure, try again in an hour (or at the next turn, if sooner), not at once.
    const due = failed
      ? Date.now() + Math.min(every, 3_600_000)
      : latest
        ? Date.parse(latest.createdAt) + every
        : Date.now() + every;
    if (stopped) return;
    // setTimeout holds at most ~24.8 days; a longer wait is taken in steps.
    timer = setTimeout(tick, Math.min(Math.max(due - Date.now(), 1000), 2 ** 31 - 1));
    timer.unref();
  };
  const tick = () => {
    running = (async () => {
      let failed = false;
      const [latest] = await listBackups(config.dir).catch(() => []);
      if (!latest || Date.parse(latest.createdAt) + every <= Date.now() + 1000) {
        try {
          const { name, bytes } = await backupNow(db, store, config.dir);
          const removed = await pruneBackups(config.dir, config.keep);
          log.info(`Sao lưu định kỳ: ${name} (${bytes} byte); đã xoá ${removed.length} bản cũ.`);
        } catch (error) {
          log.error(`Sao lưu định kỳ thất bại: ${(error as Error).message}`);
          failed = true;
        }
      }
      await schedule(failed);
    })();
  };
  void schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
