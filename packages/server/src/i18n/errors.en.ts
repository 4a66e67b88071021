// English text of the messages the server answers with, keyed by their Vietnamese
// text (the source, written where each error is thrown). A message not listed here is
// answered with the English default of its error code, so English is never mixed.

/** Messages written as plain strings (the shared schemas' own are in contracts/messages.en.ts). */
export const EXACT_EN: Record<string, string> = {
  // errors.ts — the defaults of each code and the boundary messages
  "Yêu cầu không hợp lệ.": "The request is not valid.",
  "Dữ liệu gửi lên không hợp lệ.": "The data sent is not valid.",
  "Bạn cần đăng nhập.": "You need to sign in.",
  "Bạn không có quyền thực hiện thao tác này.": "You are not allowed to do this.",
  "Không tìm thấy.": "Not found.",
  "Dữ liệu xung đột với dữ liệu đã có.": "The data conflicts with existing data.",
  "Phiên làm việc không hợp lệ (thiếu hoặc sai mã chống giả mạo). Hãy tải lại trang.":
    "The session is not valid (the anti-forgery token is missing or wrong). Reload the page.",
  "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.": "Too many attempts. Please try again later.",
  "Dữ liệu gửi lên quá lớn.": "The data sent is too large.",
  "Tệp gửi lên quá lớn.": "The file sent is too large.",
  "Định dạng dữ liệu không được hỗ trợ; hãy gửi JSON.": "This data format is not supported; send JSON.",
  "Máy chủ đang bận. Vui lòng thử lại sau ít phút.": "The server is busy. Please try again in a few minutes.",
  "Đã có lỗi xảy ra trên máy chủ. Vui lòng thử lại sau.":
    "Something went wrong on the server. Please try again later.",
  "Dữ liệu JSON không hợp lệ: nội dung gửi lên không đúng cú pháp JSON (kiểm tra dấu ngoặc, dấu phẩy, dấu nháy).":
    "Invalid JSON: the body sent is not valid JSON syntax (check brackets, commas and quotes).",
  "JSON không hợp lệ": "Invalid JSON",
  "Dữ liệu JSON không hợp lệ: nội dung rỗng.": "Invalid JSON: the body is empty.",
  "Nội dung rỗng": "Empty body",
  "Quá lớn": "Too large",
  "Độ dài nội dung (Content-Length) không khớp với dữ liệu gửi lên.":
    "The Content-Length does not match the data sent.",
  "Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự điều khiển như NUL).":
    "The data sent contains invalid characters (control characters such as NUL).",
  "Dữ liệu bị trùng với dữ liệu đã có.": "The data duplicates existing data.",
  "Dữ liệu đang được dữ liệu khác tham chiếu hoặc tham chiếu tới dữ liệu không tồn tại.":
    "The data is referenced by other data, or refers to data that does not exist.",
  "Giá trị không hợp lệ": "Invalid value",
  "Ký tự không hợp lệ": "Invalid character",
  "Thiếu trường bắt buộc": "Required field missing",

  // server — access and sessions
  "Không tìm thấy đơn vị.": "Unit not found.",
  "Yêu cầu đến từ một trang khác bị từ chối.": "A request coming from another site is refused.",
  "Bạn cần đăng nhập (phiên làm việc không tồn tại hoặc đã hết hạn).":
    "You need to sign in (the session does not exist or has expired).",
  "Chỉ quản trị viên toàn hệ thống được thực hiện thao tác này.":
    "Only a system-wide administrator may do this.",
  "Mã tỉnh (x-dtplan-province hoặc ?province=) phải là mã định danh (UUID).":
    "The province (x-dtplan-province or ?province=) must be an identifier (UUID).",
  "Tên đăng nhập hoặc mật khẩu không đúng.": "The username or password is wrong.",
  "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.":
    "You have sent too many requests. Please try again in a few minutes.",

  // backup
  "Bản sao lưu vừa tạo đã bị xoá (DTPLAN_BACKUP_KEEP quá nhỏ?).":
    "The backup just made has already been deleted (DTPLAN_BACKUP_KEEP too small?).",
  "Không có bản sao lưu này.": "There is no such backup.",

  // budget
  "Không tìm thấy hạng mục kinh phí.": "Budget item not found.",
  "Nhiệm vụ không thuộc kế hoạch này.": "The task is not part of this plan.",
  "Không thuộc kế hoạch": "Not part of the plan",

  // consolidated report
  "Chỉ chuyên viên đầu mối hoặc lãnh đạo của đơn vị ban hành kế hoạch được sửa báo cáo tổng hợp.":
    "Only the focal officer or a leader of the plan's issuing unit may edit the consolidated report.",
  "Báo cáo tổng hợp vừa được lưu; hãy tải lại.": "The consolidated report has just been saved; reload it.",
  "Máy chủ chưa cài LibreOffice (soffice) nên chưa xuất được PDF; hãy tải bản DOCX, hoặc nhờ quản trị cài gói libreoffice-writer-nogui.":
    "LibreOffice (soffice) is not installed on the server, so no PDF can be made; download the DOCX, or ask the administrator to install the libreoffice-writer-nogui package.",

  // dashboard, evidence
  "Không tìm thấy chỉ tiêu trong kế hoạch.": "Target not found in the plan.",
  "Không tìm thấy tệp minh chứng.": "Evidence file not found.",
  "Tệp minh chứng không còn trong kho lưu trữ.": "The evidence file is no longer in storage.",

  // org
  "Chỉ quản trị viên cấp cao nhất mới tạo được đơn vị cấp cao nhất (tỉnh, thành phố).":
    "Only a top-level administrator may create a top-level unit (a province or city).",
  "Không tìm thấy đơn vị cấp trên.": "Parent unit not found.",
  "Chọn một đơn vị nhận sáp nhập hoặc khai báo một đơn vị mới (chỉ một).":
    "Choose a unit to merge into, or declare a new unit (only one).",
  "Cần đúng một trong targetId, newUnit": "Exactly one of targetId, newUnit is needed",
  "Không tìm thấy một số đơn vị cần sáp nhập.": "Some of the units to merge were not found.",
  "Chỉ sáp nhập các đơn vị trong cùng một tỉnh.": "Only units of the same province can be merged.",
  "Không thể sáp nhập đơn vị cấp cao nhất (tỉnh).": "A top-level unit (a province) cannot be merged.",
  "Không thể chia tách đơn vị cấp cao nhất (tỉnh).": "A top-level unit (a province) cannot be split.",
  "Không thể chuyển đơn vị cấp cao nhất (tỉnh) vào dưới một đơn vị khác.":
    "A top-level unit (a province) cannot be moved under another unit.",
  "Không tìm thấy đơn vị cấp trên mới.": "New parent unit not found.",
  "Không thể chuyển đơn vị sang một tỉnh khác.": "A unit cannot be moved to another province.",
  "Đơn vị cấp trên thuộc tỉnh khác": "The parent unit is in another province",
  "Không thể chuyển một đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó.":
    "A unit cannot be moved under itself or one of its own subunits.",
  "Ngày kết thúc không được trước ngày bắt đầu hiệu lực.": "The end date cannot be before the start date.",
  "Trước ngày bắt đầu hiệu lực": "Before the start date",
  "Ngày hiệu lực không hợp lệ.": "Invalid effective date.",
  "Chọn ít nhất một đơn vị để sáp nhập.": "Choose at least one unit to merge.",
  "Chia tách cần ít nhất hai đơn vị mới.": "A split needs at least two new units.",

  // plans
  "Kế hoạch chưa ban hành: sửa trực tiếp bản nháp rồi ban hành.":
    "The plan is not published yet: edit the draft directly, then publish it.",
  "Máy chủ đang đọc nhiều tệp kế hoạch khác; hãy thử nhập lại sau ít phút.":
    "The server is reading many other plan files; try the import again in a few minutes.",
  "Tệp kế hoạch quá phức tạp, không đọc xong trong thời gian cho phép. Hãy lưu lại tệp (hoặc xuất lại PDF) rồi nhập lại.":
    "The plan file is too complex to read in the time allowed. Save the file again (or export the PDF again) and import it again.",
  "Tệp kế hoạch quá phức tạp hoặc bị hỏng, không đọc được. Hãy lưu lại tệp (hoặc xuất lại PDF) rồi nhập lại.":
    "The plan file is too complex or damaged to read. Save the file again (or export the PDF again) and import it again.",
  "Chọn đơn vị ban hành kế hoạch (trường `unitId`).": "Choose the plan's issuing unit (field `unitId`).",
  "Thiếu hoặc sai mã đơn vị": "Unit id missing or wrong",
  "Chọn tệp kế hoạch (trường `file`).": "Choose the plan file (field `file`).",
  "Thiếu tệp": "File missing",
  "Không tìm thấy kế hoạch.": "Plan not found.",
  "Hãy gửi tệp kế hoạch dạng multipart/form-data (trường `file` và `unitId`).":
    "Send the plan file as multipart/form-data (fields `file` and `unitId`).",
  "Dữ liệu tải lên không hợp lệ hoặc bị cắt ngắn; hãy chọn lại tệp kế hoạch và gửi lại.":
    "The upload is invalid or cut short; choose the plan file again and send it again.",
  "Không có cột này": "No such column",
  "Kế hoạch vừa được điều chỉnh sang phiên bản khác; hãy tải lại.":
    "The plan has just been amended to another version; reload it.",
  "Không tìm thấy chỉ tiêu.": "Target not found.",
  "Không tìm thấy nhiệm vụ.": "Task not found.",
  "Đơn vị được chọn không thuộc tỉnh của kế hoạch.": "The chosen unit is not in the plan's province.",
  "Chỉ tiêu chưa gắn chỉ số nên chưa xác nhận được.":
    "The target has no indicator yet, so there is nothing to confirm.",
  "Nhiệm vụ đã do đơn vị này chủ trì.": "This unit already leads the task.",
  "Chỉ số của chỉ tiêu đã được xác nhận.": "The target's indicator is already confirmed.",
  "Kế hoạch không thể liên kết tới chính nó.": "A plan cannot link to itself.",
  "Kế hoạch chưa liên kết với kế hoạch cấp trên; hãy xác nhận kế hoạch cấp trên trước.":
    "The plan is not linked to a higher-level plan; confirm the higher-level plan first.",
  "Kế hoạch cấp trên chưa ban hành nên chưa có chỉ tiêu để liên kết.":
    "The higher-level plan is not published yet, so it has no targets to link to.",
  "Vị trí tách phải nằm giữa nội dung, để lại chữ ở cả hai phần.":
    "The split position must be inside the text, leaving text in both parts.",
  "Chọn hai mục khác nhau để gộp.": "Choose two different items to merge.",

  // province, public
  "Kỳ không có trong các kế hoạch": "The period is in none of the plans",
  "Chỉ cán bộ theo dõi, lãnh đạo hoặc quản trị cấp tỉnh xem được số liệu toàn tỉnh.":
    "Only a province monitoring officer, leader or administrator can see the whole province's figures.",
  "Không tìm thấy kế hoạch đã ban hành này.": "This published plan was not found.",
  "Không tìm thấy tỉnh, thành phố này.": "This province or city was not found.",

  // reminders
  "Không tìm thấy thông báo.": "Notification not found.",
  "Không tìm thấy lịch: địa chỉ đã bị thu hồi hoặc đã được tạo lại.":
    "Calendar not found: the address was revoked or replaced by a new one.",
  "Chỉ chuyên viên đầu mối hoặc lãnh đạo được nhắc các đơn vị.":
    "Only the focal officer or a leader may remind the units.",

  // reporting
  "Chỉ chuyên viên đầu mối hoặc lãnh đạo được điều chỉnh kỳ báo cáo.":
    "Only the focal officer or a leader may adjust a reporting period.",
  "Chỉ chuyên viên đầu mối hoặc lãnh đạo được duyệt hoặc trả lại báo cáo.":
    "Only the focal officer or a leader may approve or return a report.",
  "Chỉ chuyên viên đầu mối hoặc lãnh đạo được mở lại báo cáo đã duyệt.":
    "Only the focal officer or a leader may reopen an approved report.",
  "Không tìm thấy báo cáo.": "Report not found.",
  "Đơn vị chưa mở báo cáo kỳ này.": "The unit has not opened its report for this period.",
  "Đơn vị chưa lập báo cáo kỳ này.": "The unit has not drawn up its report for this period.",
  "Chỉ mở lại được báo cáo đã duyệt.": "Only an approved report can be reopened.",
  "Hãy gửi tệp Excel dạng multipart/form-data (trường `file`).":
    "Send the Excel file as multipart/form-data (field `file`).",
  "Tệp Excel quá lớn (tối đa 5 MB).": "The Excel file is too large (at most 5 MB).",
  "Tệp Excel quá lớn.": "The Excel file is too large.",
  "Chọn tệp Excel bộ chỉ số (trường `file`).": "Choose the framework's Excel file (field `file`).",
  "Hãy gửi tệp Excel dạng multipart/form-data (trường `file`) kèm mã, năm, tên bộ chỉ số.":
    "Send the Excel file as multipart/form-data (field `file`) with the framework's code, year and name.",
  "Tệp tải lên không phải tệp Excel (.xlsx) của bộ chỉ số.":
    "The uploaded file is not an Excel (.xlsx) file of a framework.",
  "Chọn tệp Excel (trường `file`).": "Choose the Excel file (field `file`).",
  "Tệp tải lên không phải tệp Excel (.xlsx) của biểu mẫu báo cáo.":
    "The uploaded file is not the report form's Excel file (.xlsx).",
  "Không đọc được tệp .xlsx": "The .xlsx file cannot be read",
  "Kế hoạch chưa ban hành nên chưa có kỳ báo cáo.":
    "The plan is not published, so it has no reporting periods yet.",
  "Đơn vị không phải báo cáo trong kỳ này.": "The unit does not report in this period.",
  "Bạn chỉ xem được báo cáo của đơn vị mình.": "You can only see your own unit's report.",
  "Không tìm thấy kỳ báo cáo.": "Reporting period not found.",
  "Báo cáo đã được duyệt.": "The report is already approved.",
  "Báo cáo đã được duyệt và khoá số liệu; cần chuyên viên đầu mối mở lại trước khi sửa.":
    "The report is approved and its figures are locked; the focal officer must reopen it before it can be edited.",
  "Báo cáo đã nộp và đang chờ duyệt; không sửa được cho tới khi bị trả lại.":
    "The report is submitted and awaiting review; it cannot be edited unless it is returned.",
  "Nhiệm vụ không thuộc báo cáo của đơn vị": "The task is not part of the unit's report",
  "Chỉ tiêu không thuộc báo cáo của đơn vị": "The target is not part of the unit's report",
  "Tệp minh chứng không tồn tại hoặc không thuộc báo cáo này":
    "The evidence file does not exist or does not belong to this report",
  "Báo cáo chưa được nộp: tải bản báo cáo về sau khi nộp.":
    "The report has not been submitted yet: download it once it is submitted.",
  "Báo cáo chưa được lập; hãy mở và lưu báo cáo trước khi nộp.":
    "The report has not been drawn up; open and save it before submitting.",
  "Báo cáo đã được duyệt và khoá số liệu.": "The report is approved and its figures are locked.",
  "Chỉ chuyên viên đầu mối, lãnh đạo và cán bộ theo dõi cấp tỉnh xem được số liệu và báo cáo của các đơn vị; cán bộ báo cáo xem báo cáo của đơn vị mình.":
    "Only the focal officer, leaders and province monitoring officers can see the units' figures and reports; a reporter sees their own unit's report.",

  // tasks
  "Kế hoạch chưa ban hành nên chưa theo dõi được tiến độ nhiệm vụ.":
    "The plan is not published, so task progress cannot be followed yet.",
  "Ngày hoàn thành không được sau hôm nay.": "The completion date cannot be after today.",
  "Sau ngày hôm nay": "After today",
  "Tiến độ nhiệm vụ vừa được người khác cập nhật; hãy tải lại trang rồi thử lại.":
    "Someone else has just updated the task's progress; reload the page and try again.",
  "Chỉ cán bộ báo cáo của đơn vị chủ trì hoặc chuyên viên đầu mối được cập nhật tiến độ nhiệm vụ này.":
    "Only a reporter of the lead unit or the focal officer may update this task's progress.",
  "Chỉ lãnh đạo hoặc chuyên viên đầu mối được cho ý kiến chỉ đạo.":
    "Only a leader or the focal officer may give a direction.",
  "Bạn không tham gia nhiệm vụ này nên không gửi được ý kiến.":
    "You are not part of this task, so you cannot comment on it.",
  "Chỉ cán bộ của đơn vị chủ trì, đơn vị phối hợp hoặc chuyên viên đầu mối được gửi minh chứng.":
    "Only staff of the lead or coordinating units, or the focal officer, may send evidence.",

  // users
  "Hệ thống đã có quản trị viên cấp cao nhất; hãy đăng nhập bằng tài khoản đó để tạo thêm tài khoản.":
    "The system already has a top-level administrator; sign in with that account to create more accounts.",
  "Không tìm thấy đơn vị được cấp vai trò.": "The unit of a granted role was not found.",
  "Chỉ quản trị viên cấp cao nhất mới thay đổi được tài khoản quản trị viên cấp cao nhất.":
    "Only a top-level administrator may change a top-level administrator's account.",
  "Không tìm thấy tài khoản.": "Account not found.",
  "Kế hoạch đã ban hành nên không xóa được; muốn thay đổi, hãy lập bản điều chỉnh, bổ sung.":
    "The plan is published, so it cannot be deleted; to change it, start an amendment.",
  "Bản điều chỉnh giữ đơn vị ban hành của kế hoạch; chỉ đổi được đơn vị của bản nháp đầu tiên.":
    "An amendment keeps the plan's issuing unit; only a first draft can move to another unit.",
  "Đơn vị ban hành phải là một đơn vị trong cùng tỉnh.":
    "The issuing unit must be a unit of the same province.",
  "Chọn một đơn vị trong cùng tỉnh": "Choose a unit of the same province",
  "Chưa có kế hoạch nào cùng số và ngày văn bản với tệp này; hãy nhập như kế hoạch mới.":
    "No plan has this file's document number and date yet; import it as a new plan.",
  "Cách nhập không hợp lệ (trường `mode`: new hoặc amendment).":
    "The import mode is not valid (field `mode`: new or amendment).",
  "Chọn nhập mới hoặc nhập làm bản điều chỉnh": "Choose a new import or an import as an amendment",

  // reassigning a closed unit's work
  "Không tìm thấy đơn vị cần chuyển công việc.": "A unit whose work is to be moved was not found.",
  "Chỉ chuyển công việc giữa các đơn vị trong cùng một tỉnh.":
    "Work can only be moved between units of one province.",
  "Đơn vị thuộc tỉnh khác": "The unit is in another province",
  "Trùng với đơn vị chuyển đi": "Same as the unit moved from",
  "Chọn mỗi đơn vị một lần": "Choose each unit once",
  "Chọn người dùng chỉ áp dụng cho việc chuyển quyền.": "Choosing users applies only to moving grants.",
  'Chỉ dùng với kinds: ["grant"]': 'Only with kinds: ["grant"]',

  // explicit reporting units of targets

  // DTI (digital transformation index) frameworks, rounds and self-assessments
  "Đơn vị chỉ xem được tự đánh giá của mình; kết quả các đơn vị khác dành cho cấp tỉnh.":
    "A unit sees only its own self-assessment; the other units' results are for the province.",
  "Chỉ cán bộ báo cáo của đơn vị được tự đánh giá cho đơn vị.":
    "Only the unit's reporters may self-assess for the unit.",
  "Đơn vị không thuộc đợt đánh giá này.": "The unit is not part of this assessment round.",
  "Tệp minh chứng không thuộc bản tự đánh giá này (hãy tải tệp lên trước)":
    "The evidence file does not belong to this self-assessment (upload the file first)",
  "Không tìm thấy kế hoạch trong tỉnh": "Plan not found in the province",
  "Chỉ dẫn được báo cáo đã duyệt của chính đơn vị": "Only the unit's own approved reports can be cited",
  "Đợt đánh giá đã khóa số liệu: không trả lại đơn vị được nữa":
    "The round's figures are locked: it can no longer be returned to the unit",
  "Không tìm thấy tỉnh đã chọn.": "The chosen province was not found.",
  "Chỉ chuyên viên đầu mối cấp tỉnh quản lý bộ chỉ số và đợt đánh giá DTI.":
    "Only the province's focal officer manages DTI frameworks and rounds.",
  "Chỉ chuyên viên đầu mối và lãnh đạo cấp tỉnh thẩm định điểm DTI.":
    "Only the province's focal officer and leaders verify DTI scores.",
  "Kết quả DTI của các đơn vị chỉ dành cho lãnh đạo, chuyên viên đầu mối và cán bộ theo dõi cấp tỉnh cho đến khi được công bố.":
    "The units' DTI results are only for the province's leaders, focal officer and monitoring officers until they are published.",
  "Không tìm thấy đơn vị trong đợt đánh giá.": "Unit not found in the assessment round.",
  "Không tìm thấy đợt đánh giá DTI.": "DTI assessment round not found.",
  "Không tìm thấy bộ chỉ số DTI.": "DTI framework not found.",
  "Bộ chỉ số đang được dùng trong một đợt đánh giá đã mở; hãy sao chép sang năm mới để chỉnh sửa.":
    "The framework is used by an open round; copy it to a new year to edit it.",
  "Có đơn vị không thuộc tỉnh này.": "Some units are not in this province.",
  "Không tìm thấy đơn vị trong tỉnh": "Unit not found in the province",
  "Chỉ mở được đợt đánh giá đang chuẩn bị.": "Only a round in preparation can be opened.",
  "Chỉ khóa được đợt đánh giá đang mở.": "Only an open round can be closed.",
  "Chỉ công bố được đợt đánh giá đã khóa số liệu.": "Only a round whose figures are locked can be published.",

  // what a stale save names (stale-version.ts)
  "Chỉ tiêu này": "This target",
  "Nhiệm vụ này": "This task",
  "Hạng mục kinh phí này": "This budget item",
  "Báo cáo tổng hợp": "The consolidated report",
};

