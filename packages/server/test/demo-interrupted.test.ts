// kill -9 in the middle of `dtplan demo`: the load is one transaction, so the data
// directory holds nothing of it afterwards, the stale lock is taken over, and the
// next run loads the demo whole.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../src/config.ts";
import { closeDatabase, openDatabase } from "../src/db/database.ts";
import { evidenceFiles, orgUnits, plans, unitReports } from "../src/db/schema.ts";
import { migratedDataDir } from "./demo-snapshot.ts";

const BIN = path.join(REPO_ROOT, "packages/cli/bin/dtplan.js");
const dataDir = mkdtempSync(path.join(tmpdir(), "dtplan-demo-kill-"));
const env = {
  ...process.env,
  DTPLAN_DATA_DIR: dataDir,
  DATABASE_URL: "",
  DTPLAN_DEMO_PASSWORD: "dtplan-demo-2025",
};

async function countsIn(dir: string) {
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    const n = async (table: typeof orgUnits | typeof unitReports | typeof evidenceFiles) =>
      (await db.select({ n: count() }).from(table))[0].n;
    const published = await db.select({ n: count() }).from(plans).where(eq(plans.status, "published"));
    const files = await db.select({ key: evidenceFiles.storageKey }).from(evidenceFiles);
    return {
      units: await n(orgUnits),
      reports: await n(unitReports),
      evidence: files.length,
      evidenceOnDisk: files.filter((f) => existsSync(path.join(dataDir, "evidence", ...f.key.split("/"))))
        .length,
      published: published[0].n,
    };
  } finally {
    await closeDatabase(db);
  }
}

describe("demo load interrupted by kill -9", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("leaves nothing half-loaded, and the next run takes over the stale lock and loads it whole", async () => {
    // A migrated, empty database (a copy: `dtplan migrate` in a new directory is cli.test.ts's).
    cpSync(await migratedDataDir(inject("demoRoot")), dataDir, { recursive: true });

    const child = spawn(process.execPath, [BIN, "demo"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        // Well inside the load: the accounts and the plans are written, the reports begin.
        if (output.includes("báo cáo và minh chứng")) {
          clearInterval(check);
          resolve();
        }
      }, 20);
      child.once("exit", () => {
        clearInterval(check);
        reject(new Error(`dtplan demo ended before it was killed: ${output}`));
      });
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(output).toContain("Đang nạp dữ liệu mẫu");
    expect(output).not.toMatch(/Đã nạp dữ liệu mẫu/);
    expect(existsSync(path.join(dataDir, "dtplan.lock"))).toBe(true);

    // Nothing of the interrupted load is there (opening takes over the dead process's lock).
    expect(await countsIn(dataDir)).toMatchObject({ units: 0, reports: 0, evidence: 0, published: 0 });

    const again = spawnSync(process.execPath, [BIN, "demo"], { env, encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Đã nạp dữ liệu mẫu\./);
    const loaded = await countsIn(dataDir);
    expect(loaded.units).toBeGreaterThan(0);
    // The three pre-reform district plans, and Vĩnh Long's province plan with two commune plans.
    expect(loaded.published).toBe(6);
    expect(loaded.reports).toBeGreaterThan(0);
    expect(loaded.evidence).toBe(loaded.reports);
    expect(loaded.evidenceOnDisk).toBe(loaded.evidence);
  }, 300_000);
});
