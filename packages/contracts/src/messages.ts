/**
 * Validation messages in Vietnamese that name the field: the schemas here are parsed by
 * the web form and by the server, and a person should read "Nhập Tên đăng nhập", never
 * "Invalid input: expected string, received undefined" or "Invalid UUID". Both sides
 * install `vietnameseIssue` as zod's customError; a message written in a schema wins.
 */
import type { z } from "zod";

/** The interface languages (the domain's list, repeated here: contracts import nothing but zod). */
export type Lang = "vi" | "en";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** Field names as people know them, in each language; the last named step of an issue's path is looked up. */
export const FIELD_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  username: { vi: "Tên đăng nhập", en: "Username" },
  password: { vi: "Mật khẩu", en: "Password" },
  currentPassword: { vi: "Mật khẩu hiện tại", en: "Current password" },
  newPassword: { vi: "Mật khẩu mới", en: "New password" },
  fullName: { vi: "Họ và tên", en: "Full name" },
  email: { vi: "Thư điện tử", en: "E-mail" },
  grants: { vi: "Vai trò", en: "Role" },
  role: { vi: "Vai trò", en: "Role" },
  unitId: { vi: "Đơn vị", en: "Unit" },
  parentId: { vi: "Đơn vị cấp trên", en: "Parent unit" },
  leadUnitId: { vi: "Đơn vị chủ trì", en: "Lead unit" },
  issuerUnitId: { vi: "Đơn vị ban hành", en: "Issuing unit" },
  targetUnitId: { vi: "Đơn vị nhận", en: "Receiving unit" },
  name: { vi: "Tên", en: "Name" },
  shortName: { vi: "Tên viết tắt", en: "Short name" },
  code: { vi: "Mã", en: "Code" },
  kind: { vi: "Loại", en: "Kind" },
  title: { vi: "Tiêu đề", en: "Title" },
  label: { vi: "Tên kỳ báo cáo", en: "Period name" },
  start: { vi: "Ngày bắt đầu", en: "Start date" },
  end: { vi: "Ngày kết thúc", en: "End date" },
  dueDate: { vi: "Hạn nộp", en: "Due date" },
  deadline: { vi: "Thời hạn", en: "Deadline" },
  effectiveDate: { vi: "Ngày hiệu lực", en: "Effective date" },
  validFrom: { vi: "Ngày hiệu lực", en: "Effective date" },
  comment: { vi: "Ý kiến", en: "Comment" },
  body: { vi: "Nội dung", en: "Text" },
  reason: { vi: "Lý do", en: "Reason" },
  progress: { vi: "Tiến độ", en: "Progress" },
  note: { vi: "Ghi chú", en: "Note" },
  numerator: { vi: "Tử số", en: "Numerator" },
  denominator: { vi: "Mẫu số", en: "Denominator" },
  value: { vi: "Giá trị", en: "Value" },
  year: { vi: "Năm", en: "Year" },
  unit: { vi: "Đơn vị tính", en: "Unit of measure" },
  pillar: { vi: "Trụ cột", en: "Pillar" },
  indicatorCode: { vi: "Chỉ tiêu trong danh mục", en: "Catalogue indicator" },
  documentNumber: { vi: "Số văn bản", en: "Document number" },
  documentDate: { vi: "Ngày văn bản", en: "Document date" },
  signer: { vi: "Người ký", en: "Signer" },
  text: { vi: "Nội dung", en: "Text" },
  difficulties: { vi: "Khó khăn, vướng mắc", en: "Difficulties" },
  proposals: { vi: "Đề xuất, kiến nghị", en: "Proposals" },
  amount: { vi: "Số tiền", en: "Amount" },
  source: { vi: "Nguồn vốn", en: "Funding source" },
  version: { vi: "Phiên bản", en: "Version" },
  issuedDate: { vi: "Ngày ban hành", en: "Date issued" },
  periodStart: { vi: "Năm bắt đầu", en: "Start year" },
  periodEnd: { vi: "Năm kết thúc", en: "End year" },
  visionYear: { vi: "Năm tầm nhìn", en: "Vision year" },
  parentPlanCode: { vi: "Kế hoạch giai đoạn", en: "Multi-year plan" },
  implementsPlanCode: { vi: "Kế hoạch cấp trên", en: "Higher-level plan" },
  section: { vi: "Mục", en: "Section" },
  comparator: { vi: "Cách so sánh", en: "Comparison" },
  scope: { vi: "Phạm vi", en: "Scope" },
  leadNone: { vi: "Không có đơn vị chủ trì", en: "No lead unit" },
  coordinatorUnitIds: { vi: "Đơn vị phối hợp", en: "Coordinating units" },
  deadlineText: { vi: "Thời hạn (theo văn bản)", en: "Deadline (as written)" },
  deadlineDate: { vi: "Thời hạn", en: "Deadline" },
  recurring: { vi: "Thường xuyên", en: "Recurring" },
  cadence: { vi: "Chu kỳ", en: "Cadence" },
  taskKey: { vi: "Nhiệm vụ", en: "Task" },
  targetKey: { vi: "Chỉ tiêu", en: "Target" },
  amountPlanned: { vi: "Kinh phí dự kiến", en: "Planned funding" },
  amountDisbursed: { vi: "Kinh phí đã giải ngân", en: "Funding disbursed" },
  aggregation: { vi: "Cách tổng hợp", en: "Aggregation" },
  direction: { vi: "Chiều tốt lên", en: "Better direction" },
  numeratorLabel: { vi: "Tên tử số", en: "Numerator's name" },
  denominatorLabel: { vi: "Tên mẫu số", en: "Denominator's name" },
  sourceIds: { vi: "Đơn vị được sáp nhập", en: "Units merged" },
  targetId: { vi: "Đơn vị nhận", en: "Receiving unit" },
  newUnit: { vi: "Đơn vị mới", en: "New unit" },
  parts: { vi: "Đơn vị mới", en: "New unit" },
  validTo: { vi: "Ngày hết hiệu lực", en: "End of validity" },
  placeName: { vi: "Địa danh", en: "Place name" },
  reportDate: { vi: "Ngày báo cáo", en: "Report date" },
  opening: { vi: "Phần mở đầu", en: "Opening" },
  assessment: { vi: "Đánh giá chung", en: "Overall assessment" },
  nextTasks: { vi: "Nhiệm vụ thời gian tới", en: "Next period's tasks" },
  signature: { vi: "Người ký", en: "Signer" },
  recipients: { vi: "Nơi nhận", en: "Recipients" },
  evidenceFileIds: { vi: "Minh chứng", en: "Evidence" },
  unitIds: { vi: "Đơn vị", en: "Unit" },
  targetKeys: { vi: "Chỉ tiêu", en: "Target" },
  mode: { vi: "Cách thực hiện", en: "How" },
  indicatorConfirmed: { vi: "Đã xác nhận chỉ số", en: "Indicator confirmed" },
  completedAt: { vi: "Ngày hoàn thành", en: "Completion date" },
  active: { vi: "Đang hoạt động", en: "Active" },
};

