import { foldVietnamese } from "@dtplan/domain/text/fold.ts";

// One folding for the whole product: "van hoa" finds "Phòng Văn hóa và Thông tin",
// "hoá" matches "hóa", decomposed Unicode from PDF extracts folds the same.
export { foldVietnamese };

/** Whether every word of `query` occurs in `text`, both folded. An empty query matches. */
export function matchesFolded(text: string, query: string): boolean {
  const q = foldVietnamese(query);
  if (q === "") return true;
  const t = foldVietnamese(text);
  return q.split(" ").every((word) => t.includes(word));
}

/** A picker's search (antd Select `showSearch`): its options found by what is typed, with or without diacritics. */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    matchesFolded(String(option?.label ?? ""), input),
};
