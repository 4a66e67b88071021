import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZBackupItem, ZBackupList } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.ts";
import { readArchive } from "../src/modules/backup/archive.ts";
import { startBackupScheduler } from "../src/modules/backup/backup-dir.ts";
import { LocalDiskStore } from "../src/modules/evidence/evidence-store.ts";
import {
  buildTenant,
  buildUser,
  describeBothDatabases,
  loginAs,
  openTestDatabase,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

const backupDir = mkdtempSync(path.join(tmpdir(), "dtplan-backups-"));

describeBothDatabases(
  "backups in the administrator's screen",
  (ctx) => {
    let superadmin: SignedIn;
    let provinceAdmin: SignedIn;
    let superadminId: string;
    const dir = () => ctx.config.backup.dir;

    beforeAll(async () => {
      // Both databases' suites share the configured directory: each starts from an empty one.
      rmSync(dir(), { recursive: true, force: true });
      const tenant = await buildTenant(ctx.db);
      const root = await buildUser(ctx.db, {
        grants: [{ unit: tenant.province, role: "administrator" }],
        isSuperadmin: true,
      });
      superadminId = root.id;
      superadmin = await loginAs(ctx.app, root);
      provinceAdmin = await signInAs(ctx, tenant.province, "administrator");
    });

    it("lets a superadministrator start a backup, see it listed with its counts, and download it — both in the audit log", async () => {
      const before = ZBackupList.parse(
        (
          await ctx.app.inject({ method: "GET", url: "/api/admin/backups", headers: superadmin.headers })
        ).json(),
      );
      expect(before).toMatchObject({ dir: dir(), everyHours: 0, keep: 2, items: [] });

      const created = await ctx.app.inject({
        method: "POST",
        url: "/api/admin/backups",
        headers: superadmin.headers,
      });
      expect(created.statusCode, created.body).toBe(200);
      const item = ZBackupItem.parse(created.json());
      expect(item).toMatchObject({ complete: true, databaseKind: ctx.kind, missingEvidence: 0 });
      expect(item.name).toMatch(/^dtplan-backup-\d{8}T\d{6}Z\.tar$/);
      expect(item.rows).toBeGreaterThan(0);
      expect(item.tables).toBeGreaterThanOrEqual(27);

      const list = ZBackupList.parse(
        (
          await ctx.app.inject({ method: "GET", url: "/api/admin/backups", headers: superadmin.headers })
        ).json(),
      );
      expect(list.items).toEqual([item]);

      const download = await ctx.app.inject({
        method: "GET",
        url: `/api/admin/backups/${item.name}`,
        headers: superadmin.headers,
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-disposition"]).toBe(`attachment; filename="${item.name}"`);
      expect(download.rawPayload.length).toBe(item.bytes);
      const copy = path.join(dir(), "downloaded.copy");
      writeFileSync(copy, download.rawPayload);
      expect((await readArchive(copy)).database.kind).toBe(ctx.kind);
      rmSync(copy);

      const audit = await ctx.db
        .select({ action: auditLog.action, entityId: auditLog.entityId })
        .from(auditLog)
        .where(and(eq(auditLog.actorId, superadminId), eq(auditLog.entity, "backup")));
      expect(audit.map((a) => a.action).sort()).toEqual(["backup.create", "backup.download"]);
      expect(audit.every((a) => a.entityId === item.name)).toBe(true);
    });

    it("refuses a province's own administrator (a backup holds every province) and a name outside the directory", async () => {
      for (const [method, url] of [
        ["GET", "/api/admin/backups"],
        ["POST", "/api/admin/backups"],
        ["GET", "/api/admin/backups/dtplan-backup-20260101T000000Z.tar"],
      ] as const) {
        const response = await ctx.app.inject({ method, url, headers: provinceAdmin.headers });
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.message).toMatch(/quản trị viên toàn hệ thống/);
      }
      const traversal = await ctx.app.inject({
        method: "GET",
        url: "/api/admin/backups/..%2F..%2Fetc%2Fpasswd",
        headers: superadmin.headers,
      });
      expect(traversal.statusCode).toBe(400);
      const missing = await ctx.app.inject({
        method: "GET",
        url: "/api/admin/backups/dtplan-backup-20200101T000000Z.tar",
        headers: superadmin.headers,
      });
      expect(missing.statusCode).toBe(404);
    });
  },
  {
    config: {
      backup: { dir: mkdtempSync(path.join(backupDir, "suite-")), everyHours: 0, keep: 2 },
    },
  },
);

describe("scheduled backups", () => {
  afterAll(() => rmSync(backupDir, { recursive: true, force: true }));

  it("backs up every interval and keeps the newest DTPLAN_BACKUP_KEEP", { timeout: 180_000 }, async () => {
    const { db, close } = await openTestDatabase("pglite");
    const dir = mkdtempSync(path.join(backupDir, "scheduled-"));
    const logged: string[] = [];
    const scheduler = startBackupScheduler(
      db,
      new LocalDiskStore(path.join(dir, "evidence")),
      { dir, everyHours: 1 / 3600, keep: 2 },
      { info: (m) => logged.push(m), error: (m) => logged.push(m) },
    );
    try {
      await expect.poll(() => logged.length, { timeout: 150_000, interval: 200 }).toBeGreaterThanOrEqual(3);
    } finally {
      await scheduler?.stop();
      await close();
    }
    expect(logged.slice(0, 3).every((m) => /^Sao lưu định kỳ: dtplan-backup-.*\.tar/.test(m))).toBe(true);
    const archives = readdirSync(dir).filter((n) => n.endsWith(".tar"));
    expect(archives).toHaveLength(2);
  });
});
