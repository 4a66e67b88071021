import type { searchVi } from "./search.vi.ts";

/** English labels of the search dialog. */
export const searchEn: Record<keyof typeof searchVi, string> = {
  "search.placeholder": "Find plans, targets, tasks, units, reports, people…",
  "search.hint": "Type at least 2 characters; diacritics are optional.",
  "search.none": "Nothing found among what you may see.",
  "search.more": "More results — type more words to narrow them.",
  "search.keys": "↑↓ select · Enter open · Esc close",
};
