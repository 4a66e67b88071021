// Backup and restore across both databases: a data set with at least one row in every
// table (and text that looks like the dump's own directives) is backed up from PGlite,
// restored into a fresh PGlite data directory and into PostgreSQL 15, backed up again
// from PostgreSQL (pg_dump) and restored into PGlite — every table's rows and every
// evidence file must come back equal. Damaged, cut-short and newer archives are refused.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, type Database, databaseDriver, openDatabase, queryRows } from "../src/db/database.ts";
import { LATEST_MIGRATION } from "../src/db/migrate.ts";
import {
  budgetItems,
  calendarFeeds,
  consolidatedReports,
  notificationChannels,
  notifications,
  orgUnitLineage,
  outbox,
  planTargetLinks,
  planTargets,
  planVersions,
  reportEvents,
  reportingPeriods,
  sessions,
  targetFigures,
  taskComments,
  taskUpdates,
  unitReports,
  unitReportTasks,
  unitReportValues,
} from "../src/db/schema.ts";
import { recordAudit } from "../src/modules/audit/audit.repository.ts";
import {
  ARCHIVE_FORMAT,
  BackupError,
  type BackupManifest,
  peekManifest,
  readArchive,
  writeArchive,
} from "../src/modules/backup/archive.ts";
import { backupToFile, writeFileAtomically } from "../src/modules/backup/create-backup.ts";
import { snapshotFacts } from "../src/modules/backup/dump-database.ts";
import { restoreBackup } from "../src/modules/backup/restore-backup.ts";
import { listFrameworks } from "../src/modules/dti/dti.repository.ts";
import { ensureDtiFrameworks } from "../src/modules/dti-seed/framework-rows.ts";
import { LocalDiskStore } from "../src/modules/evidence/evidence-store.ts";
import { storeEvidence } from "../src/modules/evidence/store-evidence.ts";
import { writePlanPeriods } from "../src/modules/plans/plan-periods.ts";
import { buildPlan, buildReportingPlan, buildUser, openTestDatabase } from "./helpers.ts";

const work = mkdtempSync(path.join(tmpdir(), "dtplan-backup-"));
const dir = (name: string) => path.join(work, name);
// A line that pg_dump's own preamble holds: inside the data it must survive the restore.
const TRICKY = "Khó khăn: kinh phí 'hạn chế'\nSET transaction_timeout = 0;\n— hết —";

