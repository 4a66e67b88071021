// Damaged real files: flipped bytes, cut-offs, random names. The readers must read
// them or refuse them with PlanExtractError — never throw anything else or hang.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanExtractError } from "../errors.ts";
import { readPlanDocument } from "./read.ts";

const DEV = path.resolve(import.meta.dirname, "../../../../../fixtures/plan-extract/dev");
const FILES = ["thap-muoi-2024.txt", "thap-muoi-2024.docx", "thap-muoi-2024.pdf"].map(
  (f) => new Uint8Array(readFileSync(path.join(DEV, f))),
);
const NAMES = ["plan.txt", "plan.docx", "plan.pdf", "plan", "plan.PDF", "plan.xlsx", "a.b.docx"];

async function readsOrRefuses(bytes: Uint8Array, fileName: string): Promise<void> {
  try {
    const doc = await readPlanDocument({ bytes, fileName }, { pdfTimeoutMs: 20_000 });
    expect(typeof doc.text).toBe("string");
    expect(doc.text).toBe(doc.text.normalize("NFC"));
  } catch (error) {
    if (!(error instanceof PlanExtractError)) throw error;
  }
}

const damage = fc.record({
  file: fc.integer({ min: 0, max: FILES.length - 1 }),
  name: fc.constantFrom(...NAMES),
  flips: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
    {
      maxLength: 20,
    },
  ),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

describe("readers on damaged files", () => {
  it("read or refuse with PlanExtractError", async () => {
    await fc.assert(
      fc.asyncProperty(damage, async ({ file, name, flips, cut }) => {
        const bytes = new Uint8Array(FILES[file]);
        for (const f of flips) bytes[Math.floor(f.at * (bytes.length - 1))] = f.byte;
        const end = cut === null ? bytes.length : Math.floor(cut * bytes.length);
        await readsOrRefuses(bytes.subarray(0, end), name);
      }),
      { numRuns: 40, seed: 99 },
    );
  });

  it("refuse random bytes under any name", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), readsOrRefuses),
      { numRuns: 200, seed: 5 },
    );
  });
});
