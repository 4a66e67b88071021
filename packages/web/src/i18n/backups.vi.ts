/** Vietnamese labels of the backups page (sao lưu); loaded with that page. */
export const backupsVi = {
  "backups.title": "Sao lưu",
  "backups.subtitle":
    "Mỗi bản sao lưu gồm toàn bộ cơ sở dữ liệu (mọi tỉnh) và mọi tệp minh chứng; khôi phục bằng lệnh dtplan restore.",
  "backups.start": "Sao lưu ngay",
  "backups.started": "Đã sao lưu: {name}",
  "backups.schedule": "Tự động sao lưu mỗi {hours} giờ vào {dir}, giữ {keep} bản mới nhất.",
  "backups.scheduleOff": "Không tự động sao lưu (DTPLAN_BACKUP_EVERY_HOURS=0); các bản ở {dir}.",
  "backups.empty": "Chưa có bản sao lưu nào.",
  "backups.col.time": "Thời điểm",
  "backups.col.size": "Dung lượng",
  "backups.col.contents": "Nội dung",
  "backups.col.schema": "Lược đồ",
  "backups.contents": "{tables} bảng · {rows} dòng · {files} tệp minh chứng",
  "backups.missing": "thiếu {n} tệp minh chứng",
  "backups.incomplete": "Chưa hoàn chỉnh",
  "backups.download": "Tải về",
  "backups.restoreHint": "Khôi phục vào một thư mục dữ liệu hoặc CSDL trống: dtplan restore TỆP",
} as const;