const TYPE_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: {
    string: "chữ",
    number: "số",
    int: "số nguyên",
    boolean: "có hoặc không",
    object: "nhóm thông tin",
    array: "danh sách",
    date: "ngày",
  },
  en: {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "yes or no",
    object: "a group of fields",
    array: "a list",
    date: "a date",
  },
};

/**
 * The sentences of the field messages, in each language; `f` is the field's name as it
 * starts a sentence, `lower` the same mid-sentence. The English reading of a Vietnamese
 * message (the server answers in English from the Vietnamese) comes from the same table.
 */
const FIELD_WORDS = {
  vi: {
    enter: (lower: string) => `Nhập ${lower}`,
    missing: "Thiếu trường bắt buộc",
    wrongType: (f: string, type: string) => `${f}: sai kiểu dữ liệu, cần ${type}`,
    anyValue: "Giá trị",
    otherValue: "giá trị khác",
    notChosen: (lower: string) => `Chưa chọn ${lower} hợp lệ: hãy chọn lại từ danh sách`,
    badChoice: "Lựa chọn không hợp lệ: hãy chọn lại từ danh sách",
    badEmail: (f: string) => `${f} không đúng dạng (ví dụ: ten@coquan.gov.vn)`,
    email: "Thư điện tử",
    badDate: (f: string) => `${f} không đúng dạng ngày`,
    date: "Ngày",
    badFormat: (f: string) => `${f} không đúng định dạng`,
    empty: "Không được để trống",
    fromList: (f: string) => `${f}: hãy chọn một giá trị trong danh sách`,
  },
  en: {
    enter: (lower: string) => `Enter the ${lower}`,
    missing: "Required field missing",
    wrongType: (f: string, type: string) => `${f}: wrong kind of data, expected ${type}`,
    anyValue: "Value",
    otherValue: "another value",
    notChosen: (lower: string) => `No valid ${lower} chosen: choose again from the list`,
    badChoice: "Invalid choice: choose again from the list",
    badEmail: (f: string) => `${f} is not a valid address (for example: name@agency.gov.vn)`,
    email: "E-mail",
    badDate: (f: string) => `${f} is not a valid date`,
    date: "Date",
    badFormat: (f: string) => `${f} is not in the right format`,
    empty: "Cannot be empty",
    fromList: (f: string) => `${f}: choose a value from the list`,
  },
} as const;

