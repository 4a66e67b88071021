/**
 * Text folding for matching Vietnamese names and indicator wording.
 *
 * Plans spell the same thing many ways: "hoá"/"hóa", "Uỷ"/"Ủy", decomposed
 * Unicode from PDFs, "UBND" for "Ủy ban nhân dân". Matching compares folded,
 * abbreviation-expanded text; the original text is never altered for display.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, diacritic-free, punctuation-collapsed form: "Phòng Văn hoá & Thông tin" →
 * "phong van hoa thong tin". Equal folds mean "the same words, however typed".
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(NON_WORD, " ")
    .trim();
}

/** One folded text of several parts (missing ones skipped), to search them all at once. */
export function foldedSearchText(...parts: (string | null | undefined)[]): string {
  return foldVietnamese(parts.filter((p) => p).join(" "));
}

/**
 * The letter steps of `foldVietnamese` as SQL runs them on stored text:
 * `translate(lower(normalize(text, NFD)), from, to)` — decomposed, lower case, then đ → d
 * and the combining marks Vietnamese letters carry (tones, breve, circumflex, horn)
 * dropped. `from` stays short on purpose: translate() looks every character up in it.
 * Punctuation is left in place: searches match folded words inside it.
 */
export const FOLD_TRANSLATION: { readonly from: string; readonly to: string } = {
  from: "đĐ\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323",
  to: "dd",
};

/** The folded words of `s`, in order. */
export function foldedTokens(s: string): string[] {
  const folded = foldVietnamese(s);
  return folded === "" ? [] : folded.split(" ");
}

interface Abbreviation {
  /** Spellings as they appear in documents (matched case-insensitively, as whole tokens). */
  forms: string[];
  expansion: string;
}

/**
 * Abbreviations used in plans and unit names. Proper names (units, bodies) keep
 * their capitals; common nouns are lower-case and capitalised only at a sentence start.
 */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  { forms: ["HĐND&UBND", "HĐND-UBND"], expansion: "Hội đồng nhân dân và Ủy ban nhân dân" },
  { forms: ["UBND"], expansion: "Ủy ban nhân dân" },
  { forms: ["HĐND", "HDND"], expansion: "Hội đồng nhân dân" },
  { forms: ["VH&TT", "VH-TT", "VHTT"], expansion: "Văn hóa và Thông tin" },
  { forms: ["TC-KH", "TC&KH", "TCKH"], expansion: "Tài chính – Kế hoạch" },
  { forms: ["KT&HT", "KT-HT", "KTHT"], expansion: "Kinh tế và Hạ tầng" },
  { forms: ["TT&TT", "TT-TT", "TTTT"], expansion: "Thông tin và Truyền thông" },
  { forms: ["KH&CN", "KH-CN", "KHCN"], expansion: "Khoa học và Công nghệ" },
  { forms: ["GD&ĐT", "GD-ĐT", "GDĐT", "GD&DT"], expansion: "Giáo dục và Đào tạo" },
  { forms: ["TN&MT", "TN-MT", "TNMT"], expansion: "Tài nguyên và Môi trường" },
  { forms: ["NN&PTNT", "NN-PTNT", "NNPTNT"], expansion: "Nông nghiệp và Phát triển nông thôn" },
  { forms: ["LĐTB&XH", "LĐ-TB&XH", "LĐTBXH"], expansion: "Lao động – Thương binh và Xã hội" },
  { forms: ["UBMTTQ"], expansion: "Ủy ban Mặt trận Tổ quốc" },
  { forms: ["MTTQ"], expansion: "Mặt trận Tổ quốc" },
  { forms: ["KH&ĐT", "KH-ĐT", "KHĐT"], expansion: "Kế hoạch và Đầu tư" },
  { forms: ["BHXH"], expansion: "Bảo hiểm xã hội" },
  { forms: ["BCĐ", "BCD"], expansion: "Ban Chỉ đạo" },
  { forms: ["CNTT"], expansion: "công nghệ thông tin" },
  { forms: ["TTHC"], expansion: "thủ tục hành chính" },
  { forms: ["DVCTT"], expansion: "dịch vụ công trực tuyến" },
  { forms: ["DVC"], expansion: "dịch vụ công" },
  { forms: ["CBCCVC"], expansion: "cán bộ, công chức, viên chức" },
  { forms: ["CĐS", "CDS"], expansion: "chuyển đổi số" },
  { forms: ["ATTT"], expansion: "an toàn thông tin" },
  { forms: ["CSDL"], expansion: "cơ sở dữ liệu" },
  { forms: ["TMĐT", "TMDT"], expansion: "thương mại điện tử" },
  { forms: ["DNNVV"], expansion: "doanh nghiệp nhỏ và vừa" },
];

