/**
 * Vietnamese search folding: lower case, no tone marks, đ → d, spaces collapsed.
 * So "van hoa" finds "Phòng Văn hóa và Thông tin", and "hoá" (old-style accent
 * placement) matches "hóa". Also handles decomposed Unicode from PDF extracts.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether every word of `query` occurs in `text`, both folded. An empty query matches. */
export function matchesFolded(text: string, query: string): boolean {
  const q = foldVietnamese(query);
  if (q === "") return true;
  const t = foldVietnamese(text);
  return q.split(" ").every((word) => t.includes(word));
}
