import { describe, expect, it } from "vitest";
import { EXTRACTION_PARTS, REVIEW_SENTENCES, reviewMessageIn } from "./review-words.ts";

describe("review messages in the reader's language", () => {
  it("reads every Vietnamese sentence back into its English, values and names carried over", () => {
    for (const sentence of Object.values(REVIEW_SENTENCES)) {
      const values = ["12", "40"].slice(0, sentence.vi.length);
      const vi = (sentence.vi as (...p: string[]) => string)(...values);
      const en = (sentence.en as (...p: string[]) => string)(...values);
      if (sentence === REVIEW_SENTENCES.partFailed) continue;
      expect(reviewMessageIn(vi, "en")).toBe(en);
      expect(reviewMessageIn(vi, "vi")).toBe(vi);
    }
    const task = REVIEW_SENTENCES.taskWithoutLead.vi('Triển khai "Bình dân học vụ số" cho người dân');
    expect(reviewMessageIn(task, "en")).toBe(
      'The task "Triển khai "Bình dân học vụ số" cho người dân" has no lead unit (choose a unit, or mark it "no lead unit").',
    );
  });

  it("names the part of the plan a failed rule read, and leaves unknown text as it is", () => {
    expect(reviewMessageIn(REVIEW_SENTENCES.partFailed.vi(EXTRACTION_PARTS.budget.vi), "en")).toBe(
      "Reading the budget failed; that part may be incomplete.",
    );
    expect(reviewMessageIn("Một cảnh báo khác", "en")).toBe("Một cảnh báo khác");
  });
});
