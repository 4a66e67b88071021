/** Vietnamese labels of the export menu (Xuất dữ liệu); loaded with the screens that show it. */
export const exportsVi = {
  "export.button": "Xuất dữ liệu",
  "export.csv": "CSV (.csv)",
  "export.json": "JSON (.json)",
  "export.xlsx": "Excel (XLSX)",
  "export.tasks": "Nhiệm vụ",
  "export.myTasks": "Việc của tôi",
  "export.targets": "Chỉ tiêu",
  "export.indicatorValues": "Số liệu chỉ số của đơn vị",
  "export.hint": "Theo bộ lọc đang chọn, mọi dòng",
} as const;
