/**
 * Nhật ký thay đổi in words: every act the audit log records, every kind of object it
 * names and every field it shows, each with its Vietnamese and English text. One closed
 * list: the server's `recordAudit` accepts only these actions and kinds, the web page
 * and the XLSX export read them through `describeAudit`.
 */
import { ROLE_LABELS, type Role } from "../access/roles.ts";
import { unitKindLabel } from "../org/unit-kinds.ts";
import { PLAN_STATUS_LABELS, type PlanStatus } from "../plans/lists.ts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../reporting/lists.ts";
import { formatDate, formatNumber, type Lang } from "../text/format.ts";
import { VIETNAM_UTC_OFFSET_MINUTES } from "../time/vietnam.ts";

interface Words {
  vi: string;
  en: string;
}

/** The kinds of object an entry is about (`audit_log.entity`). */
export const AUDIT_ENTITIES = [
  "org_unit",
  "user",
  "session",
  "role_grant",
  "plan",
  "plan_target",
  "plan_task",
  "plan_target_unit",
  "task",
  "unit_report",
  "reporting_period",
  "indicator",
  "budget_item",
  "consolidated_report",
  "dti_framework",
  "dti_round",
  "dti_round_unit",
  "dti_entry",
  "backup",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ENTITY_WORDS = {
  org_unit: { vi: "đơn vị", en: "unit" },
  user: { vi: "tài khoản", en: "account" },
  session: { vi: "phiên đăng nhập", en: "session" },
  role_grant: { vi: "vai trò", en: "role" },
  plan: { vi: "kế hoạch", en: "plan" },
  plan_target: { vi: "chỉ tiêu", en: "target" },
  plan_task: { vi: "nhiệm vụ", en: "task" },
  plan_target_unit: { vi: "giao chỉ tiêu", en: "target assignment" },
  task: { vi: "nhiệm vụ", en: "task" },
  unit_report: { vi: "báo cáo", en: "report" },
  reporting_period: { vi: "kỳ báo cáo", en: "reporting period" },
  indicator: { vi: "chỉ số", en: "indicator" },
  budget_item: { vi: "khoản kinh phí", en: "budget item" },
  consolidated_report: { vi: "báo cáo tổng hợp", en: "consolidated report" },
  dti_framework: { vi: "bộ chỉ số DTI", en: "DTI framework" },
  dti_round: { vi: "đợt đánh giá DTI", en: "DTI round" },
  dti_round_unit: { vi: "bài tự đánh giá DTI", en: "DTI self-assessment" },
  dti_entry: { vi: "tiêu chí DTI", en: "DTI criterion" },
  backup: { vi: "bản sao lưu", en: "backup" },
} as const satisfies Record<AuditEntity, Words>;

/**
 * Each act as a verb phrase in the past (Vietnamese without "đã", added before a person's
 * name). The object's name, when known, follows the phrase.
 */
export const AUDIT_ACTION_WORDS = {
  "auth.login": { vi: "đăng nhập", en: "signed in" },
  "auth.logout": { vi: "đăng xuất", en: "signed out" },
  "auth.login_failed": { vi: "đăng nhập sai vào tài khoản", en: "failed to sign in to the account" },
  "user.create": { vi: "tạo tài khoản", en: "created the account" },
  "user.create_first_administrator": {
    vi: "tạo tài khoản quản trị đầu tiên",
    en: "created the first administrator account",
  },
  "user.update": { vi: "sửa tài khoản", en: "edited the account" },
  "user.reset_password": { vi: "đặt lại mật khẩu của tài khoản", en: "reset the password of the account" },
  "user.change_password": { vi: "đổi mật khẩu của mình", en: "changed their own password" },
  "user.change_password_failed": {
    vi: "nhập sai mật khẩu hiện tại khi đổi mật khẩu",
    en: "entered a wrong current password when changing the password",
  },
  "org.unit.create": { vi: "thêm đơn vị", en: "added the unit" },
  "org.unit.update": { vi: "sửa đơn vị", en: "edited the unit" },
  "org.merge.create": { vi: "lập (sáp nhập) đơn vị mới", en: "created (merger) the new unit" },
  "org.merge.close": { vi: "cho thôi hoạt động (sáp nhập) đơn vị", en: "closed (merger) the unit" },
  "org.merge.move": { vi: "chuyển (sáp nhập) đơn vị trực thuộc", en: "moved (merger) the subordinate unit" },
  "org.split.create": { vi: "lập (chia tách) đơn vị mới", en: "created (split) the new unit" },
  "org.split.close": { vi: "cho thôi hoạt động (chia tách) đơn vị", en: "closed (split) the unit" },
  "org.reassign.task": {
    vi: "chuyển sang đơn vị kế thừa nhiệm vụ",
    en: "moved to the successor unit the task",
  },
  "org.reassign.assignment": {
    vi: "chuyển sang đơn vị kế thừa việc giao chỉ tiêu",
    en: "moved to the successor unit the target assignment",
  },
  "org.reassign.report": {
    vi: "chuyển sang đơn vị kế thừa báo cáo",
    en: "moved to the successor unit the report",
  },
  "org.reassign.grant": {
    vi: "chuyển sang đơn vị kế thừa vai trò",
    en: "moved to the successor unit the role",
  },
  "demo.seed": { vi: "nạp dữ liệu mẫu", en: "loaded the demo data" },
  "backup.create": { vi: "tạo bản sao lưu", en: "created the backup" },
  "backup.download": { vi: "tải về bản sao lưu", en: "downloaded the backup" },
  "plan.import": { vi: "nhập kế hoạch", en: "imported the plan" },
  "plan.import_amendment": { vi: "nhập bản sửa đổi của kế hoạch", en: "imported an amendment of the plan" },
  "plan.update": { vi: "sửa thông tin kế hoạch", en: "edited the details of the plan" },
  "plan.issuer": { vi: "đổi đơn vị ban hành của kế hoạch", en: "changed the issuing unit of the plan" },
  "plan.delete": { vi: "xóa bản nháp kế hoạch", en: "deleted the draft plan" },
  "plan.publish": { vi: "ban hành kế hoạch", en: "published the plan" },
  "plan.amend": { vi: "lập bản sửa đổi của kế hoạch", en: "started an amendment of the plan" },
  "plan.table_columns": {
    vi: "sửa cách đọc bảng của kế hoạch",
    en: "changed how a table is read in the plan",
  },
  "plan.implements.confirm": {
    vi: "xác nhận kế hoạch cấp trên của kế hoạch",
    en: "confirmed the higher-level plan of the plan",
  },
  "plan.target-links.confirm": {
    vi: "xác nhận chỉ tiêu tương ứng với cấp trên của kế hoạch",
    en: "confirmed the targets matching the higher-level plan in the plan",
  },
  "plan.target_units": {
    vi: "giao chỉ tiêu cho đơn vị trong kế hoạch",
    en: "assigned targets to units in the plan",
  },
  "plan.target.add": { vi: "thêm chỉ tiêu", en: "added the target" },
  "plan.target.update": { vi: "sửa chỉ tiêu", en: "edited the target" },
  "plan.target.delete": { vi: "xóa chỉ tiêu", en: "deleted the target" },
  "plan.target.split": { vi: "tách chỉ tiêu", en: "split the target" },
  "plan.target.merge": { vi: "gộp chỉ tiêu", en: "merged the target" },
  "plan.task.add": { vi: "thêm nhiệm vụ", en: "added the task" },
  "plan.task.update": { vi: "sửa nhiệm vụ", en: "edited the task" },
  "plan.task.delete": { vi: "xóa nhiệm vụ", en: "deleted the task" },
  "plan.task.split": { vi: "tách nhiệm vụ", en: "split the task" },
  "plan.task.merge": { vi: "gộp nhiệm vụ", en: "merged the task" },
  "report.submitted": { vi: "nộp báo cáo", en: "submitted the report" },
  "report.returned": { vi: "trả lại báo cáo", en: "returned the report" },
  "report.approved": { vi: "duyệt báo cáo", en: "approved the report" },
  "report.reopened": { vi: "mở lại báo cáo", en: "reopened the report" },
  "report.evidence.add": { vi: "đính kèm minh chứng vào báo cáo", en: "attached evidence to the report" },
  "reporting.period.open": { vi: "mở kỳ báo cáo đột xuất", en: "opened the ad hoc reporting period" },
  "reporting.period.adjust": { vi: "điều chỉnh kỳ báo cáo", en: "adjusted the reporting period" },
  "task.progress": { vi: "cập nhật tiến độ nhiệm vụ", en: "updated the progress of the task" },
  "task.comment": { vi: "góp ý về nhiệm vụ", en: "commented on the task" },
  "task.direction": { vi: "chỉ đạo về nhiệm vụ", en: "gave a direction on the task" },
  "task.evidence.add": { vi: "đính kèm minh chứng vào nhiệm vụ", en: "attached evidence to the task" },
  "indicator.create": { vi: "thêm vào danh mục chỉ số", en: "added to the indicator catalogue" },
  "budget.item.create": { vi: "thêm khoản kinh phí", en: "added the budget item" },
  "budget.item.update": { vi: "sửa khoản kinh phí", en: "edited the budget item" },
  "budget.item.delete": { vi: "xóa khoản kinh phí", en: "deleted the budget item" },
  "consolidated.save": { vi: "lưu báo cáo tổng hợp", en: "saved the consolidated report" },
  "dti.framework.create": { vi: "tạo bộ chỉ số DTI", en: "created the DTI framework" },
  "dti.framework.update": { vi: "sửa bộ chỉ số DTI", en: "edited the DTI framework" },
  "dti.framework.copy": { vi: "sao chép bộ chỉ số DTI", en: "copied the DTI framework" },
  "dti.round.create": { vi: "tạo đợt đánh giá DTI", en: "created the DTI round" },
  "dti.round.update": { vi: "sửa đợt đánh giá DTI", en: "edited the DTI round" },
  "dti.round.open": { vi: "mở đợt đánh giá DTI", en: "opened the DTI round" },
  "dti.round.close": { vi: "khóa đợt đánh giá DTI", en: "closed the DTI round" },
  "dti.round.publish": {
    vi: "công bố kết quả đợt đánh giá DTI",
    en: "published the results of the DTI round",
  },
  "dti.assessment.save": { vi: "lưu tự đánh giá DTI", en: "saved the DTI self-assessment" },
  "dti.assessment.submit": { vi: "nộp tự đánh giá DTI", en: "submitted the DTI self-assessment" },
  "dti.verification.accepted": { vi: "chấp nhận điểm tự đánh giá", en: "accepted the self-assessed score" },
  "dti.verification.adjusted": { vi: "điều chỉnh điểm tự đánh giá", en: "adjusted the self-assessed score" },
  "dti.verification.returned": { vi: "trả lại điểm tự đánh giá", en: "returned the self-assessed score" },
  "dti.evidence.add": { vi: "đính kèm minh chứng DTI", en: "attached DTI evidence" },
} as const satisfies Record<string, Words>;
export type AuditAction = keyof typeof AUDIT_ACTION_WORDS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_WORDS) as AuditAction[];

