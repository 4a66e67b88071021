// Pillars: from the heading an item sits under, else from what it talks about.

import { foldKeepingPunctuation } from "./text-utils.ts";
import type { Pillar } from "./types.ts";

// Heading words per pillar (folded). The earliest match in a heading wins, so a heading
// joining two pillars ("Kinh tế số và xã hội số") takes the first.
const HEADING_KEYWORDS: Array<[Pillar, string[]]> = [
  [
    "leadership",
    ["lanh dao", "chi dao, dieu hanh", "kiem tra, giam sat", "kiem tra giam sat", "cong tac chi dao"],
  ],
  ["awareness", ["nhan thuc", "tuyen truyen", "truyen thong"]],
  [
    "institutions",
    ["the che", "hoan thien he thong van ban", "co che, chinh sach", "co che chinh sach", "van ban quy pham"],
  ],
  ["infrastructure", ["ha tang"]],
  ["platforms", ["nen tang so", "nen tang"]],
  ["data", ["du lieu"]],
  ["human_resources", ["nhan luc", "ky nang so", "dao tao", "nguon nhan luc", "boi duong"]],
  ["cybersecurity", ["an toan thong tin", "an ninh mang", "an toan, an ninh", "an toan an ninh"]],
  [
    "digital_government",
    ["chinh quyen so", "chinh quyen dien tu", "chinh phu so", "chinh phu dien tu", "chinh quyen"],
  ],
  ["digital_economy", ["kinh te so"]],
  ["digital_society", ["xa hoi so"]],
  [
    "sectors",
    [
      "linh vuc",
      "y te",
      "giao duc",
      "nong nghiep",
      "du lich",
      "giao thong",
      "tai nguyen",
      "van hoa",
      "thuong mai",
      "cong thuong",
      "do thi thong minh",
    ],
  ],
  [
    "cooperation",
    ["hop tac", "mo hinh ket hop", "ket hop giua", "ung dung cong nghe", "ung dung hieu qua cac cong nghe"],
  ],
  ["finance", ["kinh phi", "nguon luc tai chinh", "tai chinh", "nguon von"]],
];

function wordIndex(hay: string, needle: string): number {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) return -1;
    const before = i === 0 ? " " : hay[i - 1];
    const after = i + needle.length >= hay.length ? " " : hay[i + needle.length];
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return i;
    from = i + 1;
  }
}

/** The pillar a heading names, or null when it names none. */
export function pillarFromHeading(heading: string): Pillar | null {
  const f = foldKeepingPunctuation(heading);
  let best: { pillar: Pillar; at: number; len: number } | null = null;
  for (const [pillar, words] of HEADING_KEYWORDS) {
    for (const w of words) {
      const at = wordIndex(f, w);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && w.length > best.len))
        best = { pillar, at, len: w.length };
    }
  }
  return best?.pillar ?? null;
}

// What an item measures or does, when its heading names no pillar. Weighted word lists.
const CONTENT_KEYWORDS: Array<[Pillar, string[]]> = [
  [
    "digital_government",
    [
      "thu tuc hanh chinh",
      "dich vu cong",
      "ho so cong viec",
      "van ban",
      "co quan nha nuoc",
      "chinh quyen",
      "mot cua",
      "chi dao, dieu hanh",
      "dvctt",
      "tthc",
      "can bo, cong chuc",
    ],
  ],
  [
    "digital_economy",
    [
      "doanh nghiep",
      "thuong mai dien tu",
      "grdp",
      "kinh te so",
      "hop dong dien tu",
      "nang suat lao dong",
      "san giao dich",
      "ocop",
    ],
  ],
  [
    "digital_society",
    [
      "nguoi dan",
      "dan so",
      "ho gia dinh",
      "thanh toan khong dung tien mat",
      "danh tinh so",
      "tai khoan",
      "ho so suc khoe",
      "xa hoi so",
      "hoc sinh",
      "cong dong",
      "thanh toan dien tu",
    ],
  ],
  [
    "infrastructure",
    [
      "cap quang",
      "bang rong",
      "5g",
      "4g",
      "ha tang",
      "mang di dong",
      "internet",
      "thue bao",
      "mang noi bo",
      "phu song",
      "trung tam du lieu",
    ],
  ],
  ["cybersecurity", ["an toan thong tin", "an ninh mang", "ma doc", "virus"]],
  ["human_resources", ["ky nang", "dao tao", "boi duong", "tap huan", "nhan luc"]],
  ["data", ["co so du lieu", "du lieu mo", "du lieu so", "so hoa", "du lieu", "kho du lieu"]],
  ["platforms", ["nen tang"]],
  ["awareness", ["tuyen truyen", "truyen thong", "nhan thuc", "ngay chuyen doi so"]],
  ["leadership", ["kiem tra, giam sat", "kiem tra, danh gia", "ban chi dao", "lanh dao"]],
  ["institutions", ["chinh sach", "quy che", "quy dinh"]],
  ["finance", ["kinh phi", "nguon luc tai chinh", "ngan sach", "nguon von"]],
];

/** Best guess from the item's own words; "other" when nothing fits. */
export function pillarFromContent(text: string): Pillar {
  const f = foldKeepingPunctuation(text);
  let best: Pillar = "other";
  let bestScore = 0;
  for (const [pillar, words] of CONTENT_KEYWORDS) {
    let score = 0;
    for (const w of words) {
      const at = wordIndex(f, w);
      // The words the item opens with (its verb: "Tập huấn …", "Kiểm tra …") weigh a little more.
      if (at >= 0) score += w.split(" ").length + (at === 0 ? 1 : 0);
    }
    if (score > bestScore) {
      best = pillar;
      bestScore = score;
    }
  }
  return best;
}
