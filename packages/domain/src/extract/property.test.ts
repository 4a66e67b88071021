// Property tests for extractPlan(): whatever text comes in — damaged plans, random
// Unicode, plan-like word salad — it returns a well-formed plan or throws
// PlanExtractError, nothing else; and its running time grows about linearly.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPillar } from "../indicators/pillars.ts";
import { PlanExtractError } from "./errors.ts";
import { extractPlan } from "./index.ts";
import { buildSyntheticTablePlan } from "./read/synthetic.ts";

const DEV = path.resolve(import.meta.dirname, "../../../../fixtures/plan-extract/dev");
const PLANS = ["ba-to-2023", "chau-thanh-2025", "thap-muoi-2024"].map((n) =>
  readFileSync(path.join(DEV, `${n}.txt`), "utf8"),
);
const LAYOUTS = path.resolve(DEV, "../dev-layouts");
/** Plans with tables: an appendix task table (pdftotext), a target table (one cell per line), attribute lines. */
const TABLE_PLANS = ["gia-lai-2026", "tay-ninh-2026-2030", "phuong-lam-vien-da-lat-2026-2030"].map((n) =>
  readFileSync(path.join(LAYOUTS, `${n}.txt`), "utf8"),
);
const FREQUENCIES = new Set(["monthly", "quarterly", "semiannual", "annual", "adhoc"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isStr = (v: unknown) => typeof v === "string";
const isStrOrNull = (v: unknown) => v === null || typeof v === "string";
const isNumOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));
const isDateOrNull = (v: unknown) => v === null || (typeof v === "string" && ISO_DATE.test(v));

/** Problems with the plan-extract/v1 shape, empty when the object is valid. */
function shapeProblems(plan: unknown): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: the point is to check an unknown shape
  const p = plan as Record<string, any>;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(p && typeof p === "object", "not an object");
  if (!p || typeof p !== "object") return problems;
  check(p.schema === "plan-extract/v1", "schema");
  for (const f of ["title", "issuer", "locality", "province", "documentNumber"]) check(isStrOrNull(p[f]), f);
  check(isDateOrNull(p.issuedDate), "issuedDate");
  check(p.period && ["start", "end", "vision"].every((f) => isNumOrNull(p.period[f])), "period");
  check(p.signer === null || (p.signer && isStr(p.signer.name)), "signer");
  for (const f of ["legalBases", "objectives", "targets", "tasks", "reporting", "units"])
    check(Array.isArray(p[f]), `${f} not an array`);
  if (problems.length) return problems;
  check(p.objectives.every(isStr), "objectives");
  check(p.units.every(isStr), "units");
  for (const l of p.legalBases)
    check(isStr(l.type) && isStrOrNull(l.number) && isDateOrNull(l.date) && isStr(l.text), "legalBasis");
  for (const t of p.targets)
    check(
      isStr(t.id) &&
        isPillar(t.pillar) &&
        isStr(t.text) &&
        isNumOrNull(t.value) &&
        isStrOrNull(t.unit) &&
        (t.comparator === null || [">=", ">", "<=", "<"].includes(t.comparator)) &&
        isNumOrNull(t.year),
      `target ${JSON.stringify(t).slice(0, 200)}`,
    );
  for (const t of p.tasks)
    check(
      isStr(t.id) &&
        isPillar(t.pillar) &&
        (t.kind === "task" || t.kind === "solution") &&
        isStr(t.text) &&
        isStrOrNull(t.lead) &&
        Array.isArray(t.coordinators) &&
        t.coordinators.every(isStr) &&
        (t.deadline === null || (isStr(t.deadline.text) && isDateOrNull(t.deadline.date))),
      `task ${JSON.stringify(t).slice(0, 200)}`,
    );
  check(p.budget && isNumOrNull(p.budget.total) && Array.isArray(p.budget.sources), "budget");
  for (const r of p.reporting) check(FREQUENCIES.has(r.frequency) && isStr(r.text), "reporting");
  return problems;
}

/** The property itself: a valid shape, or PlanExtractError — never another throw. */
function extractsOrRefuses(text: string): void {
  let plan: unknown;
  try {
    plan = extractPlan(text);
  } catch (error) {
    if (error instanceof PlanExtractError) {
      expect(["not_a_plan", "empty_file"]).toContain(error.code);
      return;
    }
    throw error;
  }
  expect(shapeProblems(plan)).toEqual([]);
}