type Translate = (vi: string) => string | null;

/**
 * Messages with parts filled in where they are thrown. A replacement gets the match and
 * a translator for nested parts (a list of problems); it returns null when a part has no
 * English text, and the caller then falls back to the code's default.
 */
export const PATTERNS_EN: [RegExp, (m: RegExpMatchArray, t: Translate) => string | null][] = [
  [
    /^Kế hoạch «(.+)» đang có bản nháp \(phiên bản (\d+)\): hãy mở bản nháp đó để sửa, hoặc xóa nó rồi nhập lại\.$/,
    (m) =>
      `The plan «${m[1]}» has a draft (version ${m[2]}): open that draft to edit it, or delete it and import again.`,
  ],
  [
    /^Dữ liệu gửi lên quá lớn \(tối đa (\d+) KB\)\.$/,
    (m) => `The data sent is too large (at most ${m[1]} KB).`,
  ],
  [/^Không có địa chỉ (\S+) (.+)\.$/, (m) => `There is no address ${m[1]} ${m[2]}.`],
  [
    /^Địa chỉ yêu cầu chứa ký tự không hợp lệ \(ký tự điều khiển như NUL, U\+FFFE\) ở (.+)\.$/,
    (m) =>
      `The request address contains invalid characters (control characters such as NUL, U+FFFE) in ${m[1]}.`,
  ],
  [
    /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau (\d+) phút\.$/,
    (m) => `Too many failed sign-ins. Please try again in ${m[1]} minute${m[1] === "1" ? "" : "s"}.`,
  ],
  [
    /^Tệp minh chứng quá lớn \(tối đa (.+) MB\)\.$/,
    (m) => `The evidence file is too large (at most ${m[1]} MB).`,
  ],
  [
    /^Tệp kế hoạch quá lớn(?: \((.+)\))?: dung lượng tối đa là (.+)\. Hãy bỏ bớt ảnh\/phụ lục hoặc tách tệp rồi nhập lại\.$/,
    (m) =>
      `The plan file is too large${m[1] ? ` (${mb(m[1])})` : ""}: the maximum is ${mb(m[2])}. Remove some images/appendices or split the file, then import again.`,
  ],
  [/^Tối đa (.+ MB)$/, (m) => `At most ${mb(m[1])}`],
  [/^Không có kế hoạch đã ban hành mã "(.+)"\.$/, (m) => `There is no published plan with code "${m[1]}".`],
  [
    /^Mã kế hoạch "(.+)" có ở nhiều tỉnh; không xác định được kế hoạch\.$/,
    (m) => `Plan code "${m[1]}" exists in several provinces; the plan cannot be determined.`,
  ],
  [
    /^Mã kế hoạch "(.+)" có ở (\d+) tỉnh bạn làm việc; hãy chọn tỉnh \(tham số \?province= hoặc header x-dtplan-province\)\.$/,
    (m) =>
      `Plan code "${m[1]}" exists in ${m[2]} provinces you work in; choose the province (parameter ?province= or header x-dtplan-province).`,
  ],
  [
    /^Mã chỉ số "(.+)" đã có trong danh mục\.$/,
    (m) => `Indicator code "${m[1]}" is already in the catalogue.`,
  ],
  [
    /^Mã đơn vị "(.+)" đã được dùng trong tỉnh này\.$/,
    (m) => `Unit code "${m[1]}" is already used in this province.`,
  ],
  [/^Mã đơn vị "(.+)" bị trùng\.$/, (m) => `Unit code "${m[1]}" is duplicated.`],
  [/^Không tìm thấy đơn vị ([0-9a-f-]{36})\.$/, (m) => `Unit ${m[1]} not found.`],
  [/^Đơn vị nhận phải khác "(.+)"\.$/, (m) => `The receiving unit must differ from "${m[1]}".`],
  [/^Đơn vị "(.+)" được chọn hai lần\.$/, (m) => `Unit "${m[1]}" is chosen twice.`],
  [
    /^Đơn vị "(.+)" đã hết hiệu lực trước ngày chia tách\.$/,
    (m) => `Unit "${m[1]}" was no longer in force before the split date.`,
  ],
  [
    /^Đơn vị nhận sáp nhập không được nằm bên dưới đơn vị bị sáp nhập "(.+)"\.$/,
    (m) => `The receiving unit cannot be under the merged unit "${m[1]}".`,
  ],
  [
    /^Đơn vị nhận sáp nhập "(.+)" không còn hiệu lực vào ngày sáp nhập\.$/,
    (m) => `The receiving unit "${m[1]}" is no longer in force on the merge date.`,
  ],
  [
    /^Chưa thể ban hành: (.+)\.$/,
    (m) => {
      const parts = m[1].split(", ").map((part) => {
        const tasks = part.match(/^(\d+) nhiệm vụ chưa có đơn vị chủ trì$/);
        if (tasks) return `${tasks[1]} task(s) have no lead unit`;
        const targets = part.match(/^(\d+) chỉ tiêu chưa có đơn vị báo cáo$/);
        return targets ? `${targets[1]} target(s) have no reporting unit` : null;
      });
      return parts.includes(null) ? null : `Cannot publish yet: ${parts.join(", ")}.`;
    },
  ],
  [/^Không tìm thấy bảng (.+) trong kế hoạch\.$/, (m) => `Table ${m[1]} not found in the plan.`],
  [
    /^Bảng chỉ có (\d+) cột; không có cột thứ (\d+)\.$/,
    (m) => `The table has only ${m[1]} columns; there is no column ${m[2]}.`,
  ],
  [
    /^Với vai trò cột đã chọn, không đọc được bảng (.+) nữa; hãy chọn lại vai trò \(cần một cột nội dung\)\.$/,
    (m) =>
      `With the chosen column roles, table ${m[1]} can no longer be read; choose the roles again (a text column is needed).`,
  ],
  [
    /^Kế hoạch đã ban hành \(phiên bản (\d+)\) nên không sửa trực tiếp được; hãy tạo bản điều chỉnh, bổ sung\.$/,
    (m) => `The plan is published (version ${m[1]}), so it cannot be edited directly; create an amendment.`,
  ],
  [
    /^Không có chỉ số mã "(.+)" trong danh mục\.$/,
    (m) => `There is no indicator with code "${m[1]}" in the catalogue.`,
  ],
  [
    /^Không có kế hoạch nào trong tỉnh có kỳ "(.+)"\.$/,
    (m) => `No plan in the province has period "${m[1]}".`,
  ],
  [
    /^Dòng (\d+): chỉ tiêu không thuộc kế hoạch này\.$/,
    (m) => `Row ${m[1]}: the target is not in this plan.`,
  ],
  [
    /^Dòng (\d+): chỉ tiêu cấp trên không thuộc kế hoạch (.+)\.$/,
    (m) => `Row ${m[1]}: the higher-level target is not in plan ${m[2]}.`,
  ],
  [
    /^Không có kế hoạch mã "(.+)" trong tỉnh này\.$/,
    (m) => `There is no plan with code "${m[1]}" in this province.`,
  ],
  [
    /^Chỉ cán bộ báo cáo của (.+) được lập và nộp báo cáo này\.$/,
    (m) => `Only the reporters of ${m[1]} may draw up and submit this report.`,
  ],
  [
    /^Báo cáo đã được (.+) cập nhật lúc (.+); hãy tải lại trước khi lưu\.$/,
    (m) => `The report was updated by ${other(m[1])}${savedWhen(` lúc ${m[2]}`)}; reload it before saving.`,
  ],
  [
    /^(.+) đã được (.+) lưu(.*); hãy tải lại trước khi lưu\.$/,
    (m, t) =>
      withPart(
        t(m[1]),
        (what) => `${what} was saved by ${other(m[2])}${savedWhen(m[3])}; reload it before saving.`,
      ),
  ],
  [/^(.+): tỷ lệ phần trăm phải từ 0 đến 100$/, (m) => `${m[1]}: a percentage must be from 0 to 100`],
  [/^(.+): chỉ nhận 1 \(có\) hoặc 0 \(không\)$/, (m) => `${m[1]}: only 1 (yes) or 0 (no) is accepted`],
  [/^Chưa nhập tiến độ nhiệm vụ «(.+)»$/s, (m) => `No progress entered for task «${m[1]}»`],
  [/^Thiếu số liệu chỉ số «(.+)»$/, (m) => `Missing figure for indicator «${m[1]}»`],
  [
    /^Thiếu (tử số|mẫu số) của chỉ số «(.+)»$/,
    (m) => `Missing ${m[1] === "tử số" ? "numerator" : "denominator"} of indicator «${m[2]}»`,
  ],
  [/^Thiếu (.+) của chỉ số «(.+)»$/, (m) => `Missing “${m[1]}” of indicator «${m[2]}»`],
  [/^Tên đăng nhập "(.+)" đã được dùng\.$/, (m) => `Username "${m[1]}" is already taken.`],
  [
    /^Dữ liệu gửi lên không hợp lệ — (.+)$/s,
    (m, t) => withList(m[1], t, (x) => `The data sent is not valid — ${x}`),
  ],
  [/^Báo cáo chưa hợp lệ — (.+)$/s, (m, t) => withList(m[1], t, (x) => `The report is not valid — ${x}`)],
  [
    /^Kỳ báo cáo không hợp lệ — (.+)$/s,
    (m, t) => withList(m[1], t, (x) => `The reporting period is not valid — ${x}`),
  ],
];

const withPart = (part: string | null, f: (x: string) => string) => (part === null ? null : f(part));

/** "người khác" (someone else) or a person's name, which stays as written. */
const other = (who: string) => (who === "người khác" ? "someone else" : who);
/** " lúc 14:05 ngày 03/12/2026" → " at 14:05 on 03/12/2026". */
const savedWhen = (when: string) => when.replace(/^ lúc (\d\d:\d\d) ngày /, " at $1 on ");
const mb = (size: string) => size.replace(/^(\d+),(\d+) MB$/, "$1.$2 MB");

/** "a; b; c", each part "path: message" or a message, translated part by part. */
function withList(list: string, t: Translate, f: (x: string) => string): string | null {
  const parts = list.split("; ").map((part) => {
    const colon = part.match(/^([\w.[\]-]+): (.+)$/s);
    if (colon) return withPart(t(colon[2]), (x) => `${colon[1]}: ${x}`);
    return t(part);
  });
  return parts.some((p) => p === null) ? null : f(parts.join("; "));
}
