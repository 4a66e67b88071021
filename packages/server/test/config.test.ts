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
      demoPassword: "dtplan-demo",
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

  it("refuses bad values, naming each variable", () => {
    expect(() => readConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});

describe("PGlite data directory lock", () => {
  it("refuses a second holder while the first is alive, and takes over a stale lock", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dtplan-lock-"));
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, "dtplan.lock"), "utf8").trim()).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    // A pid that cannot be running: the lock is stale.
    writeFileSync(path.join(dir, "dtplan.lock"), "2147483646\n");
    const again = acquireDataDirLock(dir);
    again.release();
    rmSync(dir, { recursive: true, force: true });
  });
});
