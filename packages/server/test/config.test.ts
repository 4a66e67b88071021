import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";
import { acquireDataDirLock, DataDirLockedError } from "../src/db/lock.ts";

describe("configuration", () => {
  it("defaults to PGlite under ./data on 127.0.0.1:3000 with the demo password", () => {
    const config = readConfig({}, "/srv/dtplan");
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      database: { kind: "pglite", dataDir: "/srv/dtplan/data" },
      demoPassword: "dtplan-demo-2025",
      cookieSecure: false,
    });
  });

  it("uses PostgreSQL when DATABASE_URL is set, and reads HOST, PORT and the cookie flag", () => {
    const config = readConfig(
      {
        DATABASE_URL: "postgres://u:p@db:5432/dtplan",
        HOST: "0.0.0.0",
        PORT: "8080",
        DTPLAN_COOKIE_SECURE: "true",
      },
      "/x",
    );
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      database: { kind: "postgres", url: "postgres://u:p@db:5432/dtplan" },
      cookieSecure: true,
    });
  });

  it("keeps evidence files beside the data by default, or in an S3 bucket when one is fully configured", () => {
    expect(readConfig({}, "/srv/dtplan").evidence).toMatchObject({
      maxBytes: 20 * 1024 * 1024,
      store: { kind: "local", dir: "/srv/dtplan/data/evidence" },
    });
    const s3 = readConfig(
      {
        DTPLAN_S3_ENDPOINT: "https://s3.example.vn",
        DTPLAN_S3_BUCKET: "minh-chung",
        DTPLAN_S3_ACCESS_KEY: "AK",
        DTPLAN_S3_SECRET_KEY: "SK",
        DTPLAN_EVIDENCE_MAX_MB: "5",
      },
      "/x",
    ).evidence;
    expect(s3).toMatchObject({ maxBytes: 5 * 1024 * 1024, store: { kind: "s3", bucket: "minh-chung" } });
    expect(() => readConfig({ DTPLAN_S3_ENDPOINT: "https://s3.example.vn" })).toThrow(
      /DTPLAN_S3_BUCKET.*DTPLAN_S3_ACCESS_KEY.*DTPLAN_S3_SECRET_KEY|cần DTPLAN_S3_BUCKET/s,
    );
  });

  it("reads the backup schedule: DTPLAN_DATA_DIR/backups, daily, seven kept by default; refuses a negative interval", () => {
    expect(readConfig({}, "/srv/dtplan").backup).toEqual({
      dir: "/srv/dtplan/data/backups",
      everyHours: 24,
      keep: 7,
    });
    expect(
      readConfig(
        { DTPLAN_BACKUP_DIR: "/mnt/sao-luu", DTPLAN_BACKUP_EVERY_HOURS: "6", DTPLAN_BACKUP_KEEP: "28" },
        "/srv",
      ).backup,
    ).toEqual({ dir: "/mnt/sao-luu", everyHours: 6, keep: 28 });
    expect(() => readConfig({ DTPLAN_BACKUP_EVERY_HOURS: "-1", DTPLAN_BACKUP_KEEP: "0" })).toThrow(
      /DTPLAN_BACKUP_EVERY_HOURS[\s\S]*DTPLAN_BACKUP_KEEP/,
    );
  });

  it("refuses bad values, naming each variable", () => {
    expect(() => readConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});

describe("PGlite data directory lock", () => {
  const lockFile = (dir: string) => path.join(dir, "dtplan.lock");
  const ownStart = () => {
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  };

  it("refuses a second holder while the first is alive, and takes over a stale lock with a message", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dtplan-lock-"));
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(lockFile(dir), "utf8").split("\n")[0]).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    // A pid that cannot be running: the lock is stale.
    writeFileSync(lockFile(dir), "2147483646\n");
    const messages: string[] = [];
    const again = acquireDataDirLock(dir, { onStale: (m) => messages.push(m) });
    expect(messages).toEqual([expect.stringMatching(/khoá cũ của tiến trình pid 2147483646 .*đã được gỡ/)]);
    again.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a lock whose pid is alive but belongs to another start (pid reused, container restarted)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dtplan-lock-"));
    const messages: string[] = [];
    const onStale = (m: string) => messages.push(m);
    // Our own pid, written by an earlier process (a container's server is often pid 1 every time).
    writeFileSync(lockFile(dir), `${process.pid}\n1\n`);
    acquireDataDirLock(dir, { onStale }).release();
    // A live process of another program that happens to have the recorded pid.
    const other = spawn("sleep", ["30"]);
    try {
      const pid = other.pid as number;
      writeFileSync(lockFile(dir), `${pid}\n1\n`);
      acquireDataDirLock(dir, { onStale }).release();
      expect(messages).toHaveLength(2);
      // The same process, recorded with its real start: alive, so the lock holds.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      writeFileSync(lockFile(dir), `${pid}\n${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}\n`);
      expect(() => acquireDataDirLock(dir, { onStale })).toThrow(DataDirLockedError);
      expect(messages).toHaveLength(2);
    } finally {
      other.kill("SIGKILL");
    }
    // And a lock this very process wrote (same start) still refuses a second open.
    writeFileSync(lockFile(dir), `${process.pid}\n${ownStart()}\n`);
    expect(() => acquireDataDirLock(dir, { onStale })).toThrow(DataDirLockedError);
    rmSync(dir, { recursive: true, force: true });
  });
});
