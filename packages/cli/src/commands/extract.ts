// `dtplan extract FILE [--json]`: read a plan (.txt/.docx/.pdf) and print the
// plan-extract/v1 JSON, or a Vietnamese summary for a person to check.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { PlanExtractError } from "@dtplan/domain/extract/errors.ts";
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { assertFileSize, DEFAULT_MAX_BYTES, readPlanDocument } from "@dtplan/domain/extract/read/index.ts";
import type { PlanExtract } from "@dtplan/domain/extract/types.ts";
import { formatDate as formatViDate, formatVnd as formatVndVi } from "@dtplan/domain/text/format.ts";
import type { Command } from "../main.ts";

const USAGE = `Cách dùng / Usage: dtplan extract FILE [--json] [--max-mb N]

Đọc một kế hoạch chuyển đổi số (.txt, .docx, .pdf) và trích xuất chỉ tiêu, nhiệm vụ,
căn cứ, kinh phí, chế độ báo cáo.

  --json        in JSON theo hợp đồng plan-extract/v1 (print plan-extract/v1 JSON)
  --max-mb N    dung lượng tệp tối đa, MB (largest accepted file, default 20)

Mã thoát / exit codes: 0 thành công, 2 tệp/đối số không hợp lệ (bad input), 1 lỗi khác.`;

type Plan = PlanExtract;

const PILLAR_VI: Record<string, string> = {
  leadership: "Lãnh đạo, chỉ đạo",
  awareness: "Nhận thức số, truyền thông",
  institutions: "Thể chế số",
  infrastructure: "Hạ tầng số",
  platforms: "Nền tảng số",
  data: "Dữ liệu số",
  human_resources: "Nhân lực số",
  cybersecurity: "An toàn thông tin",
  digital_government: "Chính quyền số",
  digital_economy: "Kinh tế số",
  digital_society: "Xã hội số",
  sectors: "Chuyển đổi số ngành, lĩnh vực",
  cooperation: "Hợp tác",
  finance: "Kinh phí",
  other: "Khác",
};

const FREQUENCY_VI: Record<string, string> = {
  monthly: "hằng tháng",
  quarterly: "hằng quý",
  semiannual: "6 tháng",
  annual: "hằng năm",
  adhoc: "đột xuất",
};

const FORMAT_VI = { txt: "văn bản thuần (.txt)", docx: "Word (.docx)", pdf: "PDF" } as const;

/** 1552020000 → "1.552.020.000" (Vietnamese thousands separator). */
export const formatVnd = (amount: number): string => formatVndVi(amount, "vi");

/** "2024-03-31" → "31/03/2024". */
const formatDate = (iso: string | null | undefined): string | null => (iso ? formatViDate(iso) : null);

