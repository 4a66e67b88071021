// Generalisation: the extractor on synthetic plans shaped like real ones from other
// localities (commune plan after the 2025 reorganisation, a province plan in PHẦN/1.1
// layout with a vision year, task tables as PDF text with one cell per line or joined with
// " | " / tabs). Each fixture has a hand-written gold file; the shared scorer compares.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { closePdfWorker, readPlanDocument } from "./read/index.ts";

/** The .txt of the dev-layouts (pdftotext prints a table column after column) holds the same bar. */
const TXT_FLOOR = 95;

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, "fixtures");
const planExtract = path.resolve(here, "../../../../fixtures/plan-extract");
const scorer = path.join(planExtract, "score.mjs");
const tmpDirs: string[] = [];

type Format = "txt" | "docx" | "pdf";

/** Writes NAME.json predictions for every NAME.gold.json + NAME.<format> in `dir`. */
async function predict(dir: string, format: Format): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "dtplan-gen-"));
  tmpDirs.push(out);
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(".gold.json")) continue;
    const name = f.slice(0, -".gold.json".length);
    const file = path.join(dir, `${name}.${format}`);
    if (!fs.existsSync(file)) continue;
    const text =
      format === "txt"
        ? fs.readFileSync(file, "utf8")
        : (await readPlanDocument({ bytes: new Uint8Array(fs.readFileSync(file)), fileName: file })).text;
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(extractPlan(text)));
  }
  return out;
}

/** Runs the shared scorer on predictions; returns per-document and overall scores. */
async function score(
  dir: string,
  format: Format = "txt",
): Promise<{ docs: Record<string, number>; overall: number; report: string }> {
  const pred = await predict(dir, format);
  const report = execFileSync(process.execPath, [scorer, "--pred", pred, "--dir", dir, "--verbose"], {
    encoding: "utf8",
  });
  const docs: Record<string, number> = {};
  let current = "";
  for (const line of report.split("\n")) {
    const head = /^== (\S+)/u.exec(line);
    if (head) current = head[1];
    const ov = /^overall\s+([\d.]+)/u.exec(line);
    if (ov && current) docs[current] = Number(ov[1]);
  }
  const last = /overall\s+([\d.]+)\s*$/u.exec(report.trim());
  return { docs, overall: last ? Number(last[1]) : 0, report };
}

afterAll(async () => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  await closePdfWorker();
});

describe("generalisation to plans of other shapes", async () => {
  const s = await score(fixtures);

  it("scores at least 90 overall on the synthetic set", () => {
    expect(s.overall, s.report).toBeGreaterThanOrEqual(90);
  });

  it("scores every synthetic plan at least 80", () => {
    expect(Object.keys(s.docs).length).toBeGreaterThanOrEqual(4);
    for (const [name, v] of Object.entries(s.docs))
      expect(v, `${name}\n${s.report}`).toBeGreaterThanOrEqual(80);
  });
});

describe("the dev set stays where it was", () => {
  it("scores at least 99 on the dev plans (.txt)", async () => {
    const s = await score(path.join(planExtract, "dev"));
    expect(s.overall, s.report).toBeGreaterThanOrEqual(99);
  });
});

// The post-2025 layouts: task tables in an appendix, target tables, attribute lines.
describe("the dev-layouts plans (tables, attribute lines)", () => {
  const dir = path.join(planExtract, "dev-layouts");
  for (const [format, floor] of [
    ["txt", TXT_FLOOR],
    ["docx", 95],
    ["pdf", 95],
  ] as const)
    it(`scores at least ${floor} on the .${format} files`, async () => {
      const s = await score(dir, format);
      expect(s.overall, s.report).toBeGreaterThanOrEqual(floor);
    }, 60_000);
});
