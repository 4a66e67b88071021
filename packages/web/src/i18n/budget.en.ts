import type { budgetVi } from "./budget.vi.ts";

export const budgetEn: Record<keyof typeof budgetVi, string> = {
  "budget.title": "Budget line items",
  "budget.planTotal": "Plan total",
  "budget.planned": "Sum of planned amounts",
  "budget.disbursed": "Disbursed",
  "budget.disbursedShare": "{p} of planned",
  "budget.col.title": "Item (task, project)",
  "budget.col.source": "Funding source",
  "budget.col.year": "Year",
  "budget.col.planned": "Planned (VND)",
  "budget.col.disbursed": "Disbursed (VND)",
  "budget.add": "Add item",
  "budget.edit": "Edit item",
  "budget.delete": "Delete",
  "budget.deleteConfirm": "Delete the item “{title}”?",
  "budget.empty":
    "No budget items yet. Add the funded tasks and projects to follow planned and disbursed amounts.",
  "budget.field.task": "Plan task (when the item is one)",
  "budget.field.taskNone": "Not tied to a task",
  "budget.saved": "Budget item saved",
  "budget.deleted": "Budget item deleted",
  "budget.byYear": "By year",
  "budget.bySource": "By source",
  "budget.noYear": "Year not set",
  "budget.noSource": "Source not set",
};