type Mutation =
  | { op: "delete"; at: number; count: number }
  | { op: "duplicate"; at: number; count: number }
  | { op: "swap"; a: number; b: number }
  | { op: "shuffle"; at: number; count: number; seed: number }
  | { op: "inject"; at: number; text: string }
  | { op: "truncate"; fraction: number }
  | { op: "nfd" }
  | { op: "crlf" };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: position, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("duplicate" as const), at: position, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant("swap" as const), a: position, b: position }),
  fc.record({
    op: fc.constant("shuffle" as const),
    at: position,
    count: fc.integer({ min: 2, max: 30 }),
    seed: fc.nat(),
  }),
  fc.record({
    op: fc.constant("inject" as const),
    at: position,
    text: fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
    ),
  }),
  fc.record({ op: fc.constant("truncate" as const), fraction: position }),
  fc.record({ op: fc.constant("nfd" as const) }),
  fc.record({ op: fc.constant("crlf" as const) }),
);

function applyMutations(text: string, mutations: Mutation[]): string {
  let lines = text.split("\n");
  const idx = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  for (const m of mutations) {
    if (lines.length === 0) lines = [""];
    switch (m.op) {
      case "delete":
        lines.splice(idx(m.at), m.count);
        break;
      case "duplicate": {
        const i = idx(m.at);
        lines.splice(i, 0, ...lines.slice(i, i + m.count));
        break;
      }
      case "swap": {
        const a = idx(m.a);
        const b = idx(m.b);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        break;
      }
      case "shuffle": {
        const i = idx(m.at);
        const block = lines.slice(i, i + m.count);
        let s = m.seed;
        for (let k = block.length - 1; k > 0; k--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (k + 1);
          [block[k], block[j]] = [block[j], block[k]];
        }
        lines.splice(i, block.length, ...block);
        break;
      }
      case "inject": {
        const i = idx(m.at);
        const line = lines[i] ?? "";
        const cut = Math.floor(line.length / 2);
        lines[i] = line.slice(0, cut) + m.text + line.slice(cut);
        break;
      }
      case "truncate":
        lines = lines.slice(0, Math.max(1, Math.floor(m.fraction * lines.length)));
        break;
      case "nfd":
        lines = lines.map((l) => l.normalize("NFD"));
        break;
      case "crlf":
        lines = lines.map((l) => `${l}\r`);
        break;
    }
  }
  return lines.join("\n");
}

// Pieces of real plans, so random text reaches the rules' deeper branches.
const PLAN_WORDS = [
  "KẾ HOẠCH",
  "Chuyển đổi số huyện Tháp Mười năm 2024",
  "I. CĂN CỨ",
  "II. MỤC TIÊU",
  "III. NHIỆM VỤ",
  "IV. GIẢI PHÁP",
  "V. KINH PHÍ THỰC HIỆN",
  "VI. TỔ CHỨC THỰC HIỆN",
  "1.",
  "2.1.",
  "a)",
  "b)",
  "- ",
  "+ ",
  "\n",
  "\n\n",
  "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
  "Kế hoạch số 52/KH-UBND",
  "100%",
  "Ít nhất 80%",
  "trên 50%",
  "tối đa 3%",
  "đến hết năm 2025",
  "cấp huyện",
  "cấp xã",
  "hồ sơ",
  "Phòng Văn hóa và Thông tin chủ trì,",
  "phối hợp với",
  "UBND các xã, thị trấn",
  "Công an huyện",
  "Thời hạn hoàn thành: Quý I năm 2025",
  "thường xuyên",
  "30/11/2025",
  "Tổng kinh phí: 1.552.020.000 đồng",
  "định kỳ hàng quý, trước ngày 15 của tháng cuối quý",
  "báo cáo năm trước ngày 15/11",
  "CHỦ TỊCH",
  "Nguyễn Văn A",
  "Số: 1118/KH-UBND",
  "Đồng Tháp, ngày 12 tháng 01 năm 2024",
  "Chính quyền số",
  "Kinh tế số",
  "Xã hội số",
  "(",
  ")",
  ":",
  ";",
  ".",
  "…",
  "–",
  "\u0301",
  "\u00A0",
  "\t",
  "ﬁ",
  "\uFEFF",
];
const planSalad = fc.array(fc.constantFrom(...PLAN_WORDS), { maxLength: 200 }).map((w) => w.join(" "));

