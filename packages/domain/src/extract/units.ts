// Organisational units: abbreviation expansion, canonical spelling, and the noun-phrase
// rules that find "X chủ trì", "phối hợp (với) Y, Z" in a sentence.
import {
  capitalizeFirst,
  collapseSpaces,
  foldKeepingPunctuation,
  lowerVi,
  modernTone,
  wordDice,
} from "./text-utils.ts";

// Abbreviations in unit names, longest first so "HĐND&UBND" wins over "UBND".
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bHĐND\s*(?:&|và|-)\s*UBND\b/gu, "Hội đồng nhân dân và Ủy ban nhân dân"],
  [/\bUBMTTQ(?:VN)?\b/gu, "Ủy ban Mặt trận Tổ quốc Việt Nam"],
  [/\bMTTQ(?:VN)?\b/gu, "Mặt trận Tổ quốc"],
  [/\bUBND\b/gu, "Ủy ban nhân dân"],
  [/\bHĐND\b/gu, "Hội đồng nhân dân"],
  [/\bVH\s*,\s*TT\s*(?:&|và)\s*TT\b/gu, "Văn hóa, Thể thao và Truyền thanh"],
  [/\bVH\s*(?:&|và|-)\s*TT\b/gu, "Văn hóa và Thông tin"],
  [/\bVHTT\b/gu, "Văn hóa và Thông tin"],
  [/\bTT\s*(?:&|và)\s*TT\b/gu, "Thông tin và Truyền thông"],
  [/\bTTTT\b/gu, "Thông tin và Truyền thông"],
  [/\bBTTTT\b/gu, "Bộ Thông tin và Truyền thông"],
  [/\bTC\s*[-–&]\s*KH\b/gu, "Tài chính – Kế hoạch"],
  [/\bTCKH\b/gu, "Tài chính – Kế hoạch"],
  [/\bKT\s*(?:&|và|-)\s*HT\b/gu, "Kinh tế và Hạ tầng"],
  [/\bKTHT\b/gu, "Kinh tế và Hạ tầng"],
  [/\bLĐ\s*[-–]?\s*TB\s*(?:&|và)\s*XH\b/gu, "Lao động – Thương binh và Xã hội"],
  [/\bLĐTBXH\b/gu, "Lao động – Thương binh và Xã hội"],
  [/\bGD\s*(?:&|và)\s*ĐT\b/gu, "Giáo dục và Đào tạo"],
  [/\bGDĐT\b/gu, "Giáo dục và Đào tạo"],
  [/\bNN\s*(?:&|và)\s*PTNT\b/gu, "Nông nghiệp và Phát triển nông thôn"],
  [/\bTN\s*(?:&|và)\s*MT\b/gu, "Tài nguyên và Môi trường"],
  [/\bTNMT\b/gu, "Tài nguyên và Môi trường"],
  [/\bKH\s*(?:&|và)\s*ĐT\b/gu, "Kế hoạch và Đầu tư"],
  [/\bKH\s*(?:&|và)\s*CN\b/gu, "Khoa học và Công nghệ"],
  [/\bKHCN\b/gu, "Khoa học và Công nghệ"],
  [/\bNN\s*(?:&|và)\s*MT\b/gu, "Nông nghiệp và Môi trường"],
  [/\bVH\s*,\s*TT\s*(?:&|và)\s*DL\b/gu, "Văn hóa, Thể thao và Du lịch"],
  [/\bVHTTDL\b/gu, "Văn hóa, Thể thao và Du lịch"],
  [/\bBHXH\b/gu, "Bảo hiểm xã hội"],
  [/\bBCĐ\b/gu, "Ban Chỉ đạo"],
  [/\bCĐS\b/gu, "chuyển đổi số"],
  [/\bCNTT\b/gu, "công nghệ thông tin"],
  [/\bTTHC\b/gu, "thủ tục hành chính"],
  [/\bDVCTT\b/gu, "dịch vụ công trực tuyến"],
  [/\bCBCCVC\b/gu, "cán bộ, công chức, viên chức"],
];

