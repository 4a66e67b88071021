/**
 * Validation messages in Vietnamese that name the field: the schemas here are parsed by
 * the web form and by the server, and a person should read "Nhập Tên đăng nhập", never
 * "Invalid input: expected string, received undefined" or "Invalid UUID". Both sides
 * install `vietnameseIssue` as zod's customError; a message written in a schema wins.
 */
import type { z } from "zod";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** Field names as people know them; the last named step of an issue's path is looked up. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  currentPassword: "Mật khẩu hiện tại",
  newPassword: "Mật khẩu mới",
  fullName: "Họ và tên",
  email: "Thư điện tử",
  grants: "Vai trò",
  role: "Vai trò",
  unitId: "Đơn vị",
  parentId: "Đơn vị cấp trên",
  leadUnitId: "Đơn vị chủ trì",
  issuerUnitId: "Đơn vị ban hành",
  targetUnitId: "Đơn vị nhận",
  name: "Tên",
  shortName: "Tên viết tắt",
  code: "Mã",
  kind: "Loại",
  title: "Tiêu đề",
  label: "Tên kỳ báo cáo",
  start: "Ngày bắt đầu",
  end: "Ngày kết thúc",
  dueDate: "Hạn nộp",
  deadline: "Thời hạn",
  effectiveDate: "Ngày hiệu lực",
  validFrom: "Ngày hiệu lực",
  comment: "Ý kiến",
  body: "Nội dung",
  reason: "Lý do",
  progress: "Tiến độ",
  note: "Ghi chú",
  numerator: "Tử số",
  denominator: "Mẫu số",
  value: "Giá trị",
  year: "Năm",
  unit: "Đơn vị tính",
  pillar: "Trụ cột",
  indicatorCode: "Chỉ tiêu trong danh mục",
  documentNumber: "Số văn bản",
  documentDate: "Ngày văn bản",
  signer: "Người ký",
  text: "Nội dung",
  difficulties: "Khó khăn, vướng mắc",
  proposals: "Đề xuất, kiến nghị",
  amount: "Số tiền",
  source: "Nguồn vốn",
  version: "Phiên bản",
  issuedDate: "Ngày ban hành",
  periodStart: "Năm bắt đầu",
  periodEnd: "Năm kết thúc",
  visionYear: "Năm tầm nhìn",
  parentPlanCode: "Kế hoạch giai đoạn",
  implementsPlanCode: "Kế hoạch cấp trên",
  section: "Mục",
  comparator: "Cách so sánh",
  scope: "Phạm vi",
  leadNone: "Không có đơn vị chủ trì",
  coordinatorUnitIds: "Đơn vị phối hợp",
  deadlineText: "Thời hạn (theo văn bản)",
  deadlineDate: "Thời hạn",
  recurring: "Thường xuyên",
  cadence: "Chu kỳ",
  taskKey: "Nhiệm vụ",
  targetKey: "Chỉ tiêu",
  amountPlanned: "Kinh phí dự kiến",
  amountDisbursed: "Kinh phí đã giải ngân",
  aggregation: "Cách tổng hợp",
  direction: "Chiều tốt lên",
  numeratorLabel: "Tên tử số",
  denominatorLabel: "Tên mẫu số",
  sourceIds: "Đơn vị được sáp nhập",
  targetId: "Đơn vị nhận",
  newUnit: "Đơn vị mới",
  parts: "Đơn vị mới",
  validTo: "Ngày hết hiệu lực",
  placeName: "Địa danh",
  reportDate: "Ngày báo cáo",
  opening: "Phần mở đầu",
  assessment: "Đánh giá chung",
  nextTasks: "Nhiệm vụ thời gian tới",
  signature: "Người ký",
  recipients: "Nơi nhận",
  evidenceFileIds: "Minh chứng",
  unitIds: "Đơn vị",
  targetKeys: "Chỉ tiêu",
  mode: "Cách thực hiện",
  indicatorConfirmed: "Đã xác nhận chỉ số",
  completedAt: "Ngày hoàn thành",
  active: "Đang hoạt động",
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "chữ",
  number: "số",
  int: "số nguyên",
  boolean: "có hoặc không",
  object: "nhóm thông tin",
  array: "danh sách",
  date: "ngày",
};

/** The field an issue is about, in words, or null when its path names none. */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string | null {
  const names = (path ?? []).filter((p): p is string => typeof p === "string");
  const last = names[names.length - 1];
  return last ? (FIELD_LABELS[last] ?? null) : null;
}

/** zod's customError: a Vietnamese message naming the field, or undefined to keep zod's own (Vietnamese locale). */
export function vietnameseIssue(issue: RawIssue): string | undefined {
  const field = fieldLabel(issue.path);
  // Mid-sentence the label is lower-case: "Nhập tên đăng nhập".
  const lower = field ? field.charAt(0).toLowerCase() + field.slice(1) : null;
  const empty = issue.input === undefined || issue.input === null || issue.input === "";
  switch (issue.code) {
    case "invalid_type":
      if (empty) return lower ? `Nhập ${lower}` : "Thiếu trường bắt buộc";
      return `${field ?? "Giá trị"}: sai kiểu dữ liệu, cần ${TYPE_NAMES[issue.expected as string] ?? "giá trị khác"}`;
    case "invalid_format":
      if ((issue as { format?: string }).format === "uuid")
        return field
          ? `Chưa chọn ${lower} hợp lệ: hãy chọn lại từ danh sách`
          : "Lựa chọn không hợp lệ: hãy chọn lại từ danh sách";
      if ((issue as { format?: string }).format === "email")
        return `${field ?? "Thư điện tử"} không đúng dạng (ví dụ: ten@coquan.gov.vn)`;
      if ((issue as { format?: string }).format === "date") return `${field ?? "Ngày"} không đúng dạng ngày`;
      return field ? `${field} không đúng định dạng` : undefined;
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1)
        return lower ? `Nhập ${lower}` : "Không được để trống";
      return undefined;
    case "invalid_value":
      return field ? `${field}: hãy chọn một giá trị trong danh sách` : undefined;
    default:
      return undefined;
  }
}