/** Field names in words. A field not listed here is an internal detail and is not shown. */
export const AUDIT_FIELD_WORDS = {
  name: { vi: "Tên", en: "Name" },
  code: { vi: "Mã", en: "Code" },
  shortName: { vi: "Tên viết tắt", en: "Short name" },
  kind: { vi: "Loại", en: "Kind" },
  parentId: { vi: "Đơn vị cấp trên", en: "Parent unit" },
  validFrom: { vi: "Hiệu lực từ", en: "Valid from" },
  validTo: { vi: "Hiệu lực đến", en: "Valid to" },
  effectiveDate: { vi: "Ngày hiệu lực", en: "Effective date" },
  fullName: { vi: "Họ và tên", en: "Full name" },
  username: { vi: "Tên đăng nhập", en: "Username" },
  email: { vi: "Thư điện tử", en: "E-mail" },
  active: { vi: "Đang hoạt động", en: "Active" },
  grants: { vi: "Vai trò", en: "Roles" },
  role: { vi: "Vai trò", en: "Role" },
  isSuperadmin: { vi: "Quản trị cấp cao", en: "Superadministrator" },
  ip: { vi: "Địa chỉ IP", en: "IP address" },
  reason: { vi: "Lý do", en: "Reason" },
  passwordReset: { vi: "Đã đặt lại mật khẩu", en: "Password reset" },
  otherSessionsEnded: { vi: "Phiên trên thiết bị khác đã kết thúc", en: "Other devices signed out" },
  sourceIds: { vi: "Đơn vị được sáp nhập", en: "Merged units" },
  parts: { vi: "Đơn vị mới", en: "New units" },
  targetId: { vi: "Đơn vị nhận", en: "Receiving unit" },
  units: { vi: "Số đơn vị", en: "Units" },
  users: { vi: "Số người dùng", en: "Users" },
  lineage: { vi: "Số quan hệ sáp nhập, chia tách", en: "Merger and split links" },
  title: { vi: "Tiêu đề", en: "Title" },
  status: { vi: "Trạng thái", en: "Status" },
  version: { vi: "Phiên bản", en: "Version" },
  documentNumber: { vi: "Số văn bản", en: "Document number" },
  issuedDate: { vi: "Ngày ban hành", en: "Issue date" },
  issuer: { vi: "Cơ quan ban hành", en: "Issuing body" },
  unitId: { vi: "Đơn vị", en: "Unit" },
  fromUnitId: { vi: "Từ đơn vị", en: "From unit" },
  toUnitId: { vi: "Sang đơn vị", en: "To unit" },
  signerName: { vi: "Người ký", en: "Signer" },
  signerTitle: { vi: "Chức vụ người ký", en: "Signer's title" },
  locality: { vi: "Địa bàn", en: "Locality" },
  periodStart: { vi: "Từ năm", en: "From year" },
  periodEnd: { vi: "Đến năm", en: "To year" },
  visionYear: { vi: "Tầm nhìn đến năm", en: "Vision to" },
  amendmentReason: { vi: "Lý do sửa đổi", en: "Reason for the amendment" },
  sourceFileName: { vi: "Tệp gốc", en: "Source file" },
  planCode: { vi: "Kế hoạch", en: "Plan" },
  implementsPlanCode: { vi: "Kế hoạch cấp trên", en: "Higher-level plan" },
  parentPlanCode: { vi: "Kế hoạch giai đoạn", en: "Multi-year plan" },
  higherPlanCode: { vi: "Kế hoạch cấp trên", en: "Higher-level plan" },
  text: { vi: "Nội dung", en: "Text" },
  section: { vi: "Mục", en: "Section" },
  pillar: { vi: "Trụ cột", en: "Pillar" },
  unit: { vi: "Đơn vị tính", en: "Unit of measure" },
  value: { vi: "Giá trị", en: "Value" },
  comparator: { vi: "So sánh", en: "Comparison" },
  year: { vi: "Năm", en: "Year" },
  deadlineDate: { vi: "Thời hạn", en: "Deadline" },
  deadlineText: { vi: "Thời hạn (theo văn bản)", en: "Deadline (as written)" },
  dueDate: { vi: "Hạn nộp", en: "Due date" },
  leadUnitId: { vi: "Đơn vị chủ trì", en: "Lead unit" },
  leadText: { vi: "Đơn vị chủ trì (theo văn bản)", en: "Lead unit (as written)" },
  coordinators: { vi: "Đơn vị phối hợp", en: "Coordinating units" },
  indicatorCode: { vi: "Chỉ số trong danh mục", en: "Catalogue indicator" },
  frequency: { vi: "Tần suất báo cáo", en: "Reporting frequency" },
  aggregation: { vi: "Cách tổng hợp", en: "Aggregation" },
  progress: { vi: "Tiến độ (%)", en: "Progress (%)" },
  note: { vi: "Ghi chú", en: "Note" },
  comment: { vi: "Ý kiến", en: "Comment" },
  returnComment: { vi: "Lý do trả lại", en: "Reason for returning" },
  body: { vi: "Nội dung", en: "Text" },
  label: { vi: "Tên kỳ", en: "Label" },
  startDate: { vi: "Từ ngày", en: "From" },
  endDate: { vi: "Đến ngày", en: "To" },
  numerator: { vi: "Tử số", en: "Numerator" },
  denominator: { vi: "Mẫu số", en: "Denominator" },
  difficulties: { vi: "Khó khăn, vướng mắc", en: "Difficulties" },
  proposals: { vi: "Đề xuất, kiến nghị", en: "Proposals" },
  source: { vi: "Nguồn vốn", en: "Funding source" },
  amountPlanned: { vi: "Kinh phí dự kiến", en: "Planned amount" },
  amountDisbursed: { vi: "Kinh phí đã giải ngân", en: "Disbursed amount" },
  originalName: { vi: "Tên tệp", en: "File name" },
  sizeBytes: { vi: "Dung lượng (byte)", en: "Size (bytes)" },
  bytes: { vi: "Dung lượng (byte)", en: "Size (bytes)" },
  score: { vi: "Điểm", en: "Score" },
  outcome: { vi: "Kết quả thẩm định", en: "Verification outcome" },
  targets: { vi: "Số chỉ tiêu", en: "Targets" },
  tasks: { vi: "Số nhiệm vụ", en: "Tasks" },
  count: { vi: "Số lượng", en: "Count" },
} as const satisfies Record<string, Words>;

