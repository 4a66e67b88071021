import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { AppConfig } from "./config.ts";
import { closeDatabase, type Database, openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { startBackupScheduler } from "./modules/backup/backup-dir.ts";
import { startControlSocket } from "./modules/backup/control-socket.ts";
import { writeBackup } from "./modules/backup/create-backup.ts";
import { type DemoAccount, hasAnyUnit, hasDemoAdmin, seedDemo } from "./modules/demo/seed.ts";
import { createEvidenceStore } from "./modules/evidence/evidence-store.ts";
import { startReminderScheduler } from "./modules/reminders/scheduler.ts";

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  /** `http://host:port` it listens on. */
  url: string;
  /** With `demo`: whether the demo data was loaded now, and the demo accounts. */
  demo: { loaded: boolean; accounts: DemoAccount[]; password: string } | null;
  /** Stops listening and closes the database (releasing the PGlite lock). */
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it to latest (or throws), loads the demo data into an
 * empty database when `demo` is set, and listens. Used by `dtplan serve` and by
 * browser tests (`startServer(testConfig({ webDist }), { demo: true })`).
 */
export async function startServer(
  config: AppConfig,
  { demo = false }: { demo?: boolean } = {},
): Promise<RunningServer> {
  const db = await openDatabase(config.database);
  let app: FastifyInstance | null = null;
  try {
    await migrateToLatest(db);
    let demoState: RunningServer["demo"] = null;
    if (demo) {
      // Demo data goes only into an empty database; a database holding real units is left alone.
      // seedDemo is idempotent and tops up what a demo database lacks (the demo plans).
      const result =
        (await hasAnyUnit(db)) && !(await hasDemoAdmin(db))
          ? { created: false, accounts: [] }
          : await seedDemo(db, {
              password: config.demoPassword,
              evidence: createEvidenceStore(config.evidence.store),
            });
      demoState = { loaded: result.created, accounts: result.accounts, password: config.demoPassword };
    }
    app = await buildApp(config, { db });
    const ready = app;
    const address = await ready.listen({ host: config.host, port: config.port });
    const url = address.replace("[::1]", "localhost");
    const scheduler = startReminderScheduler(db, config, ready.log);
    // `dtplan backup` cannot open an embedded database this process holds: it asks here.
    const evidence = createEvidenceStore(config.evidence.store);
    const control =
      config.database.kind === "pglite" && config.database.dataDir
        ? await startControlSocket(config.database.dataDir, (out) => writeBackup(db, evidence, out))
        : null;
    const backups = startBackupScheduler(db, evidence, config.backup, {
      info: (message) => ready.log.info(message),
      error: (message) => ready.log.error(message),
    });
    let closing: Promise<void> | null = null;
    return {
      app: ready,
      db,
      url,
      demo: demoState,
      close: () =>
        (closing ??= (async () => {
          try {
            await scheduler?.stop();
            await control?.close();
            await backups?.stop();
            await ready.close();
          } finally {
            await closeDatabase(db);
          }
        })()),
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await closeDatabase(db);
    throw error;
  }
}
