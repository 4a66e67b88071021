import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PlanExtractError } from "../errors.ts";
import { extractPlanFromFile } from "./index.ts";

const DEV = path.resolve(import.meta.dirname, "../../../../../fixtures/plan-extract/dev");
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("extractPlanFromFile", () => {
  it("reads and extracts each format of a dev plan alike", async () => {
    const counts: number[] = [];
    for (const format of ["txt", "docx", "pdf"]) {
      const bytes = new Uint8Array(readFileSync(path.join(DEV, `thap-muoi-2024.${format}`)));
      const plan = await extractPlanFromFile({ bytes, fileName: `thap-muoi-2024.${format}` });
      expect(plan.schema).toBe("plan-extract/v1");
      expect(plan.title).toMatch(/Tháp Mười/);
      counts.push(plan.targets.length);
    }
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[2]).toBe(counts[1]); // .pdf reads as the .docx does
  });

  it("refuses a readable text that is not a plan with not_a_plan", async () => {
    const text =
      "Công thức nấu phở bò\n\nNguyên liệu: xương bò, bánh phở, hành, gừng, quế, hồi.\n\nCách làm: ninh xương trong 8 giờ.\n";
    const error = await extractPlanFromFile({ bytes: utf8(text), fileName: "pho.txt" }).catch((e) => e);
    expect(error).toBeInstanceOf(PlanExtractError);
    expect(error.code).toBe("not_a_plan");
    expect(error.message).toBeTruthy();
    expect(error.messageEn).toBeTruthy();
  });

  it("passes reader refusals through unchanged", async () => {
    const error = await extractPlanFromFile({ bytes: new Uint8Array(0), fileName: "x.pdf" }).catch((e) => e);
    expect(error).toBeInstanceOf(PlanExtractError);
    expect(error.code).toBe("empty_file");
  });
});
