import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dtplanInProcess } from "../../cli/test/run-cli.ts";
import { REPO_ROOT, testConfig } from "../src/config.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { demoDataDir, postgresDemoTemplate } from "./demo-snapshot.ts";

const BIN = path.join(REPO_ROOT, "packages/cli/bin/dtplan.js");
const dataDir = mkdtempSync(path.join(tmpdir(), "dtplan-report-cli-"));
const outDir = mkdtempSync(path.join(tmpdir(), "dtplan-report-out-"));
const dtplanEnv = {
  DTPLAN_DATA_DIR: dataDir,
  DATABASE_URL: "",
  PORT: "0",
  DTPLAN_WEB_DIST: dataDir,
  DTPLAN_DEMO_PASSWORD: "dtplan-demo-2025",
};
const env = { ...process.env, ...dtplanEnv };

function dtplan(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 120_000 });
}

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const report = (...extra: string[]) =>
  dtplan("report", "--plan", "chau-thanh-2025", "--period", "2025-Q2", ...extra);

describe("dtplan report", () => {
  let server: RunningServer | null = null;
  // The embedded database: a copy of the demo seeded once per run (demo-snapshot.ts), the
  // same data `dtplan demo` loads (demo-interrupted.test.ts runs that).
  beforeAll(async () => {
    cpSync(await demoDataDir(inject("demoRoot")), dataDir, { recursive: true });
  }, 16 * 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("writes the period's report as Word from the embedded database and says where", async () => {
    const out = path.join(outDir, "bao-cao.docx");
    const result = report("--format", "docx", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(out);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("HUYỆN CHÂU THÀNH");
    expect(text).toContain("quý II năm 2025");
  }, 60_000);

  // Argument errors: the command's main function in this process (a spawn each cost seconds).
  it("refuses unknown plans, periods and formats and missing arguments with exit 2", async () => {
    const out = path.join(outDir, "x.docx");
    const cases: [string[], RegExp][] = [
      [["--plan", "khong-co", "--period", "2025-Q2", "--format", "docx", "--out", out], /Không có kế hoạch/],
      [["--plan", "chau-thanh-2025", "--period", "2031-Q9", "--format", "docx", "--out", out], /kỳ báo cáo/],
      [
        ["--plan", "chau-thanh-2025", "--period", "2025-Q2", "--format", "odt", "--out", out],
        /định dạng "odt"/,
      ],
      [["--plan", "chau-thanh-2025"], /thiếu --period, --format, --out/],
    ];
    for (const [args, message] of cases) {
      const result = await dtplanInProcess(["report", ...args], dtplanEnv);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 120_000);

  it("refuses clearly while a running server holds the data directory", async () => {
    // The server `dtplan serve` starts, in this process (the command itself, its signals and
    // its clean stop are cli.test.ts's): the spawned `dtplan report` meets its lock.
    server = await startServer(testConfig({ database: { kind: "pglite", dataDir } }));
    const refused = report("--format", "docx", "--out", path.join(outDir, "refused.docx"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^dtplan report: Cơ sở dữ liệu đang được máy chủ dtplan \(pid \d+\) sử dụng/,
    );
    expect(refused.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    await server.close();
    server = null;
  }, 90_000);
});

describe("dtplan report against a PostgreSQL server (DATABASE_URL)", () => {
  const adminUrl = inject("postgresUrl");
  const name = `dtplan_cli_${Date.now()}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pgEnv = { ...dtplanEnv, DATABASE_URL: url.toString(), DTPLAN_DATA_DIR: path.join(outDir, "unused") };
  // The command's main function in this process: the embedded database's binary is run above.
  const run = (...args: string[]) => dtplanInProcess(args, pgEnv);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  // A copy of the demo seeded once per run (demo-snapshot.ts): `dtplan demo` itself is
  // demo-interrupted.test.ts's, the seed on PostgreSQL demo.test.ts's.
  beforeAll(async () => {
    const template = await postgresDemoTemplate(adminUrl, inject("postgresTemplate"), inject("demoRoot"));
    await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  }, 16 * 60_000);
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it("writes the period's workbook from the server's database", async () => {
    const out = path.join(outDir, "bao-cao-pg.xlsx");
    const result = await run(
      "report",
      "--plan",
      "chau-thanh-2025",
      "--period",
      "2025-Q2",
      "--format",
      "xlsx",
      "--out",
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(5);
  }, 180_000);
});
