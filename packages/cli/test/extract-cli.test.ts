// `dtplan extract` and `dtplan bench` as the scorer and users run them: the binary is
// spawned where the test is about the binary (the scorer's argument order, a refusal's
// clean stderr, the bench); the other cases call its main function in this process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dtplanInProcess, ROOT, type Run, spawnDtplan } from "./run-cli.ts";

const DEV = path.resolve(ROOT, "fixtures/plan-extract/dev");
const tmp = mkdtempSync(path.join(os.tmpdir(), "dtplan-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dtplan = (...args: string[]) => dtplanInProcess(args);
const spawned = (...args: string[]) => spawnDtplan(args);

/** A refusal: one clear Vietnamese line (plus the English), no stack trace. */
function expectCleanError(run: Run, code = 2) {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/\n\s+at\s|\.ts:\d+|Error:/);
  expect(run.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
  expect(run.stderr).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu);
}

describe("dtplan extract --json", () => {
  for (const format of ["txt", "docx", "pdf"]) {
    it(`prints plan-extract/v1 JSON for a .${format} plan`, async () => {
      const run = await dtplan("extract", path.join(DEV, `thap-muoi-2024.${format}`), "--json");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const plan = JSON.parse(run.stdout);
      expect(plan.schema).toBe("plan-extract/v1");
      expect(plan.targets.length).toBeGreaterThan(5);
      expect(plan.tasks.length).toBeGreaterThan(5);
      expect(plan.period.end).toBe(2024);
    });
  }

  it("accepts --json before the file, as the scorer passes it", async () => {
    const run = await spawned("extract", "--json", path.join(DEV, "ba-to-2023.txt"));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).schema).toBe("plan-extract/v1");
  });
});

describe("dtplan extract (summary)", () => {
  it("prints a Vietnamese summary whose counts match the JSON", async () => {
    const file = path.join(DEV, "chau-thanh-2025.docx");
    const [summary, json] = await Promise.all([dtplan("extract", file), dtplan("extract", file, "--json")]);
    expect(summary.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(summary.stdout).toContain(`Chỉ tiêu: ${plan.targets.length}`);
    expect(summary.stdout).toMatch(new RegExp(`Nhiệm vụ: ${plan.tasks.length}\\b`));
    expect(summary.stdout).toContain(`Căn cứ pháp lý: ${plan.legalBases.length}`);
    expect(summary.stdout).toContain("Chưa có đơn vị chủ trì:");
    expect(summary.stdout).toContain("Chưa có thời hạn:");
    expect(summary.stdout).toContain("Chế độ báo cáo:");
    expect(summary.stdout).toContain("Cảnh báo");
    if (plan.budget.total != null)
      expect(summary.stdout).toContain(
        `${plan.budget.total.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`,
      );
  });
});

describe("dtplan extract on bad input", () => {
  it("refuses a PNG named .pdf with exit 2 and one Vietnamese line", async () => {
    const file = path.join(tmp, "ke-hoach.pdf");
    writeFileSync(
      file,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(100).fill(0)]),
    );
    const run = await spawned("extract", file, "--json");
    expectCleanError(run);
    expect(run.stderr).toContain("PNG");
    expect(run.stderr).toContain("format_mismatch");
  });

  it("refuses binary garbage named .txt", async () => {
    const file = path.join(tmp, "rac.txt");
    writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)));
    expectCleanError(await dtplan("extract", file));
  });

  it("refuses an empty file", async () => {
    const file = path.join(tmp, "rong.docx");
    writeFileSync(file, "");
    const run = await dtplan("extract", file, "--json");
    expectCleanError(run);
    expect(run.stderr).toContain("rỗng");
  });

  it("refuses a text that is not a plan", async () => {
    const file = path.join(tmp, "cong-thuc.txt");
    writeFileSync(
      file,
      "Công thức nấu phở bò\n\nNguyên liệu: xương bò, bánh phở, hành, gừng, quế, hồi.\n".repeat(5),
    );
    const run = await dtplan("extract", file, "--json");
    expectCleanError(run);
    expect(run.stderr).toContain("not_a_plan");
  });

  it("reports a missing file clearly", async () => {
    const run = await dtplan("extract", path.join(tmp, "khong-co.pdf"));
    expectCleanError(run);
    expect(run.stderr).toContain("Không tìm thấy tệp");
  });

  it("refuses a file over --max-mb before reading it", async () => {
    const run = await dtplan("extract", path.join(DEV, "ba-to-2023.pdf"), "--max-mb", "0.01");
    expectCleanError(run);
    expect(run.stderr).toContain("file_too_large");
  });

  it("explains its usage when the file is missing from the command line", async () => {
    const run = await dtplan("extract", "--json");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("thiếu tên tệp");
  });
});

describe("dtplan bench", () => {
  // One run: the bench extracts every dev plan in every format before it times the API,
  // and a second spawn only for the extraction half cost as much again.
  it("prints the machine, a table per plan and format, the synthetic throughput and growth, then times the API on the demo data", async () => {
    const run = await spawnDtplan(["bench", "--runs", "1", "--synthetic-mb", "0.05"], process.env, 290_000);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/machine: .+, \d+ cores/);
    expect(run.stdout).toMatch(/thap-muoi-2024\s+pdf\s+\d+/);
    expect(run.stdout).toContain("MB/s");
    expect(run.stdout).toMatch(/tables of 100 → 400 rows\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d/);
    expect(run.stdout).toMatch(/peak RSS after extraction: \d+ MB/);
    for (const what of [
      "consolidated report .docx",
      "consolidated report .pdf",
      "leader dashboard",
      "province view",
      "public plan page",
    ])
      expect(run.stdout).toMatch(new RegExp(`${what.replace(".", "\\.")}\\s+\\d+\\s+1\\s+\\d+\\.\\d`));
  }, 300_000);

  it("says what it measures without running when asked for help", async () => {
    const run = await dtplan("bench", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--no-reports");
  });
});
