/** Vietnamese labels of the search dialog (Tìm kiếm); loaded with the dialog. */
export const searchVi = {
  "search.placeholder": "Tìm kế hoạch, chỉ tiêu, nhiệm vụ, đơn vị, báo cáo, người dùng…",
  "search.hint": "Gõ ít nhất 2 ký tự; có dấu hay không dấu đều được.",
  "search.none": "Không tìm thấy kết quả nào trong phạm vi anh/chị được xem.",
  "search.more": "Còn kết quả khác — gõ thêm từ để thu hẹp.",
  "search.keys": "↑↓ chọn · Enter mở · Esc đóng",
} as const;
