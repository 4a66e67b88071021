import type { exportsVi } from "./exports.vi.ts";

export const exportsEn: Record<keyof typeof exportsVi, string> = {
  "export.button": "Export",
  "export.csv": "CSV (.csv)",
  "export.json": "JSON (.json)",
  "export.xlsx": "Excel (XLSX)",
  "export.tasks": "Tasks",
  "export.myTasks": "My tasks",
  "export.targets": "Targets",
  "export.indicatorValues": "Units' indicator figures",
  "export.hint": "With the current filters, every row",
};