const EXPANSION_BY_FORM = new Map<string, string>();
/** "VH & TT", "TC – KH" and "VH&TT" are one form: drop spaces, one kind of dash. */
const formKey = (s: string) => s.replace(/\s+/g, "").replace(/–/g, "-").toLocaleLowerCase("vi");
for (const a of ABBREVIATIONS) for (const f of a.forms) EXPANSION_BY_FORM.set(formKey(f), a.expansion);

// "-" is not escaped: a "\-" outside a class is a syntax error under the "u" flag.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Longest forms first so "TT&TT" wins over a shorter form at the same position.
// "&" joins a longer abbreviation ("VHTT&DL" is not "VHTT"); "-" separates two
// ("HĐND-UBND"), except inside document numbers, which the replacer skips.
const ABBREVIATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}&])(?:${[...EXPANSION_BY_FORM.keys()]
    .sort((a, b) => b.length - a.length)
    // Spaces, not line breaks: "HĐND\n- UBND …" is a line end and a bullet, not "HĐND-UBND".
    .map((f) => escapeRegExp(f).replace(/&/g, "[ \\t]*&[ \\t]*").replace(/-/g, "[ \\t]*[-–][ \\t]*"))
    .join("|")})(?![\\p{L}\\p{N}]|&\\p{L})`,
  "giu",
);

/** "1118/KH-UBND", "56/UBND-VX": an abbreviation inside a document number stays. */
function inDocumentNumber(text: string, offset: number, length: number): boolean {
  // Scan only the surrounding word: this runs per match over whole documents.
  for (let i = offset - 1; i >= 0 && !/\s/.test(text[i]); i--) if (text[i] === "/") return true;
  for (let i = offset + length; i < text.length && !/\s/.test(text[i]); i++) if (text[i] === "/") return true;
  return false;
}

/** After ". ", at the very start, or right after a "- " bullet that opens a line. */
function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i < 0 || ".!?:;".includes(text[i])) return true;
  if (!"-+*•".includes(text[i])) return false;
  let j = i - 1;
  while (j >= 0 && (text[j] === " " || text[j] === "\t")) j--;
  return j < 0 || text[j] === "\n";
}

/**
 * Spells out known abbreviations as whole tokens: "Phòng VH&TT" → "Phòng Văn hóa và
 * Thông tin", "CNTT" → "công nghệ thông tin" ("Công nghệ…" at a sentence start).
 * A form inside a longer word ("CNTTx") is left alone.
 */
export function expandAbbreviations(s: string): string {
  const text = s.normalize("NFC");
  return text.replace(ABBREVIATION_PATTERN, (match, offset: number) => {
    if (inDocumentNumber(text, offset, match.length)) return match;
    const expansion = EXPANSION_BY_FORM.get(formKey(match)) ?? match;
    return atSentenceStart(text, offset)
      ? expansion.charAt(0).toLocaleUpperCase("vi") + expansion.slice(1)
      : expansion;
  });
}

/** Folded, abbreviation-expanded words: the form every matcher compares. */
export function matchTokens(s: string): string[] {
  return foldedTokens(expandAbbreviations(s));
}

/**
 * Token Dice coefficient (2·|A∩B| / (|A|+|B|)) over distinct folded,
 * abbreviation-expanded words. 1 for the same words, 0 when either side is empty.
 */
export function similarity(a: string, b: string): number {
  return diceOfTokens(matchTokens(a), matchTokens(b));
}

/** Dice coefficient of two token lists, counted as sets. */
export function diceOfTokens(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  return (2 * shared) / (setA.size + setB.size);
}
