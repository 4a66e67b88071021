/**
 * What the review screen says of a plan being checked, in each language: the extraction's
 * warnings (stored with the extraction, in Vietnamese) and what publishing refuses or points
 * out. The Vietnamese sentences are written from here (extract-plan.ts, the server's publish
 * check) and read back into English by the same sentences, so a warning stored long ago
 * still reads in English.
 */
import type { Lang } from "../text/format.ts";

type Words = { vi: string; en: string };

/** The parts of a plan an extraction rule reads, named in "Lỗi khi trích xuất phần …". */
export const EXTRACTION_PARTS = {
  general: { vi: "thông tin chung", en: "general information" },
  legal: { vi: "căn cứ", en: "legal bases" },
  objectives: { vi: "mục tiêu", en: "objectives" },
  tasks: { vi: "nhiệm vụ", en: "tasks" },
  taskTable: { vi: "bảng nhiệm vụ", en: "task table" },
  targetTable: { vi: "bảng chỉ tiêu", en: "target table" },
  budget: { vi: "kinh phí", en: "budget" },
  reporting: { vi: "chế độ báo cáo", en: "reporting rules" },
  units: { vi: "đơn vị", en: "units" },
} as const satisfies Record<string, Words>;
export type ExtractionPart = keyof typeof EXTRACTION_PARTS;

const partIn = (lang: Lang) => (vi: string) =>
  Object.values(EXTRACTION_PARTS).find((p) => p.vi === vi)?.[lang] ?? null;

/** Each sentence in both languages; a blank is a number or a text carried over as it is. */
export const REVIEW_SENTENCES = {
  noLead: {
    vi: (n: string, total: string) => `${n}/${total} nhiệm vụ không xác định được đơn vị chủ trì.`,
    en: (n: string, total: string) => `${n}/${total} tasks have no lead unit identified.`,
  },
  guessedPillar: {
    vi: (n: string) =>
      `${n} chỉ tiêu được gán trụ cột theo nội dung (đề mục không nêu trụ cột) hoặc không có số liệu.`,
    en: (n: string) =>
      `${n} targets were given a pillar from their text (their heading names none) or have no figure.`,
  },
  noTargets: { vi: () => "Không tìm thấy chỉ tiêu cụ thể nào.", en: () => "No specific target was found." },
  noTasks: {
    vi: () => "Không tìm thấy nhiệm vụ, giải pháp nào.",
    en: () => "No task or solution was found.",
  },
  noLegalBases: { vi: () => "Không tìm thấy căn cứ pháp lý nào.", en: () => "No legal basis was found." },
  footnotes: {
    vi: (n: string) => `Đã bỏ ${n} chú thích cuối trang khỏi nội dung.`,
    en: (n: string) => `${n} footnotes were taken out of the text.`,
  },
  noNumber: { vi: () => "Không tìm thấy số hiệu văn bản.", en: () => "No document number was found." },
  noDate: { vi: () => "Không tìm thấy ngày ban hành.", en: () => "No date of issue was found." },
  noBudget: { vi: () => "Không tìm thấy tổng kinh phí.", en: () => "No total budget was found." },
  noReporting: { vi: () => "Không tìm thấy chế độ báo cáo.", en: () => "No reporting rules were found." },
  partFailed: {
    vi: (part: string) => `Lỗi khi trích xuất phần ${part}; phần này có thể thiếu.`,
    en: (part: string) => `Reading the ${part} failed; that part may be incomplete.`,
  },
  taskWithoutLead: {
    vi: (task: string) =>
      `Nhiệm vụ "${task}" chưa có đơn vị chủ trì (chọn đơn vị, hoặc đánh dấu "không có đơn vị chủ trì").`,
    en: (task: string) => `The task "${task}" has no lead unit (choose a unit, or mark it "no lead unit").`,
  },
  targetWithoutUnit: {
    vi: (target: string) =>
      `Chỉ tiêu "${target}" chưa có đơn vị báo cáo (chọn đơn vị, hoặc xác nhận đơn vị ban hành tự báo cáo).`,
    en: (target: string) =>
      `The target "${target}" has no reporting unit (choose a unit, or confirm the issuing unit reports it).`,
  },
  unconfirmed: {
    vi: (n: string) => `${n} chỉ tiêu chưa được xác nhận chỉ số.`,
    en: (n: string) => `${n} targets have no confirmed indicator.`,
  },
  unsure: {
    vi: (n: string) => `${n} mục trích xuất có độ tin cậy thấp chưa được sửa.`,
    en: (n: string) => `${n} extracted items of low confidence have not been corrected.`,
  },
  unparsed: {
    vi: (n: string) => `${n} đoạn văn bản không nhận dạng được; hãy kiểm tra đã thêm đủ mục.`,
    en: (n: string) => `${n} passages of the text were not recognised; check that every item was added.`,
  },
} as const;

const BLANK = "\u0000";
const READINGS = Object.values(REVIEW_SENTENCES).map((s) => {
  const blanks = Array.from({ length: s.vi.length }, () => BLANK) as [string, string];
  const source = s.vi(...blanks).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { pattern: new RegExp(`^${source.replaceAll(BLANK, "(.+?)")}$`, "s"), sentence: s };
});

/** A review message (an extraction warning, a publish check) in the reader's language. */
export function reviewMessageIn(text: string, lang: Lang): string {
  if (lang === "vi") return text;
  for (const { pattern, sentence } of READINGS) {
    const m = text.match(pattern);
    if (!m) continue;
    const parts = m.slice(1);
    if (sentence === REVIEW_SENTENCES.partFailed) {
      const part = partIn(lang)(parts[0]);
      return part ? REVIEW_SENTENCES.partFailed.en(part) : text;
    }
    return (sentence.en as (...p: string[]) => string)(...parts);
  }
  return text;
}