/** One row or more in every table, through the operations where they are cheap, inserts elsewhere. */
async function seedEveryTable(db: Database, store: LocalDiskStore) {
  const t = await buildReportingPlan(db);
  const tenantId = t.plan.tenantId;
  const user = await buildUser(db, { grants: [{ unit: t.communeA, role: "unit_reporter" }] });
  await buildPlan(db, t.communeB, user.id);
  await db.insert(orgUnitLineage).values({
    tenantId,
    predecessorId: t.communeB.id,
    successorId: t.communeA.id,
    event: "merge",
    effectiveDate: "2025-07-01",
  });
  await db.insert(planVersions).values({
    tenantId,
    code: t.plan.code,
    version: 1,
    planId: t.plan.id,
    snapshot: { targets: 2, note: TRICKY },
    publishedBy: user.id,
  });
  await db.insert(sessions).values({
    tenantId,
    userId: user.id,
    tokenHash: "h".repeat(64),
    csrfToken: "c".repeat(32),
    expiresAt: new Date("2030-01-01T00:00:00.123Z"),
  });
  await writePlanPeriods(db, t.plan);
  const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.planCode, t.plan.code));
  const task = t.tasks[0];
  const pdf = Buffer.from("%PDF-1.4\n% minh chứng\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  const evidence = await storeEvidence(db, store, {
    tenantId,
    actorId: user.id,
    file: { fileName: "Bảng số liệu.pdf", bytes: new Uint8Array(pdf) },
    owner: async () => ({
      type: "task",
      key: task.key,
      planId: t.plan.id,
      audit: { action: "task.evidence.add", entity: "plan_task", entityId: task.id, unitId: t.communeA.id },
    }),
  });
  const [report] = await db
    .insert(unitReports)
    .values({
      tenantId,
      periodId: period.id,
      planCode: t.plan.code,
      unitId: t.communeA.id,
      status: "submitted",
      difficulties: TRICKY,
      proposals: "Đề xuất\u00a0tập huấn",
      submittedAt: new Date("2025-03-13T01:02:03.456Z"),
      submittedBy: user.id,
    })
    .returning();
  const [target] = await db.select().from(planTargets).where(eq(planTargets.key, t.targetKey));
  await db.insert(unitReportTasks).values({ tenantId, reportId: report.id, taskKey: task.key, progress: 40 });
  await db.insert(unitReportValues).values({
    tenantId,
    reportId: report.id,
    targetKey: t.targetKey,
    indicatorCode: target.indicatorCode as string,
    numerator: 12.5,
    denominator: 40,
    note: null,
    evidenceFileIds: [evidence.id],
  });
  await db.insert(reportEvents).values({
    tenantId,
    reportId: report.id,
    periodId: period.id,
    unitId: t.communeA.id,
    action: "submitted",
    fromStatus: "draft",
    toStatus: "submitted",
    actorId: user.id,
  });
  await db.insert(taskUpdates).values({
    tenantId,
    taskKey: task.key,
    taskId: task.id,
    planId: t.plan.id,
    progress: 40,
    note: "Đã triển khai",
  });
  await db.insert(taskComments).values({
    tenantId,
    taskKey: task.key,
    taskId: task.id,
    planId: t.plan.id,
    kind: "direction",
    body: "Chỉ đạo: hoàn thành trước 30/9",
  });
  await db.insert(budgetItems).values({
    tenantId,
    planCode: t.plan.code,
    title: "Mua máy chủ",
    amountPlanned: 1_552_020_000.5,
  });
  await db.insert(consolidatedReports).values({
    tenantId,
    planCode: t.plan.code,
    periodKey: period.key,
    placeName: "Châu Thành",
    reportDate: "2025-04-01",
    signature: { authority: "Chủ tịch", signatory: "chairman", signerName: "Nguyễn Văn A" },
    recipients: ["UBND tỉnh", "Lưu: VT"],
  });
  await db
    .insert(notifications)
    .values({ tenantId, userId: user.id, kind: "reminder.before_due", title: "Sắp đến hạn" });
  await db.insert(outbox).values({
    tenantId,
    idempotencyKey: "k-1",
    kind: "reminder.before_due",
    toAddress: "a@example.invalid",
    subject: "Nhắc",
    body: "Nội dung",
  });
  await db
    .insert(notificationChannels)
    .values({ tenantId, userId: user.id, channel: "digest", enabled: true });
  await db.insert(calendarFeeds).values({ tenantId, userId: user.id, tokenHash: "ab".repeat(32) });
  // Cascade: the plan's target serves a target of a higher plan (here itself, for a row to compare).
  await db.insert(planTargetLinks).values({
    tenantId,
    planCode: t.plan.code,
    targetKey: t.targetKey,
    higherPlanCode: t.plan.code,
    higherTargetKey: t.targetKey,
    confirmedBy: user.id,
  });
  // The summary the report's figure rolls up to (kept by the submit in the product).
  await db.insert(targetFigures).values({
    tenantId,
    planCode: t.plan.code,
    periodId: period.id,
    targetKey: t.targetKey,
    approvedOnly: false,
    value: 42,
    reportingUnits: 1,
  });
  await recordAudit(db, {
    tenantId,
    actorId: user.id,
    action: "demo.seed",
    entity: "org_unit",
    entityId: tenantId,
    after: { note: TRICKY },
  });
  // DTI: the seeded frameworks, a round over commune A and one self-assessed criterion.
  await ensureDtiFrameworks(db, tenantId);
  const [framework] = await listFrameworks(db, tenantId);
  const [dtiRound] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO dti_rounds (tenant_id, framework_id, year, name, status, start_date, due_date)
        VALUES (${tenantId}, ${framework?.id}, 2025, ${TRICKY}, 'open', '2026-01-05', '2026-02-15') RETURNING id`,
  );
  await db.execute(
    sql`INSERT INTO dti_round_units (tenant_id, round_id, unit_id, status) VALUES (${tenantId}, ${dtiRound?.id}, ${t.communeA.id}, 'draft')`,
  );
  await db.execute(
    sql`INSERT INTO dti_entries (tenant_id, round_id, unit_id, node_code, level, explanation, evidence, self_points)
        VALUES (${tenantId}, ${dtiRound?.id}, ${t.communeA.id}, '1.1', 'a', ${TRICKY}, ${JSON.stringify([{ kind: "file", fileId: evidence.id }])}::jsonb, 12.5)`,
  );
  // A failed sign-in: counted in a table of its own, outside any province.
  await db.execute(
    sql`INSERT INTO sign_in_failures (scope, key, failures, window_started_at, last_failed_at)
        VALUES ('address', '127.0.0.1', 2, ${"2025-03-13T01:00:00.000Z"}, ${"2025-03-13T01:02:03.456Z"})`,
  );
}

/** Every table's rows as sorted JSON lines (times in UTC), for comparing two databases. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const driver = databaseDriver(db);
  const json = async (text: string): Promise<unknown> => {
    if (driver.kind === "pglite") {
      await driver.client.exec("SET TIME ZONE 'UTC'");
      return (await driver.client.query<unknown[]>(text, [], { rowMode: "array" })).rows[0]?.[0];
    }
    const client = await driver.pool.connect();
    try {
      await client.query("SET TIME ZONE 'UTC'");
      return (await client.query({ text, rowMode: "array" })).rows[0]?.[0];
    } finally {
      client.release();
    }
  };
  const { tables } = await snapshotFacts(json);
  const out: Record<string, string[]> = {};
  for (const table of Object.keys(tables)) {
    const rows = (await json(
      `SELECT coalesce(json_agg(t), '[]'::json) FROM public."${table}" t`,
    )) as object[];
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

function filesIn(store: LocalDiskStore, manifest: BackupManifest) {
  return Promise.all(
    manifest.evidence.files.map(async (f) => [f.key, Buffer.from((await store.get(f.key)) ?? [])]),
  );
}

describe("backup and restore", { timeout: 300_000 }, () => {
  let source: { db: Database; close(): Promise<void> };
  let sourceStore: LocalDiskStore;
  let expected: Record<string, string[]>;
  let postgres: { db: Database; close(): Promise<void> };
  const archive = dir("from-pglite.tar");

  beforeAll(async () => {
    source = await openTestDatabase("pglite");
    sourceStore = new LocalDiskStore(dir("evidence-source"));
    await seedEveryTable(source.db, sourceStore);
    expected = await contents(source.db);
  });

  afterAll(async () => {
    await source?.close();
    await postgres?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("has a row in every table to compare", () => {
    const empty = Object.entries(expected).filter(([, rows]) => rows.length === 0);
    expect(empty.map(([t]) => t)).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(27);
  });

  it("backs up PGlite while it is in use and restores into a fresh PGlite data directory, row for row and byte for byte", async () => {
    const { manifest, bytes } = await backupToFile(source.db, sourceStore, archive);
    expect(bytes).toBe(statSync(archive).size);
    expect(existsSync(`${archive}.partial`)).toBe(false);
    expect(manifest.database).toMatchObject({ kind: "pglite", schemaVersion: LATEST_MIGRATION });
    expect(manifest.database.tables).toEqual(
      Object.fromEntries(Object.entries(expected).map(([t, rows]) => [t, rows.length])),
    );
    expect(manifest.evidence).toMatchObject({ missing: [], damaged: [] });
    expect(manifest.evidence.files).toHaveLength(1);
    expect(await peekManifest(archive)).toEqual(manifest);
    // The source still answers normally after the dump ran on its connection.
    expect(await contents(source.db)).toEqual(expected);

    const dataDir = dir("restored-pglite");
    const store = new LocalDiskStore(dir("evidence-pglite"));
    const restored = await restoreBackup(archive, {
      database: { kind: "pglite", dataDir },
      evidence: { maxBytes: 1, store: { kind: "local", dir: store.dir } },
    });
    expect(restored.migrated).toEqual([]);
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await contents(db)).toEqual(expected);
      // Sequences came along: a new audit line does not collide with a restored one.
      await recordAudit(db, {
        tenantId: crypto.randomUUID(),
        actorId: null,
        action: "demo.seed",
        entity: "org_unit",
        entityId: "z",
      });
    } finally {
      await closeDatabase(db);
    }
    expect(await filesIn(store, manifest)).toEqual(await filesIn(sourceStore, manifest));
  });

  it("restores the same archive into PostgreSQL 15 (moving off the embedded database), then backs PostgreSQL up with pg_dump and restores that into PGlite", async () => {
    postgres = await openTestDatabase("postgres", { migrate: false });
    const url = (databaseDriver(postgres.db) as { pool: { options: { connectionString: string } } }).pool
      .options.connectionString;
    const pgStore = new LocalDiskStore(dir("evidence-postgres"));
    const { manifest } = await restoreBackup(archive, {
      database: { kind: "postgres", url },
      evidence: { maxBytes: 1, store: { kind: "local", dir: pgStore.dir } },
    });
    expect(await contents(postgres.db)).toEqual(expected);
    expect(await filesIn(pgStore, manifest)).toEqual(await filesIn(sourceStore, manifest));

    const fromPostgres = dir("from-postgres.tar");
    const second = await backupToFile(postgres.db, pgStore, fromPostgres);
    expect(second.manifest.database.kind).toBe("postgres");
    expect(second.manifest.database.tables).toEqual(manifest.database.tables);
    const dataDir = dir("restored-from-postgres");
    const store = new LocalDiskStore(dir("evidence-from-postgres"));
    await restoreBackup(fromPostgres, {
      database: { kind: "pglite", dataDir },
      evidence: { maxBytes: 1, store: { kind: "local", dir: store.dir } },
    });
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await contents(db)).toEqual(expected);
    } finally {
      await closeDatabase(db);
    }
    expect(await filesIn(store, manifest)).toEqual(await filesIn(sourceStore, manifest));

    // A database that is not empty is refused, and left as it was.
    await expect(
      restoreBackup(archive, {
        database: { kind: "postgres", url },
        evidence: { maxBytes: 1, store: { kind: "local", dir: pgStore.dir } },
      }),
    ).rejects.toThrow(/không trống.*chỉ khôi phục vào cơ sở dữ liệu trống/);
    await expect(
      restoreBackup(archive, {
        database: { kind: "pglite", dataDir },
        evidence: { maxBytes: 1, store: { kind: "local", dir: store.dir } },
      }),
    ).rejects.toThrow(/đã có cơ sở dữ liệu; chỉ khôi phục vào thư mục trống/);
  });

  it("refuses a damaged archive, one cut short, and one of a newer schema, saying why, and restores nothing", async () => {
    const target = (name: string) => ({
      database: { kind: "pglite" as const, dataDir: dir(name) },
      evidence: { maxBytes: 1, store: { kind: "local" as const, dir: dir(`${name}-evidence`) } },
    });
    const bytes = readFileSync(archive);
    const damaged = dir("damaged.tar");
    const copy = Buffer.from(bytes);
    const at = copy.indexOf("minh chứng");
    copy[at] ^= 0x20;
    writeFileSync(damaged, copy);
    await expect(restoreBackup(damaged, target("t1"))).rejects.toThrow(BackupError);
    await expect(restoreBackup(damaged, target("t1"))).rejects.toThrow(
      /bị hỏng hoặc không đầy đủ: evidence\/.* không khớp tổng kiểm SHA-256/,
    );

    const cut = dir("cut.tar");
    writeFileSync(cut, bytes);
    truncateSync(cut, Math.floor(bytes.length / 2));
    await expect(restoreBackup(cut, target("t2"))).rejects.toThrow(/bị hỏng hoặc không đầy đủ/);
    expect(await peekManifest(cut)).toBeNull();

    const manifest = await readArchive(archive);
    const newer = dir("newer.tar");
    await writeFileAtomically(newer, async (out) => {
      const dump = Buffer.alloc(0);
      const files = (async function* () {})();
      return writeArchive(out, dump, files, () => ({
        ...manifest,
        format: ARCHIVE_FORMAT,
        database: {
          ...manifest.database,
          schemaVersion: "9999_from_the_future",
          migrations: [...manifest.database.migrations, "9999_from_the_future"],
          dump: { bytes: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        },
        evidence: { files: [], missing: [], damaged: [] },
      }));
    });
    await expect(restoreBackup(newer, target("t3"))).rejects.toThrow(
      /phiên bản lược đồ mới hơn dtplan này \(9999_from_the_future/,
    );
    for (const name of ["t1", "t2", "t3"]) expect(existsSync(path.join(dir(name), "PG_VERSION"))).toBe(false);
  });

  it("refuses to back up PGlite when a text holds a line starting with \\restrict (pglite-tools would drop it), naming where", async () => {
    const { db, close } = await openTestDatabase("pglite");
    try {
      await seedEveryTable(db, new LocalDiskStore(dir("evidence-restrict")));
      await db.update(unitReports).set({ proposals: "Dòng 1\n\\restrict x\nDòng 3" });
      await expect(backupToFile(db, sourceStore, dir("restrict.tar"))).rejects.toThrow(
        /unit_reports\.proposals.*\\restrict/,
      );
      expect(existsSync(dir("restrict.tar"))).toBe(false);
    } finally {
      await close();
    }
  });

  it("never leaves a file under the final name before the archive is complete", async () => {
    const file = dir("slow.tar");
    let release: (error: Error) => void = () => {};
    let opened: () => void = () => {};
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const writing = writeFileAtomically(file, async (out) => {
      // The stream opens its file after this starts: wait for that, not for a fixed time.
      out.once("ready", () => opened());
      out.write(Buffer.alloc(4096));
      await new Promise<void>((_, reject) => {
        release = reject;
      });
      throw new Error("unreachable");
    });
    await open;
    // Mid-write (a kill -9 now would leave only this): the partial file, never FILE.
    expect(existsSync(`${file}.partial`)).toBe(true);
    expect(existsSync(file)).toBe(false);
    release(new Error("interrupted"));
    await expect(writing).rejects.toThrow("interrupted");
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });
});