describe("extractPlan never fails in an unexpected way", () => {
  it("on mutated dev plans (delete/duplicate/shuffle lines, inject Unicode, truncate, NFD)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PLANS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (i, ms) => extractsOrRefuses(applyMutations(PLANS[i], ms)),
      ),
      { numRuns: 150, seed: 20240601 },
    );
  });

  it("on random strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 500 }),
          fc.string({ unit: "binary", maxLength: 500 }),
          fc.string({ unit: "grapheme-ascii", maxLength: 2000 }),
        ),
        extractsOrRefuses,
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("on plan-like word salad", () => {
    fc.assert(fc.property(planSalad, extractsOrRefuses), { numRuns: 300, seed: 11 });
  });

  it("on the edge cases by hand", () => {
    for (const text of [
      "",
      " ",
      "\n\n\n",
      "\uFEFF",
      "KẾ HOẠCH",
      "- ",
      "I.",
      "100%",
      "\u0000".repeat(100),
      "a".repeat(200_000),
    ])
      extractsOrRefuses(text);
  });
});

// Tables of every shape the extractor reads, with titles from the closed lists in any order.
const HEADERS = [
  "STT",
  "TT",
  "Nhiệm vụ",
  "Nội dung",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Thời gian thực hiện",
  "Sản phẩm đầu ra",
  "Nguồn kinh phí",
  "Ước TH năm 2025",
  "2026",
  "2030",
  "Định hướng 2035",
  "Mục tiêu theo năm",
  "Tên dự án",
  "Ghi chú",
];
const CELLS = [
  "",
  "-",
  "≥ 80",
  "≤ 0,5",
  "Top 20",
  "100",
  "I",
  "1",
  "HẠ TẦNG SỐ",
  "Sở KH&CN",
  "Quý II/2026",
  "Thường xuyên",
  "Ngân sách tỉnh",
  "Xây dựng kho dữ liệu",
  "|",
  "(",
  "Phụ lục I",
  "%",
];
const table = fc
  .tuple(
    fc.array(fc.constantFrom(...HEADERS), { minLength: 2, maxLength: 9 }),
    fc.array(fc.array(fc.constantFrom(...CELLS), { maxLength: 10 }), { maxLength: 30 }),
    fc.constantFrom(" | ", "\t", "\n", "\n\n"),
  )
  .map(([head, rows, sep]) => {
    const join = (cells: string[]) => (sep.includes("\n") ? cells.join(sep) : cells.join(sep));
    return [head, ...rows].map(join).join("\n");
  });
const planWithTable = fc
  .tuple(table, fc.boolean())
  .map(
    ([t, appendix]) =>
      `KẾ HOẠCH\nChuyển đổi số tỉnh Gia Lai năm 2026\nI. MỤC TIÊU\n${appendix ? "Tỷ lệ đạt 80%." : t}\nII. NHIỆM VỤ\n- Số hóa hồ sơ.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nNguyễn Văn An\n${appendix ? `Phụ lục I\n${t}` : ""}`,
  );

describe("tables never make extractPlan fail", () => {
  it("on random tables of every shape, in the body and in an appendix", () => {
    fc.assert(fc.property(planWithTable, extractsOrRefuses), { numRuns: 300, seed: 2026 });
  });

  it("on mutated plans with tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TABLE_PLANS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (i, ms) => extractsOrRefuses(applyMutations(TABLE_PLANS[i], ms)),
      ),
      { numRuns: 60, seed: 20260101 },
    );
  });
});

describe("a long plan of tables", () => {
  it("keeps its three tables however many rows they have", () => {
    // How the extraction's time grows with the rows is measured by `npm run bench`
    // (a ratio printed beside the medians), not asserted here: tests never time.
    for (const rows of [100, 400]) {
      const plan = extractPlan(buildSyntheticTablePlan(rows));
      expect(plan.tables?.length).toBe(3);
      expect(plan.tasks.length).toBeGreaterThanOrEqual(rows);
    }
  });
});