/** What the server knows besides the entry itself: names for the ids it holds. */
export interface AuditFacts {
  action: string;
  entity: string;
  actorName: string | null;
  /** The object's name (plan title, unit name, person…), when it is known. */
  subject: string | null;
  before: unknown;
  after: unknown;
  /** Names of the units, people and plans whose ids appear in the values. */
  names: Readonly<Record<string, string>>;
}

export interface AuditChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function pick<W extends Record<string, Words>>(words: W, key: string): Words | null {
  return Object.hasOwn(words, key) ? (words as Record<string, Words>)[key] : null;
}

/** The act in words ("ban hành kế hoạch"); an act unknown to this list reads as "thay đổi …". */
export function auditActionWords(action: string, entity: string, lang: Lang): string {
  const words = pick(AUDIT_ACTION_WORDS, action);
  if (words) return words[lang];
  return lang === "vi"
    ? `thay đổi ${auditEntityWords(entity, "vi")}`
    : `changed the ${auditEntityWords(entity, "en")}`;
}

export function auditEntityWords(entity: string, lang: Lang): string {
  return pick(AUDIT_ENTITY_WORDS, entity)?.[lang] ?? (lang === "vi" ? "dữ liệu" : "data");
}

export function auditFieldWords(field: string, lang: Lang): string | null {
  return pick(AUDIT_FIELD_WORDS, field)?.[lang] ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Nguyễn Văn A đã ban hành kế hoạch «Kế hoạch chuyển đổi số 2026»." */
export function auditSentence(facts: AuditFacts, lang: Lang): string {
  const act = auditActionWords(facts.action, facts.entity, lang);
  const object = facts.subject ? ` «${facts.subject}»` : "";
  if (!facts.actorName) return `${capitalise(act)}${object}`;
  return lang === "vi" ? `${facts.actorName} đã ${act}${object}` : `${facts.actorName} ${act}${object}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const YES_NO = { vi: ["Có", "Không"], en: ["Yes", "No"] } as const;
const STATUS_WORDS: Record<string, Words> = { ...PLAN_STATUS_LABELS, ...REPORT_STATUS_LABELS };
/** Why a sign-in failed (auth.login_failed). */
const REASON_WORDS: Record<string, Words> = {
  wrong_password: { vi: "Sai mật khẩu", en: "Wrong password" },
  inactive: { vi: "Tài khoản đã bị vô hiệu hóa", en: "The account is deactivated" },
};

/** `dd/mm/yyyy hh:mm`, Vietnam time wherever the code runs. */
export function auditTimeText(iso: string): string {
  const s = new Date(Date.parse(iso) + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}

/** One value as a person reads it: names for ids, labels for roles, kinds and statuses, dd/mm/yyyy dates. */
export function formatAuditValue(
  field: string,
  value: unknown,
  lang: Lang,
  names: Readonly<Record<string, string>>,
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return YES_NO[lang][value ? 0 : 1];
  if (typeof value === "number") return formatNumber(value, lang);
  if (typeof value === "string") {
    if (UUID.test(value)) return names[value] ?? (lang === "vi" ? "(đã xóa)" : "(deleted)");
    if (field === "kind") return unitKindLabel(value, lang);
    if (field === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as Role][lang];
    if (field === "reason" && value in REASON_WORDS) return REASON_WORDS[value][lang];
    if (field === "status" && value in STATUS_WORDS)
      return STATUS_WORDS[value as PlanStatus | ReportStatus][lang];
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_DATETIME.test(value)) return auditTimeText(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value.map((item) => formatAuditValue(field, item, lang, names)).join("; ");
  }
  if (isRecord(value)) {
    if (typeof value.role === "string" && typeof value.unitId === "string") {
      const unit =
        typeof value.unitName === "string"
          ? value.unitName
          : formatAuditValue("unitId", value.unitId, lang, names);
      return `${formatAuditValue("role", value.role, lang, names)} — ${unit}`;
    }
    return Object.entries(value)
      .flatMap(([k, v]) => {
        const label = auditFieldWords(k, lang);
        return label ? [`${label}: ${formatAuditValue(k, v, lang, names)}`] : [];
      })
      .join("; ");
  }
  return String(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Before → after, field by field, in words: what was set for a creation, what was there
 * for a deletion, what differs for a change. Fields outside AUDIT_FIELD_WORDS are internal
 * (ids, hashes, positions) and left out.
 */
export function auditChangeLines(facts: AuditFacts, lang: Lang): AuditChangeLine[] {
  const before = isRecord(facts.before) ? facts.before : {};
  const after = isRecord(facts.after) ? facts.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines: AuditChangeLine[] = [];
  for (const field of fields) {
    const label = auditFieldWords(field, lang);
    if (!label) continue;
    const b = before[field];
    const a = after[field];
    if (facts.before != null && facts.after != null && same(b, a)) continue;
    if (facts.before == null && (a === null || a === undefined || a === "")) continue;
    lines.push({
      field,
      label,
      before: facts.before == null ? "" : formatAuditValue(field, b, lang, facts.names),
      after: facts.after == null ? "" : formatAuditValue(field, a, lang, facts.names),
    });
  }
  return lines;
}

/** The ids in an entry's values, for the server to name them. */
export function auditValueIds(before: unknown, after: unknown): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string" && UUID.test(v)) ids.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v)) Object.values(v).forEach(walk);
  };
  walk(before);
  walk(after);
  return [...ids];
}

/** The name of the thing an entry is about, from its own values, when they hold one. */
export function auditSubjectOfValues(before: unknown, after: unknown): string | null {
  for (const side of [after, before]) {
    if (!isRecord(side)) continue;
    for (const key of ["name", "title", "fullName", "username", "label"]) {
      const v = side[key];
      if (typeof v === "string" && v) return v;
    }
  }
  return null;
}