/** The field an issue is about, in words, or null when its path names none. */
export function fieldLabel(path: readonly PropertyKey[] | undefined, lang: Lang = "vi"): string | null {
  const names = (path ?? []).filter((p): p is string => typeof p === "string");
  const last = names[names.length - 1];
  return last ? (FIELD_LABELS[last]?.[lang] ?? null) : null;
}

/** Mid-sentence a label is lower-case ("Nhập tên đăng nhập"), except an all-capital word. */
const midSentence = (label: string) =>
  /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);

/**
 * zod's customError in a language: a message naming the field, or undefined to keep zod's
 * own (its locale). A message written in a schema wins over it (see messages.en.ts for its English).
 */
export function fieldIssue(issue: RawIssue, lang: Lang): string | undefined {
  const w = FIELD_WORDS[lang];
  const field = fieldLabel(issue.path, lang);
  const lower = field ? midSentence(field) : null;
  const empty = issue.input === undefined || issue.input === null || issue.input === "";
  switch (issue.code) {
    case "invalid_type":
      if (empty) return lower ? w.enter(lower) : w.missing;
      return w.wrongType(field ?? w.anyValue, TYPE_NAMES[lang][issue.expected as string] ?? w.otherValue);
    case "invalid_format": {
      const format = (issue as { format?: string }).format;
      if (format === "uuid") return lower ? w.notChosen(lower) : w.badChoice;
      if (format === "email") return w.badEmail(field ?? w.email);
      if (format === "date") return w.badDate(field ?? w.date);
      return field ? w.badFormat(field) : undefined;
    }
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return lower ? w.enter(lower) : w.empty;
      return undefined;
    case "invalid_value":
      return field ? w.fromList(field) : undefined;
    default:
      return undefined;
  }
}

/** zod's customError in Vietnamese (the server's, and the web's in Vietnamese). */
export const vietnameseIssue = (issue: RawIssue): string | undefined => fieldIssue(issue, "vi");

/** A sentence of FIELD_WORDS as a pattern: each blank it was written with matches any text. */
const BLANK = "\u0000";
const sentencePattern = (sentence: string) =>
  new RegExp(`^${sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll(BLANK, "(.+)")}$`);

/** Each Vietnamese field sentence as a pattern, with the English it reads as. */
const FIELD_SENTENCES: [RegExp, (m: RegExpMatchArray) => string | null][] = (() => {
  const vi = FIELD_WORDS.vi;
  const en = FIELD_WORDS.en;
  const labels = Object.values(FIELD_LABELS);
  const byVi = new Map(labels.map((l) => [l.vi, l.en]));
  const byLower = new Map(labels.map((l) => [midSentence(l.vi), midSentence(l.en)]));
  const types = new Map(Object.keys(TYPE_NAMES.vi).map((k) => [TYPE_NAMES.vi[k], TYPE_NAMES.en[k]]));
  types.set(vi.otherValue, en.otherValue);
  const field = (label: string) => (label === vi.anyValue ? en.anyValue : (byVi.get(label) ?? null));
  const lower = (label: string) => byLower.get(label) ?? null;
  return [
    [sentencePattern(vi.enter(BLANK)), (m) => withField(lower(m[1]), en.enter)],
    [sentencePattern(vi.notChosen(BLANK)), (m) => withField(lower(m[1]), en.notChosen)],
    [
      sentencePattern(vi.wrongType(BLANK, BLANK)),
      (m) => {
        const type = types.get(m[2]);
        return type ? withField(field(m[1]), (f) => en.wrongType(f, type)) : null;
      },
    ],
    [
      sentencePattern(vi.badEmail(BLANK)),
      (m) => withField(m[1] === vi.email ? en.email : field(m[1]), en.badEmail),
    ],
    [
      sentencePattern(vi.badDate(BLANK)),
      (m) => withField(m[1] === vi.date ? en.date : field(m[1]), en.badDate),
    ],
    [sentencePattern(vi.badFormat(BLANK)), (m) => withField(field(m[1]), en.badFormat)],
    [sentencePattern(vi.fromList(BLANK)), (m) => withField(field(m[1]), en.fromList)],
  ];
})();

function withField(field: string | null, sentence: (f: string) => string): string | null {
  return field === null ? null : sentence(field);
}

/** The English of a field message written by `fieldIssue` in Vietnamese, or null. */
export function fieldMessageEnglish(vi: string): string | null {
  const words = FIELD_WORDS;
  for (const key of ["missing", "badChoice", "empty"] as const)
    if (vi === words.vi[key]) return words.en[key];
  for (const [pattern, english] of FIELD_SENTENCES) {
    const m = vi.match(pattern);
    if (m) return english(m);
  }
  return null;
}