/**
 * Expands the abbreviations of unit names (UBND, HĐND, VH&TT, MTTQ…) into the canonical
 * spelling the plan-extract gold uses ("Ủy ban Mặt trận Tổ quốc Việt Nam", "Tài chính –
 * Kế hoạch"). Differs on purpose from `expandAbbreviations` in ../text/fold.ts, which is
 * for matching: that one capitalises at a sentence start and knows other forms.
 */
export function expandUnitAbbreviations(s: string): string {
  let out = s;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

// Words a unit name can start with (lower case, modern tone). Longest first.
const HEADS = [
  "văn phòng",
  "phòng",
  "sở",
  "bộ",
  "cục",
  "chi cục",
  "ban chỉ đạo",
  "ban quản lý",
  "ban",
  "trung tâm",
  "công an",
  "ủy ban",
  "ubnd",
  "hđnd",
  "hội đồng nhân dân",
  "các phòng",
  "các sở",
  "các ban",
  "các cơ quan",
  "các đơn vị",
  "các ngành",
  "các xã",
  "các phường",
  "các doanh nghiệp",
  "các tổ chức",
  "các ngân hàng",
  "các hội",
  "các đoàn thể",
  "các trường",
  "các cơ sở",
  "các địa phương",
  "các huyện",
  "các thôn",
  "các tổ dân phố",
  "các khu phố",
  "các thành viên",
  "thành viên",
  "ngân hàng",
  "chi nhánh",
  "bưu điện",
  "mặt trận",
  "mttq",
  "ủy ban mặt trận",
  "huyện đoàn",
  "đoàn thanh niên",
  "hội liên hiệp",
  "hội nông dân",
  "hội cựu chiến binh",
  "hội phụ nữ",
  "liên đoàn lao động",
  "kho bạc",
  "đội",
  "trạm",
  "trường",
  "bệnh viện",
  "đài",
  "tỉnh ủy",
  "huyện ủy",
  "thị ủy",
  "thành ủy",
  "viettel",
  "vnpt",
  "mobifone",
  "agribank",
  "vietcombank",
  "vietinbank",
  "bidv",
  // Since 2025: "Báo và Phát thanh, Truyền hình tỉnh", "Thuế tỉnh", "Thuế cơ sở".
  "báo và phát thanh",
  "thuế tỉnh",
  "thuế cơ sở",
  "công ty",
  "tập đoàn",
  "bảo hiểm xã hội",
  "cơ quan",
  "đơn vị",
  "xã",
  "thị trấn",
  "viện kiểm sát",
  "tòa án",
  "chi cục thuế",
  "ngành",
];

const HEAD_RE = new RegExp(`^(?:${HEADS.map((h) => h.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}])`, "u");

/** True when a phrase starts like an organisational unit ("Phòng …", "các xã, thị trấn"…). */
export function startsWithUnitHead(phrase: string): boolean {
  const l = lowerVi(phrase.trim());
  if (!HEAD_RE.test(l)) return false;
  // "ngành" alone is a unit only with a name: "ngành Bưu điện".
  if (/^ngành\s/u.test(l)) return /^\S+\s+\p{Lu}/u.test(phrase.trim());
  return true;
}

// Verbs and connectors that end a unit noun phrase (lower case, modern tone).
const STOP_WORDS = [
  "chủ trì",
  "tham mưu",
  "phối hợp",
  "chủ động",
  "tiếp tục",
  "thực hiện",
  "triển khai",
  "xây dựng",
  "tổ chức",
  "rà soát",
  "từng lúc",
  "tăng cường",
  "đẩy mạnh",
  "tập trung",
  "bảo đảm",
  "đảm bảo",
  "hướng dẫn",
  "có trách nhiệm",
  "chịu trách nhiệm",
  "cập nhật",
  "truy cập",
  "nghiên cứu",
  "theo dõi",
  "kiểm tra",
  "duy trì",
  "nâng cao",
  "phát triển",
  "hỗ trợ",
  "thúc đẩy",
  "tuyên truyền",
  "cung cấp",
  "làm",
  "tham gia",
  "phát huy",
  "đề xuất",
  "bố trí",
  "cân đối",
  "quản lý",
  "vận hành",
  "sử dụng",
  "ứng dụng",
  "khai thác",
  "lựa chọn",
  "điều chỉnh",
  "đôn đốc",
  "huy động",
  "hoàn thiện",
  "nâng cấp",
  "áp dụng",
  "là đầu mối",
  "giúp",
  "căn cứ",
  "để",
  "nhằm",
  "trong",
  "theo",
  "khi",
  "về",
  "thường xuyên",
  "kịp thời",
  "chỉ đạo",
  "giám sát",
  "đánh giá",
  "tổng hợp",
  "báo cáo",
  "trình",
  "ban hành",
  "phổ biến",
  "vận động",
  "khuyến khích",
  "đăng tải",
  "bồi dưỡng",
  "tập huấn",
  "đào tạo",
  "số hóa",
  "kết nối",
  "tích hợp",
  "đầu tư",
  "mua sắm",
  "cài đặt",
  "thiết lập",
  "hoàn thành",
  "trả lời",
  "tiếp nhận",
  "xử lý",
  "giải quyết",
  "tạo",
  "đưa",
  "có",
  "được",
  "phải",
  "cần",
  "sẽ",
  "đã",
  "đang",
  "cùng",
  "với",
  "nghiêm túc",
  "khẩn trương",
  "phân công",
  "giao",
  "yêu cầu",
  "nhiệm vụ",
  "đề nghị",
  "quan tâm",
  "ưu tiên",
  "thống kê",
  "rà",
  "tiến hành",
  "mở rộng",
  "đo lường",
  // Verbs after a unit in post-2025 plans: "VNPT Quảng Ngãi khảo sát …", "Viettel Phú Thọ tài trợ …".
  "khảo sát",
  "tài trợ",
  "lắp đặt",
  "công bố",
  "cung ứng",
];
const STOP_SET = new Set(STOP_WORDS);
const MAX_STOP_WORDS = 3;
// "tổ chức tín dụng", "tổ chức chính trị": a noun, not the verb "tổ chức".
const NOUN_AFTER_TO_CHUC = /^(?:tín dụng|chính trị|xã hội|đoàn thể|hội|kinh tế|được phép|cá nhân)/u;
// "doanh nghiệp cung cấp dịch vụ": a provider, not the verb "cung cấp".
const NOUN_BEFORE_CUNG_CAP = /(?:doanh nghiệp|đơn vị|nhà|công ty)$/u;

/**
 * Length of the unit noun phrase at the start of `text` (in characters), stopping at the
 * first verb, ":" or sentence punctuation; 0 when nothing unit-like is there.
 */
export function unitPhraseLength(text: string, maxWords = 18): number {
  const words: Array<{ w: string; start: number; end: number }> = [];
  const re = /[^\s]+/g;
  let m: RegExpExecArray | null;
  for (m = re.exec(text); m !== null && words.length < maxWords + MAX_STOP_WORDS; m = re.exec(text)) {
    words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  }
  let end = 0;
  for (let i = 0; i < words.length && i < maxWords; i++) {
    const raw = words[i].w;
    if (i > 0) {
      let stop = false;
      for (let n = MAX_STOP_WORDS; n >= 1 && !stop; n--) {
        if (i + n > words.length) continue;
        const phrase = words
          .slice(i, i + n)
          .map((x) => lowerVi(x.w.replace(/[.,;:()“”"]+$/u, "")))
          .join(" ");
        if (!STOP_SET.has(phrase)) continue;
        const prev = lowerVi(text.slice(0, words[i].start).trim());
        const rest = lowerVi(text.slice(words[i].start));
        if (phrase === "tổ chức" && NOUN_AFTER_TO_CHUC.test(rest.slice(7).trim())) continue;
        if (phrase === "cung cấp" && NOUN_BEFORE_CUNG_CAP.test(prev)) continue;
        // "các cơ sở đào tạo", "trường đào tạo": a kind of school, not the verb "đào tạo".
        if ((phrase === "đào tạo" || phrase === "tạo") && /(?:cơ sở|trường)(?: đào)?$/u.test(prev)) continue;
        // "các đơn vị có liên quan": keep the catch-all whole so it can be recognised.
        if (phrase === "có" && /^có\s+liên quan/u.test(rest)) continue;
        // "Sở Xây dựng", "Bộ Tài chính": a capitalised word right after a head is part of the name.
        if (
          /^\p{Lu}/u.test(raw) &&
          /(?:^|\s)(?:sở|bộ|phòng|cục|chi cục|trung tâm|ban|văn phòng)$/u.test(prev)
        )
          continue;
        stop = true;
      }
      if (stop) break;
    }
    end = words[i].end;
    if (/[:;.()]$/u.test(raw) || /^\(/u.test(raw)) {
      end = words[i].end - (/[:;.(]$/u.test(raw) ? 1 : 0);
      break;
    }
  }
  return end;
}

// Heads that start a new unit inside a list; bare "ban", "ngành", "xã", "đơn vị" continue
// the previous one ("Các Phòng, ban, ngành huyện", "Các cơ quan, đơn vị").
const SPLIT_HEADS = HEADS.filter(
  (h) =>
    ![
      "ban",
      "ngành",
      "xã",
      "thị trấn",
      "đơn vị",
      "cơ quan",
      "phường",
      "trạm",
      "đội",
      "trường",
      "đài",
      "thành viên",
    ].includes(h),
).concat(["chủ tịch", "thủ trưởng"]);
const SPLIT_HEAD_RE = new RegExp(
  `^(?:${SPLIT_HEADS.map((h) => h.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}])`,
  "u",
);

function startsNewUnit(chunk: string): boolean {
  return (
    SPLIT_HEAD_RE.test(lowerVi(chunk.trim())) &&
    startsWithUnitHead(chunk.replace(/^(?:chủ tịch|thủ trưởng)\s+/iu, ""))
  );
}

/** Splits "A, B và C" into units, keeping "các ngân hàng, tổ chức tín dụng" together. */
export function splitUnitList(phrase: string): string[] {
  // "A; B, C": a semicolon always separates units.
  if (phrase.includes(";"))
    return phrase
      .split(/\s*;\s*/u)
      .filter((p) => p.trim())
      .flatMap((p) => splitUnitList(p));
  const parts: string[] = [];
  const chunks = phrase.split(/,\s*|\s+và\s+|\s+cùng\s+/u);
  const seps: string[] = [];
  const sepRe = /,\s*|\s+và\s+|\s+cùng\s+/gu;
  let m: RegExpExecArray | null;
  for (m = sepRe.exec(phrase); m !== null; m = sepRe.exec(phrase)) seps.push(m[0]);
  const isOffice = /^văn phòng/u.test(lowerVi(phrase.trim()));
  chunks.forEach((chunk, i) => {
    const c = chunk.trim();
    if (!c) return;
    if (
      parts.length &&
      (!startsNewUnit(c) || (isOffice && parts.length === 1 && /và/u.test(seps[i - 1] ?? "")))
    ) {
      parts[parts.length - 1] += (seps[i - 1] ?? ", ") + c;
    } else parts.push(c);
  });
  // "Sở Thông tin và Truyền thông": a "và" inside a name is rejoined above because "Truyền thông" is no head.
  return parts
    .flatMap(distributeHead)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "các doanh nghiệp Bưu chính, Viễn thông, Công nghệ thông tin" → one unit per kind. */
function distributeHead(part: string): string[] {
  const m = /^((?:các\s+)?(?:doanh nghiệp|hội|trường|công ty))\s+(\p{Lu}[^,]*(?:,\s*\p{Lu}[^,]*)+)$/iu.exec(
    part.trim(),
  );
  if (!m) return [part];
  return m[2].split(/,\s*/u).map((k) => `${m[1]} ${k.trim().toLowerCase()}`);
}

const CATCH_ALL = /(?:liên quan|có liên quan|các cấp|trực thuộc)$/u;

/** True for "các đơn vị có liên quan" and similar catch-alls, which are not units. */
export function isCatchAll(unit: string): boolean {
  return CATCH_ALL.test(lowerVi(unit.trim()));
}

/** Canonical spelling: abbreviations expanded, modern tone, "Phòng tài chính" → "Phòng Tài chính". */
export function canonicalUnit(raw: string): string {
  let s = collapseSpaces(expandUnitAbbreviations(modernTone(raw)))
    .replace(/^[-–+•*\s]+/u, "")
    .replace(/[\s,;:.]+$/u, "")
    .replace(/^(?:thủ trưởng|lãnh đạo|chủ tịch|giám đốc|trưởng)\s+(?=\S)/iu, "")
    .replace(/^(?:các\s+)?thành viên\s+(?=ban)/iu, "")
    .replace(/^(?:giao cho|giao)\s+/iu, "");
  // "các xã, thị trấn" on its own means their People's Committees.
  if (/^(?:các\s+)?xã,\s*(?:phường,\s*)?thị trấn$/iu.test(s) || /^(?:các\s+)?xã,\s*phường$/iu.test(s))
    s = `Ủy ban nhân dân các ${s.replace(/^các\s+/iu, "")}`;
  if (/^ủy ban nhân các/iu.test(s)) s = s.replace(/^ủy ban nhân các/iu, "Ủy ban nhân dân các");
  // A provider of a service is an enterprise, whatever the plan calls it.
  s = s.replace(
    /^(các\s+)?đơn vị cung cấp dịch vụ/iu,
    (_m, cac: string | undefined) => `${cac ?? ""}doanh nghiệp cung cấp dịch vụ`,
  );
  // "Phòng tài chính – Kế hoạch", "Trung tâm y tế", "sở Tài chính": capitalise the head and its name.
  s = s.replace(
    /^(phòng|sở|trung tâm|chi cục|bộ|văn phòng|công an|ngành)\s+(\p{L})/iu,
    (_m, head: string, c: string) =>
      `${capitalizeFirst(head.toLowerCase())} ${/^(công an)$/iu.test(head) ? c : c.toUpperCase()}`,
  );
  // A district department written with its level: "Phòng VH&TT huyện" = "Phòng Văn hóa và Thông tin".
  if (/^Phòng\s/u.test(s)) s = s.replace(/\s+huyện$/u, "");
  return capitalizeFirst(s);
}

/** A de-duplicating list of units: names within a close word overlap count as one. */
export class UnitRegistry {
  private readonly list: string[] = [];
  private readonly folded = new Set<string>();

  add(raw: string | null | undefined, opts: { allowCatchAll?: boolean } = {}): string | null {
    if (!raw) return null;
    const name = canonicalUnit(raw);
    if (name.length < 3 || name.length > 120) return null;
    if (!opts.allowCatchAll && isCatchAll(name)) return null;
    const f = foldKeepingPunctuation(name);
    if (this.folded.has(f)) return name;
    if (this.list.length < 300) {
      for (const u of this.list) if (wordDice(u, name) >= 0.8) return u;
      this.list.push(name);
      this.folded.add(f);
    }
    return name;
  }

  values(): string[] {
    return [...this.list];
  }
}
