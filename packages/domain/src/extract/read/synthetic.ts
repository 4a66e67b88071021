// A large but plan-shaped text for benchmarks and the linearity test: the preamble
// of one plan, then the numbered sections (targets, tasks, budget …) of the dev
// plans repeated with their Roman numerals continued, then one closing section.

import { roman } from "../../text/roman.ts";

const ROMAN_HEADING = /^[ \t]*([IVXLC]+)\.[ \t]+(?=\S)/gmu;

interface Split {
  preamble: string;
  sections: string[];
}

function splitSections(text: string): Split {
  const starts = [...text.matchAll(ROMAN_HEADING)].map((m) => m.index ?? 0);
  if (!starts.length) return { preamble: text, sections: [] };
  const sections = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
  return { preamble: text.slice(0, starts[0]), sections };
}

/**
 * Builds a plan of at least `minChars` characters from `plans` (texts of real plans).
 * The first plan's preamble opens it and its last section (organisation, signature)
 * closes it; every other section is repeated in turn, renumbered I, II, III …
 */
export function buildSyntheticPlan(plans: string[], minChars: number): string {
  const splits = plans.map(splitSections).filter((s) => s.sections.length > 1);
  if (!splits.length) throw new Error("buildSyntheticPlan: no plan with numbered sections");
  const body = splits.flatMap((s) => s.sections.slice(0, -1));
  const closing = splits[0].sections[splits[0].sections.length - 1];
  const parts = [splits[0].preamble];
  let length = parts[0].length + closing.length;
  let n = 0;
  while (length < minChars) {
    const section = body[n % body.length];
    n++;
    const renumbered = section.replace(/^([ \t]*)[IVXLC]+\./u, `$1${roman(n)}.`);
    parts.push(renumbered);
    length += renumbered.length;
  }
  parts.push(closing.replace(/^([ \t]*)[IVXLC]+\./u, `$1${roman(n + 1)}.`));
  return parts.join("");
}

/**
 * A plan whose body is tables of `rows` rows each: a target table one cell per line,
 * a task table in " | " rows, and an appendix as pdftotext dumps a table column by
 * column — the three shapes whose cost must grow linearly with their length.
 */
export function buildSyntheticTablePlan(rows: number): string {
  const joined = Array.from(
    { length: rows },
    (_, k) => `${k + 1} | Nhiệm vụ số ${k + 1} về dữ liệu | Sở Tư pháp | Sở Y tế; Công an tỉnh | Quý II/2026`,
  );
  const stacked = Array.from({ length: rows }, (_, k) => [
    `${k + 1}`,
    `Tỷ lệ thứ ${k + 1} đạt chuẩn`,
    "≥ 80",
    "90",
    "%",
  ]);
  const dumpTasks = Array.from({ length: rows }, (_, k) => `Triển khai việc thứ ${k + 1}.`);
  const dumpCells = Array.from({ length: rows }, () => "Sản phẩm\n\nSở KH&CN\n\nQuý I/2026");
  return [
    "KẾ HOẠCH\nChuyển đổi số tỉnh Gia Lai năm 2026\nI. MỤC TIÊU\n1. Chỉ tiêu",
    "TT\nChỉ tiêu\n2026\n2030\nĐơn vị tính",
    ...stacked.flat(),
    "II. NHIỆM VỤ\nSTT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian",
    ...joined,
    "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nNguyễn Văn An\nPhụ lục I\nSTT\n\nNhiệm vụ\n",
    ...Array.from({ length: rows }, (_, k) => `${k + 1}`),
    ...dumpTasks,
    "\nSản phẩm đầu ra\n\nĐơn vị chủ trì\n\nThời gian\n",
    dumpCells.join("\n\n"),
  ].join("\n");
}