function formatPeriod(period: Plan["period"] | undefined): string | null {
  if (!period || (period.start == null && period.end == null)) return null;
  const years =
    period.start != null && period.end != null && period.start !== period.end
      ? `${period.start}–${period.end}`
      : String(period.end ?? period.start);
  return period.vision != null ? `${years}, định hướng đến năm ${period.vision}` : years;
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function describeDue(due: Plan["reporting"][number]["due"]): string {
  if (!due) return "không nêu hạn";
  if (due.month === "last-of-period") return `trước ngày ${due.day} của tháng cuối kỳ`;
  return `trước ngày ${due.day}/${due.month}`;
}

export function summarise(
  plan: Plan,
  meta: { file: string; format: keyof typeof FORMAT_VI; chars: number },
): string {
  const out: string[] = [];
  const line = (label: string, value: string | null | undefined) =>
    out.push(`${label.padEnd(20)} ${value == null || value === "" ? "(không tìm thấy)" : value}`);
  out.push(
    `Tệp: ${path.basename(meta.file)} — ${FORMAT_VI[meta.format]}, ${meta.chars.toLocaleString("de-DE")} ký tự`,
    "",
  );
  line("Tên kế hoạch:", plan.title);
  line("Cơ quan ban hành:", plan.issuer);
  line(
    "Địa phương:",
    [plan.locality, plan.province ? `tỉnh ${plan.province}` : null].filter(Boolean).join(", "),
  );
  line("Số ký hiệu:", plan.documentNumber);
  line("Ngày ban hành:", formatDate(plan.issuedDate));
  line("Giai đoạn:", formatPeriod(plan.period));
  line("Người ký:", plan.signer ? [plan.signer.title, plan.signer.name].filter(Boolean).join(" ") : null);

  const targets = plan.targets ?? [];
  out.push("", `Chỉ tiêu: ${targets.length}`);
  for (const [pillar, n] of countBy(targets, (t) => t.pillar))
    out.push(`  ${(PILLAR_VI[pillar] ?? pillar).padEnd(34)} ${String(n).padStart(4)}`);
  const qualitative = targets.filter((t) => t.value == null).length;
  if (qualitative) out.push(`  (trong đó ${qualitative} chỉ tiêu định tính, không có số liệu)`);

  const tasks = plan.tasks ?? [];
  const solutions = tasks.filter((t) => t.kind === "solution").length;
  out.push("", `Nhiệm vụ: ${tasks.length}${solutions ? ` (trong đó ${solutions} giải pháp)` : ""}`);
  for (const [pillar, n] of countBy(tasks, (t) => t.pillar))
    out.push(`  ${(PILLAR_VI[pillar] ?? pillar).padEnd(34)} ${String(n).padStart(4)}`);
  out.push(
    `  ${"Chưa có đơn vị chủ trì:".padEnd(34)} ${String(tasks.filter((t) => !t.lead).length).padStart(4)}`,
  );
  out.push(
    `  ${"Chưa có thời hạn:".padEnd(34)} ${String(tasks.filter((t) => !t.deadline).length).padStart(4)}`,
  );

  out.push("", `Căn cứ pháp lý: ${(plan.legalBases ?? []).length}`);
  out.push(`Đơn vị được giao nhiệm vụ: ${(plan.units ?? []).length}`);
  const budget = plan.budget;
  const sources = budget?.sources?.length ? ` (nguồn: ${budget.sources.join("; ")})` : "";
  out.push(
    `Kinh phí: ${budget?.total != null ? formatVnd(budget.total) : "không nêu tổng kinh phí"}${sources}`,
  );

  const reporting = plan.reporting ?? [];
  out.push("", `Chế độ báo cáo:${reporting.length ? "" : " (không tìm thấy)"}`);
  for (const r of reporting)
    out.push(`  - ${FREQUENCY_VI[r.frequency] ?? r.frequency}, ${describeDue(r.due)}`);

  const warnings = plan.warnings ?? [];
  out.push("", `Cảnh báo (những chỗ chưa chắc chắn): ${warnings.length ? warnings.length : "không có"}`);
  for (const w of warnings) out.push(`  - ${typeof w === "string" ? w : JSON.stringify(w)}`);
  const unparsed = plan.unparsed ?? [];
  if (unparsed.length)
    out.push(
      `  - ${unparsed.length} đoạn trong phần chỉ tiêu/nhiệm vụ chưa phân loại được (xem --json, trường "unparsed")`,
    );
  return `${out.join("\n")}\n`;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; json: boolean; maxBytes: number } {
  let file: string | null = null;
  let json = false;
  let maxBytes = DEFAULT_MAX_BYTES;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--max-mb") {
      const mb = Number(argv[++i]);
      if (!Number.isFinite(mb) || mb <= 0)
        throw new UsageError("--max-mb cần một số dương (needs a positive number)");
      maxBytes = Math.floor(mb * 1024 * 1024);
    } else if (a.startsWith("--")) throw new UsageError(`tùy chọn không hợp lệ "${a}" (unknown option)`);
    else if (file === null) file = a;
    else throw new UsageError(`chỉ nhận một tệp, thừa "${a}" (only one file expected)`);
  }
  if (!file) throw new UsageError("thiếu tên tệp kế hoạch (missing FILE)");
  return { file, json, maxBytes };
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

export const command: Command = {
  summary: "trích xuất kế hoạch từ tệp .txt/.docx/.pdf (extract a plan; --json for plan-extract/v1)",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    let file = "";
    try {
      const args = parseArgs(argv);
      file = args.file;
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(file);
      } catch {
        process.stderr.write(`dtplan extract: Không tìm thấy tệp "${file}". (File not found: ${file})\n`);
        return 2;
      }
      if (!info.isFile()) {
        process.stderr.write(`dtplan extract: "${file}" không phải là tệp. (Not a regular file: ${file})\n`);
        return 2;
      }
      // Refuse before reading a huge file into memory.
      assertFileSize(info.size, args.maxBytes);
      const bytes = new Uint8Array(await readFile(file));
      const doc = await readPlanDocument(
        { bytes, fileName: path.basename(file) },
        { maxBytes: args.maxBytes },
      );
      const plan = await extractPlan(doc.text);
      if (args.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      else process.stdout.write(summarise(plan, { file, format: doc.format, chars: doc.text.length }));
      return 0;
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`dtplan extract: ${error.message}\n${USAGE.split("\n")[0]}\n`);
        return 2;
      }
      if (error instanceof PlanExtractError) {
        process.stderr.write(
          `dtplan extract: ${oneLine(error.message)} (${oneLine(error.messageEn)}) [${error.code}]\n`,
        );
        return 2;
      }
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `dtplan extract: Lỗi không mong đợi khi xử lý "${file}": ${oneLine(message)} (unexpected error)\n`,
      );
      return 1;
    }
  },
};
