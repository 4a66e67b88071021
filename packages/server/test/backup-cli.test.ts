// dtplan backup and dtplan restore as an operator runs them: a backup while the server
// holds the embedded database (through its socket), restore into a new directory, and
// the refusals (a directory that is not empty, an archive cut short) with exit code 1.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dtplanInProcess } from "../../cli/test/run-cli.ts";
import { REPO_ROOT } from "../src/config.ts";
import { migratedDataDir } from "./demo-snapshot.ts";

const BIN = path.join(REPO_ROOT, "packages/cli/bin/dtplan.js");
const work = mkdtempSync(path.join(tmpdir(), "dtplan-backup-cli-"));
const varsFor = (dataDir: string) => ({
  DTPLAN_DATA_DIR: dataDir,
  DATABASE_URL: "",
  PORT: "0",
  DTPLAN_WEB_DIST: work,
  DTPLAN_BACKUP_EVERY_HOURS: "0",
});
const envFor = (dataDir: string) => ({ ...process.env, ...varsFor(dataDir) });
const dtplan = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env: envFor(dataDir), encoding: "utf8", timeout: 120_000 });
// Checks and refusals: the command's main function in this process (a spawn each cost seconds).
const inProcess = (dataDir: string, ...args: string[]) => dtplanInProcess(args, varsFor(dataDir));

describe("dtplan backup and restore on the command line", { timeout: 300_000 }, () => {
  let server: ChildProcess | null = null;
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  it("backs up through the running server, restores into an empty directory, and refuses what it must", async () => {
    // A migrated, empty database (a copy: a new directory's initdb and migrations are cli.test.ts's).
    const source = path.join(work, "source");
    cpSync(await migratedDataDir(inject("demoRoot")), source, { recursive: true });
    server = spawn(process.execPath, [BIN, "serve"], {
      env: envFor(source),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    await expect.poll(() => output, { timeout: 120_000, interval: 100 }).toMatch(/đang chạy tại/);

    const archive = path.join(work, "sao-luu.tar");
    const backup = dtplan(source, "backup", "--out", archive);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /Đã sao lưu vào .*sao-luu\.tar \([\d.]+ byte, qua máy chủ đang chạy\): \d+ bảng/,
    );
    expect(existsSync(`${archive}.partial`)).toBe(false);

    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    server = null;

    const target = path.join(work, "target");
    const restore = dtplan(target, "restore", archive);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Đã khôi phục bản sao lưu ngày .* vào PGlite .*target: \d+ bảng/);
    expect((await inProcess(target, "migrate")).stdout).toMatch(/không có gì mới/);

    const again = await inProcess(target, "restore", archive);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có cơ sở dữ liệu; chỉ khôi phục vào thư mục trống/);

    const cut = path.join(work, "cut.tar");
    const bytes = readFileSync(archive);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 2048));
    const refused = await inProcess(path.join(work, "other"), "restore", cut);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bị hỏng hoặc không đầy đủ/);

    const usage = await inProcess(source, "backup");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/thiếu --out FILE/);
  });
});
