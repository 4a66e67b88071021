import { describe, expect, it } from "vitest";
import { evidenceFileProblem, workbookFileProblem } from "./evidence-files.ts";

const MB = 1024 * 1024;

describe("evidenceFileProblem", () => {
  it("accepts an allowed file within the size limit", () => {
    expect(evidenceFileProblem({ name: "Bien ban.PDF", size: 2 * MB }, 20 * MB)).toBeNull();
  });

  it("refuses a file over the limit before it is sent, saying both sizes", () => {
    expect(evidenceFileProblem({ name: "video.zip", size: 25 * MB }, 20 * MB)).toBe(
      "Tệp “video.zip” nặng 25 MB, quá giới hạn 20 MB cho một tệp minh chứng.",
    );
  });

  it("refuses a type the server would refuse, listing what is accepted", () => {
    const problem = evidenceFileProblem({ name: "setup.exe", size: 10 }, 20 * MB);
    expect(problem).toMatch(/^Không nhận loại tệp \.exe/);
    expect(problem).toContain(".pdf, .docx");
    expect(evidenceFileProblem({ name: "README", size: 10 }, 20 * MB)).toMatch(/không có phần mở rộng/);
  });
});

describe("workbookFileProblem", () => {
  it("accepts the .xlsx form within 5 MB and refuses another type or a larger file before it is sent", () => {
    expect(workbookFileProblem({ name: "bao-cao-quy-3.XLSX", size: MB })).toBeNull();
    expect(workbookFileProblem({ name: "bao-cao.xls", size: MB })).toMatch(/không phải tệp Excel \.xlsx/);
    expect(workbookFileProblem({ name: "bao-cao.xlsx", size: 6 * MB })).toBe(
      "Tệp “bao-cao.xlsx” nặng 6 MB, quá giới hạn 5 MB cho một tệp Excel.",
    );
    expect(workbookFileProblem({ name: "bo-chi-so.xlsx", size: 6 * MB }, 20 * MB)).toBeNull();
  });
});
