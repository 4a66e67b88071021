/**
 * English of the messages the shared schemas write, keyed by their Vietnamese (the source,
 * written in each schema): the server answers with it (i18n/errors.en.ts) and the web's forms
 * show it to a person reading in English. Field messages (`fieldIssue`) read through
 * `fieldMessageEnglish`.
 */
import { fieldMessageEnglish } from "./messages.ts";

export const SCHEMA_MESSAGES_EN: Readonly<Record<string, string>> = {
  "Nhập tên đăng nhập": "Enter the username",
  "Nhập mật khẩu": "Enter the password",
  "Tên bản sao lưu không hợp lệ": "Invalid backup name",
  "Số tiền không âm": "The amount cannot be negative",
  "Nhập tên hạng mục": "Enter the item's name",
  "Không có thay đổi nào": "Nothing to change",
  "Mã định danh không hợp lệ": "Invalid identifier",
  "Ngày phải có dạng YYYY-MM-DD": "A date must look like YYYY-MM-DD",
  "Mã kế hoạch chỉ gồm chữ thường không dấu, số và gạch ngang":
    "A plan code has only lowercase letters without accents, digits and hyphens",
  "Mã kỳ báo cáo không hợp lệ": "Invalid reporting period code",
  "Thẩm quyền ký tối đa 120 ký tự": "The signing authority is at most 120 characters",
  "Họ tên người ký tối đa 120 ký tự": "The signer's name is at most 120 characters",
  "Số văn bản tối đa 20 ký tự": "The document number is at most 20 characters",
  "Số văn bản chỉ gồm chữ số, chữ cái, dấu chấm, gạch ngang":
    "The document number has only digits, letters, dots and hyphens",
  "Nhập địa danh": "Enter the place name",
  "Địa danh tối đa 100 ký tự": "The place name is at most 100 characters",
  "Nơi nhận không được để trống": "A recipient cannot be empty",
  "Nơi nhận tối đa 300 ký tự": "A recipient is at most 300 characters",
  "Tối đa 40 nơi nhận": "At most 40 recipients",
  "Mã chỉ tiêu không hợp lệ": "Invalid target code",
  "Định dạng xuất phải là csv, json hoặc xlsx": "The export format must be csv, json or xlsx",
  "Trụ cột không hợp lệ": "Invalid pillar",
  "Nhập mã chỉ số": "Enter the indicator code",
  "Mã chỉ số tối đa 30 ký tự": "The indicator code is at most 30 characters",
  "Mã chỉ số chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang":
    "An indicator code has only letters without accents, digits, dots and hyphens",
  "Nhập tên chỉ số": "Enter the indicator's name",
  "Nhập đơn vị tính": "Enter the unit of measure",
  "Nhập mã đơn vị": "Enter the unit code",
  "Mã đơn vị tối đa 50 ký tự": "The unit code is at most 50 characters",
  "Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang":
    "A unit code has only letters without accents, digits, dots and hyphens",
  "Nhập tên đơn vị": "Enter the unit's name",
  "Tên đơn vị tối đa 300 ký tự": "The unit's name is at most 300 characters",
  "Chọn loại đơn vị": "Choose the kind of unit",
  "Loại đơn vị không hợp lệ": "Invalid kind of unit",
  "Chọn ít nhất một đơn vị để sáp nhập": "Choose at least one unit to merge",
  "Chia tách cần ít nhất hai đơn vị mới": "A split needs at least two new units",
  "Chọn ít nhất một cột": "Choose at least one column",
  "Nhập tên kế hoạch": "Enter the plan's title",
  "Nhập nội dung chỉ tiêu": "Enter the target's text",
  "Nhập nội dung nhiệm vụ": "Enter the task's text",
  "Nhập lý do điều chỉnh": "Enter the reason for the amendment",
  "Định dạng phải là csv, xlsx hoặc json": "The format must be csv, xlsx or json",
  "Ngôn ngữ phải là vi hoặc en": "The language must be vi or en",
  "Mã tỉnh chỉ gồm chữ thường không dấu, số và gạch ngang":
    "A province code has only lowercase letters without accents, digits and hyphens",
  "Ngày kết thúc phải sau ngày bắt đầu": "The end date must be after the start date",
  "Hạn báo cáo phải sau ngày bắt đầu kỳ": "The reporting deadline must be after the period's start",
  "Nhập tên kỳ báo cáo": "Enter the period name",
  "Số liệu không được âm": "A figure cannot be negative",
  "Tiến độ không được nhỏ hơn 0%": "Progress cannot be below 0%",
  "Tiến độ không được vượt quá 100%": "Progress cannot exceed 100%",
  "Tử số không được lớn hơn mẫu số": "The numerator cannot be larger than the denominator",
  "Nhập lý do trả lại báo cáo": "Enter the reason for returning the report",
  "Chọn ít nhất một báo cáo": "Choose at least one report",
  "Mỗi lần xử lý tối đa 500 báo cáo": "At most 500 reports at a time",
  "Chọn ít nhất một mục": "Choose at least one item",
  "Mỗi lần xử lý tối đa 1000 mục": "At most 1000 items at a time",
  "Nhập ít nhất 2 ký tự để tìm": "Type at least 2 characters to search",
  "Từ khoá tìm kiếm quá dài": "The search words are too long",
  "Nhập lý do mở lại báo cáo": "Enter the reason for reopening the report",
  "Tiến độ từ 0 đến 100": "Progress is from 0 to 100",
  "Nhập nội dung": "Enter the text",
  "Tên đăng nhập tối thiểu 3 ký tự": "A username has at least 3 characters",
  "Nhập họ và tên": "Enter the full name",
  "Địa chỉ email không hợp lệ": "Invalid e-mail address",
  "Cấp ít nhất một vai trò trên một đơn vị": "Grant at least one role on a unit",
  "Địa chỉ lịch không hợp lệ": "The calendar address is not valid",
  "Nhập mật khẩu hiện tại": "Enter the current password",
  "Chọn ít nhất một đơn vị cần chuyển công việc": "Choose at least one unit whose work is to be moved",
  "Tối đa 200 đơn vị một lần": "At most 200 units at a time",
  "Chọn ít nhất một loại công việc": "Choose at least one kind of work",
  "Chọn ít nhất một đơn vị": "Choose at least one unit",
  "Chọn ít nhất một chỉ tiêu": "Choose at least one target",
  "Hạn nộp phải sau ngày bắt đầu": "The deadline must be after the start date",
  "Nhập điểm sau điều chỉnh": "Enter the adjusted score",
  "Mã chỉ số chỉ gồm chữ, số, dấu chấm, gạch ngang":
    "An indicator code has only letters, digits, dots and hyphens",
  "Mã bộ chỉ số chỉ gồm chữ thường không dấu, số và gạch ngang":
    "A framework code has only lowercase letters without accents, digits and hyphens",
  "Điểm không được âm": "A score cannot be negative",
  "Nhập mô tả mức": "Enter the level's description",
  "Cần ít nhất một mức": "At least one level is needed",
  "Cần ít nhất một ngưỡng": "At least one threshold is needed",
  "Nhập tên bộ chỉ số": "Enter the framework's name",
  "Nhập tên đợt đánh giá": "Enter the round's name",
  "Chọn ít nhất một đơn vị được đánh giá": "Choose at least one unit to assess",
  "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang":
    "A username has only lowercase letters without accents, digits, dots, underscores and hyphens",
  "Số tiền là số nguyên (đồng)": "An amount is a whole number (dong)",
  "Tiến độ phải là số nguyên": "Progress must be a whole number",
  // the consolidated report's narrative sections, named in its length messages
  "Đoạn mở đầu": "The opening",
  "Đánh giá chung": "The overall assessment",
  "Khó khăn, vướng mắc": "Difficulties",
  "Đề xuất, kiến nghị": "Proposals",
  "Nhiệm vụ kỳ tới": "Next period's tasks",
};

/** Messages the schemas write with a value in them. */
const WITH_VALUES: [RegExp, (m: RegExpMatchArray) => string | null][] = [
  [/^Mật khẩu tối thiểu (\d+) ký tự$/, (m) => `A password has at least ${m[1]} characters`],
  [/^Mật khẩu tối đa (\d+) ký tự$/, (m) => `A password has at most ${m[1]} characters`],
  [
    /^(.+) tối đa 20\.000 ký tự$/,
    (m) => {
      const part = SCHEMA_MESSAGES_EN[m[1]];
      return part ? `${part} is at most 20,000 characters` : null;
    },
  ],
];

/** The English of a message the shared schemas write (their own or a field message), or null. */
export function schemaMessageEnglish(vi: string): string | null {
  const exact = SCHEMA_MESSAGES_EN[vi];
  if (exact) return exact;
  for (const [pattern, english] of WITH_VALUES) {
    const m = vi.match(pattern);
    if (m) return english(m);
  }
  return fieldMessageEnglish(vi);
}
