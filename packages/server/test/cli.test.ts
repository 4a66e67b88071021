import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dtplanInProcess } from "../../cli/test/run-cli.ts";
import { REPO_ROOT } from "../src/config.ts";
import { demoDataDir } from "./demo-snapshot.ts";

const BIN = path.join(REPO_ROOT, "packages/cli/bin/dtplan.js");
const work = mkdtempSync(path.join(tmpdir(), "dtplan-cli-"));
const varsFor = (dataDir: string) => ({
  DTPLAN_DATA_DIR: dataDir,
  DATABASE_URL: "",
  PORT: "0",
  DTPLAN_WEB_DIST: work,
  DTPLAN_DEMO_PASSWORD: "dtplan-demo-2025",
});
const envFor = (dataDir: string) => ({ ...process.env, ...varsFor(dataDir) });

function dtplan(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: envFor(dataDir),
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("dtplan command line", () => {
  let server: ChildProcess | null = null;
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  it("lists serve, migrate and demo in --help", async () => {
    const result = await dtplanInProcess(["--help"]);
    expect(result.code).toBe(0);
    for (const name of ["serve", "migrate", "demo"])
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("migrates an embedded database and says so; a second run has nothing to do", async () => {
    const dataDir = path.join(work, "new");
    const first = dtplan(dataDir, "migrate");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/đã áp dụng 0001_foundation/);
    // The second run's main function in this process (a spawn costs seconds).
    const second = await dtplanInProcess(["migrate"], varsFor(dataDir));
    expect(second.stdout).toMatch(/không có gì mới/);
    // A process making a new database: more than a minute on a loaded machine.
  }, 120_000);

  it("serves with --demo, refuses a second process on the same data directory, and stops cleanly", async () => {
    // A copy of the demo seeded once per run by the same start-up (demo-snapshot.ts): the
    // seed itself is demo.test.ts's and, through `dtplan demo`, demo-interrupted.test.ts's.
    const dataDir = path.join(work, "demo");
    cpSync(await demoDataDir(inject("demoRoot")), dataDir, { recursive: true });
    server = spawn(process.execPath, [BIN, "serve", "--demo"], {
      env: envFor(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const url = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const match = /đang chạy tại (http:\/\/\S+)/.exec(output);
        if (match && /admin/.test(output)) {
          clearInterval(check);
          resolve(match[1]);
        }
      }, 50);
      server?.once("exit", (code) => {
        clearInterval(check);
        reject(new Error(`serve exited ${code}: ${output}`));
      });
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/admin\s/);
    expect(output).toContain("dtplan-demo-2025");
    const health = await fetch(`${url}/api/health`);
    expect(((await health.json()) as { database: { kind: string } }).database.kind).toBe("pglite");

    const refused = dtplan(dataDir, "migrate");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/đang được máy chủ dtplan \(pid \d+\) sử dụng/);

    const exited = new Promise<number | null>((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    server = null;
    expect(existsSync(path.join(dataDir, "dtplan.lock"))).toBe(false);
    const demo = await dtplanInProcess(["demo"], varsFor(dataDir));
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/đã có sẵn/);
    // Waits for the run's demo seed when no other file has asked for it yet.
  }, 180_000);
});
