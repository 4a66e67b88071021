// Tasks: the leaf items of the task / solution sections, with their lead unit
// ("X chủ trì", "X tham mưu", a sentence whose subject is a unit), coordinating units
// ("phối hợp (với) …") and deadline (own, or the section's "Thời hạn hoàn thành").
import { makeDeadline } from "./dates.ts";
import { type Block, blockSpan } from "./normalize.ts";
import { isHeading, type OutlineNode, sectionPath } from "./outline.ts";
import { pillarFromContent, pillarFromHeading } from "./pillars.ts";
import { foldKeepingPunctuation, lowerVi } from "./text-utils.ts";
import type { Deadline, Pillar, Task } from "./types.ts";
import { canonicalUnit, isCatchAll, splitUnitList, startsWithUnitHead, unitPhraseLength } from "./units.ts";

const DEADLINE_LINE =
  /^(?:thời hạn|thời gian|tiến độ|thời điểm|hoàn thành)(?:\s+(?:hoàn thành|thực hiện|triển khai))?\s*:\s*(.+)$/iu;
// "- Đơn vị chủ trì: …", "+ Chủ trì: …", "- Cơ quan thực hiện: …"; "+ Phối hợp: …", "- Cơ quan phối hợp thực hiện: …".
const LEAD_LINE =
  /^(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|thực hiện|thực hiện chính|chịu trách nhiệm|phụ trách)(?:\s+(?:thực hiện|chính))?\s*:\s*(.+)$/iu;
const COORD_LINE = /^(?:(?:đơn vị|cơ quan|bộ phận)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*(.+)$/iu;
const POINTS_TO_APPENDIX = /(?:chi tiết|cụ thể|danh mục|theo)\s+(?:tại|theo|ở|như)\s+(?:các\s+)?phụ lục/iu;
const OTHER_ATTR_LINE = /^(?:sản phẩm|kết quả(?:\s+đầu ra)?|kinh phí|nguồn kinh phí|dự toán)\s*:/iu;

export function isAttributeLine(body: string): boolean {
  return (
    DEADLINE_LINE.test(body) || LEAD_LINE.test(body) || COORD_LINE.test(body) || OTHER_ATTR_LINE.test(body)
  );
}

export interface LeadResult {
  lead: string | null;
  coordinators: string[];
  /** Units addressed without being the lead ("Yêu cầu các doanh nghiệp viễn thông …"). */
  addressees: string[];
  found: boolean;
}

function cleanUnitPhrase(s: string): string {
  return s.replace(/^[\s,:;-]+|[\s,:;.-]+$/gu, "").trim();
}

/** Units in a "phối hợp (với) A, B và C" construction, in order. */
export function findCoordinators(text: string): string[] {
  const out: string[] = [];
  const re = /phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng(?:\s+với)?))?\s+/giu;
  let m: RegExpExecArray | null;
  let count = 0;
  for (m = re.exec(text); m !== null && count++ < 50; m = re.exec(text)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
    if (!startsWithUnitHead(rest)) continue;
    const len = unitPhraseLength(rest, 30);
    const phrase = cleanUnitPhrase(rest.slice(0, len));
    if (!phrase) continue;
    for (const u of splitUnitList(phrase)) if (startsWithUnitHead(u)) out.push(canonicalUnit(u));
  }
  return dedupe(out);
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const f = foldKeepingPunctuation(u);
    if (seen.has(f)) return false;
    seen.add(f);
    return true;
  });
}

/** Lead, coordinators and addressees of one task text (marker already removed). */
export function findLead(text: string): LeadResult {
  const res: LeadResult = { lead: null, coordinators: [], addressees: [], found: false };
  const explicitLead = /(?:đơn vị|cơ quan)\s+chủ trì\s*:\s*([^;.\n]+)/iu.exec(text);
  const explicitCoord = /(?:đơn vị|cơ quan)\s+phối hợp\s*:\s*([^;.\n]+)/iu.exec(text);
  if (explicitLead) {
    res.lead = canonicalUnit(cleanUnitPhrase(explicitLead[1]));
    res.found = true;
  }
  if (explicitCoord) {
    res.coordinators = splitUnitList(cleanUnitPhrase(explicitCoord[1])).map(canonicalUnit);
  }
  const body = text.replace(/^(?:giao cho|giao)\s+/iu, "");
  const assigned = body !== text;
  const lower = lowerVi(body.slice(0, 20));
  if (!res.found && /^(?:yêu cầu|đề nghị|chỉ đạo)\s/u.test(lower)) {
    const rest = body.replace(/^\S+\s+\S+\s+/u, "");
    if (startsWithUnitHead(rest)) {
      const len = unitPhraseLength(rest);
      for (const u of splitUnitList(cleanUnitPhrase(rest.slice(0, len))))
        res.addressees.push(canonicalUnit(u));
    }
  } else if (!res.found && startsWithUnitHead(body)) {
    const len = unitPhraseLength(body);
    const phrase = cleanUnitPhrase(body.slice(0, len));
    // A subject needs a verb after it (or a colon): a bare noun phrase is not an assignment.
    if (phrase && (len < body.length || assigned)) {
      res.lead = canonicalUnit(phrase);
      res.found = true;
    }
  }
  if (!res.found) {
    // "(Phòng Văn hóa và Thông tin chủ trì, …)" at the end of the item.
    const par = /\(([^()]{3,160}?)\s+chủ trì[^()]*\)\s*\.?$/u.exec(text);
    if (par && startsWithUnitHead(par[1])) {
      res.lead = canonicalUnit(cleanUnitPhrase(par[1]));
      res.found = true;
    }
  }
  // "… giao cho ngành Bưu điện nhiệm vụ …": an assignment inside the sentence.
  const giao = /(?:^|[\s,;])giao(?:\s+cho)?\s+/giu;
  let gm: RegExpExecArray | null;
  let guard = 0;
  for (gm = giao.exec(text); gm !== null && guard++ < 20; gm = giao.exec(text)) {
    if (gm.index === 0) continue;
    const rest = text.slice(gm.index + gm[0].length, gm.index + gm[0].length + 200);
    if (!startsWithUnitHead(rest)) continue;
    const len = unitPhraseLength(rest);
    for (const u of splitUnitList(cleanUnitPhrase(rest.slice(0, len)))) res.addressees.push(canonicalUnit(u));
  }
  const coords = findCoordinators(text);
  for (const c of coords)
    if (!res.coordinators.some((x) => foldKeepingPunctuation(x) === foldKeepingPunctuation(c)))
      res.coordinators.push(c);
  if (res.lead) {
    const fl = foldKeepingPunctuation(res.lead);
    res.coordinators = res.coordinators.filter((c) => foldKeepingPunctuation(c) !== fl);
  }
  return res;
}

/** An explicit deadline inside the item: "(hoàn thành trước 30/6/2025)", "(vào ngày 10/10/2023)". */
export function inlineDeadline(text: string, fallbackYear: number | null): Deadline | null {
  const m =
    /(?:thời hạn(?:\s+hoàn thành)?|thời gian(?:\s+hoàn thành|\s+thực hiện)?|hoàn thành(?:\s+(?:trước|trong|vào))?|chậm nhất(?:\s+(?:là|vào|trước))?|trước ngày|vào ngày)\s*:?\s*((?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|quý\s+[IV1-4]+(?:\s*(?:năm|\/)\s*\d{4})?|tháng\s+\d{1,2}\s*(?:năm|\/)\s*\d{4}|(?:trong\s+)?năm\s+\d{4})/iu.exec(
      text,
    );
  if (!m) return null;
  // "hoàn thành … năm 2025" inside a sentence is too loose; a bare year only after "thời hạn".
  if (/^(?:trong\s+)?năm/iu.test(m[1]) && !/^(?:thời hạn|thời gian|chậm nhất)/iu.test(m[0])) return null;
  return makeDeadline(m[1].replace(/^ngày\s+/iu, ""), fallbackYear);
}

export interface TaskSectionInfo {
  kind: "task" | "solution";
}

/**
 * Kind from the section heading ("Nhiệm vụ, giải pháp" → task, "Giải pháp" → solution);
 * a sub-heading overrides it only when it is itself "Nhiệm vụ …" / "Giải pháp …".
 */
export function kindFor(node: OutlineNode): "task" | "solution" {
  const chain: OutlineNode[] = [];
  for (let p = node.parent; p; p = p.parent) chain.push(p);
  for (const p of chain) {
    const f = foldKeepingPunctuation(p.body);
    if (p.parent && !/^(?:cac |mot so |nhom )?(?:nhiem vu|giai phap)/u.test(f)) continue;
    if (/nhiem vu/u.test(f)) return "task";
    if (/giai phap/u.test(f)) return "solution";
  }
  return "task";
}

export interface TaskBuildContext {
  fallbackYear: number | null;
  nextId: () => string;
  warnings: string[];
}

export interface TaskCandidate {
  node: OutlineNode;
  /** Intro line whose lead applies to the items under it. */
  inheritedLead: LeadResult | null;
  /** Attribute lines directly under this item. */
  attributes: OutlineNode[];
}

function pillarFor(node: OutlineNode, text: string): { pillar: Pillar; fromHeading: boolean } {
  for (let p = node.parent; p; p = p.parent) {
    if (!isHeading(p)) continue;
    const pl = pillarFromHeading(p.body);
    if (pl) return { pillar: pl, fromHeading: true };
  }
  return { pillar: pillarFromContent(text), fromHeading: false };
}

/** Builds tasks from the nodes under one task/solution section root. */
export function tasksFromSection(
  root: OutlineNode,
  ctx: TaskBuildContext,
): { tasks: Task[]; unparsed: OutlineNode[] } {
  const tasks: Task[] = [];
  const unparsed: OutlineNode[] = [];

  const visit = (node: OutlineNode, inherited: LeadResult | null, deadline: Deadline | null) => {
    const kids = node.children;
    // One deadline line among the items applies to all of them; with several, each closes
    // the group of items above it ("- …\n- …\nThời hạn hoàn thành: Quý I/2026.").
    const lines = kids.flatMap((k, i) => {
      const m = k.children.length === 0 ? DEADLINE_LINE.exec(k.body) : null;
      return m ? [{ at: i, deadline: makeDeadline(m[1], ctx.fallbackYear) }] : [];
    });
    const deadlineAt = (i: number): Deadline | null =>
      (lines.find((l) => l.at > i) ?? lines.at(-1))?.deadline ?? deadline;
    let intro: LeadResult | null = inherited;
    let prevTask: Task | null = null;
    for (const [i, k] of kids.entries()) {
      const dl = deadlineAt(i);
      const body = k.body;
      if (DEADLINE_LINE.test(body) && k.children.length === 0) continue;
      if ((LEAD_LINE.test(body) || COORD_LINE.test(body)) && k.children.length === 0) {
        // A sibling attribute line belongs to the item before it.
        if (prevTask) applyAttribute(prevTask, body);
        continue;
      }
      if (OTHER_ATTR_LINE.test(body) && k.children.length === 0) continue;
      const attrKids = k.children.filter((c) => isAttributeLine(c.body) && c.children.length === 0);
      const realKids = k.children.filter((c) => !attrKids.includes(c));
      if (realKids.length > 0) {
        // A heading or an intro bullet ("- Phòng X chủ trì thực hiện các nội dung sau:").
        const own = findLead(body);
        const nextInherited =
          k.style === "dash" || k.style === "plus" || k.style === "para" || own.found
            ? own.found
              ? own
              : intro
            : intro;
        visit(k, nextInherited, dl);
        continue;
      }
      // An intro paragraph ending with ":" before bullets sets the lead for what follows.
      if (/:\s*$/u.test(body) && k.style === "para") {
        const own = findLead(body);
        if (own.found) intro = own;
        continue;
      }
      if (isHeadingLike(k)) {
        unparsed.push(k);
        continue;
      }
      // "… (chi tiết tại Phụ lục I)": the sentence pointing to the appendix is not a task.
      if (k.style === "para" && POINTS_TO_APPENDIX.test(body)) continue;
      const t = buildTask(k, intro, dl, ctx);
      for (const a of attrKids) applyAttribute(t, a.body, ctx.fallbackYear);
      tasks.push(t);
      prevTask = t;
    }
  };
  visit(root, null, null);
  return { tasks, unparsed };
}

/** A numbered line with nothing under it and no sentence: an empty heading, not a task. */
function isHeadingLike(node: OutlineNode): boolean {
  if (node.style === "dash" || node.style === "plus" || node.style === "para") return false;
  const words = node.body.split(/\s+/u).length;
  return words <= 6 && !/[.;]$/u.test(node.body);
}

function applyAttribute(t: Task, body: string, fallbackYear: number | null = null): void {
  let m = DEADLINE_LINE.exec(body);
  if (m) {
    t.deadline = makeDeadline(m[1], fallbackYear);
    return;
  }
  m = LEAD_LINE.exec(body);
  if (m) {
    const units = splitUnitList(cleanUnitPhrase(m[1]));
    t.lead = units.length ? canonicalUnit(units.join(", ")) : t.lead;
    return;
  }
  m = COORD_LINE.exec(body);
  if (m) t.coordinators = splitUnitList(cleanUnitPhrase(m[1])).map(canonicalUnit);
}

function buildTask(
  node: OutlineNode,
  intro: LeadResult | null,
  sectionDl: Deadline | null,
  ctx: TaskBuildContext,
): Task {
  const text = node.body;
  const lr = findLead(text);
  let lead = lr.found ? lr.lead : (intro?.lead ?? null);
  let coordinators =
    lr.found || !intro ? lr.coordinators : dedupe([...intro.coordinators, ...lr.coordinators]);
  const { pillar, fromHeading } = pillarFor(node, text);
  let own = inlineDeadline(text, ctx.fallbackYear);
  // "(X chủ trì, phối hợp Y; Quý II/2026)" at the end: the item's own attributes.
  const tail = trailingAttributes(text, ctx.fallbackYear);
  if (tail) {
    if (tail.lead) lead = tail.lead;
    if (tail.lead || tail.coordinators.length) coordinators = tail.coordinators;
    if (tail.deadline) own = tail.deadline;
  }
  // A row of a task table names its lead, coordinators and deadline in their own cells.
  const cells = node.block.cells;
  let pillarNow = pillar;
  let section = sectionPath(node);
  if (cells) {
    const r = rowAttributes(cells, ctx.fallbackYear);
    if (r.lead) lead = r.lead;
    if (cells.coord) coordinators = r.coordinators;
    if (r.deadline) own = r.deadline;
    if (cells.group) {
      pillarNow = pillarFromHeading(cells.group) ?? pillarNow;
      section = section ? `${section}/${cells.group}` : cells.group;
    }
  }
  let confidence = 0.9;
  if (!lead) confidence -= 0.25;
  if (!fromHeading) confidence -= 0.2;
  return {
    id: ctx.nextId(),
    pillar: pillarNow,
    section,
    kind: kindFor(node),
    text: text.replace(/^[-–+•*\s]+/u, "").trim(),
    lead,
    coordinators,
    deadline: own ?? sectionDl,
    source: blockSpan(node.block, node.bodyStart, node.block.text.length),
    confidence: Math.max(0.1, confidence),
    ...(lr.addressees.length ? { addressees: lr.addressees } : {}),
    ...(cells?.ref ? { cell: cells.ref } : {}),
  };
}

type RowCells = NonNullable<Block["cells"]>;

const TIME_EXPR =
  /(?:(?:trong|trước|đến|từ|cuối|đầu)\s+)?(?:(?:ngày\s+)?\d{1,2}\/\d{1,2}\/\d{4}|quý\s+[IV]+(?:\s*[-–]\s*quý\s+[IV]+)?\s*(?:\/|năm)\s*\d{4}|tháng\s+\d{1,2}\s*(?:\/|năm)\s*\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|\d{4}\s*[-–]\s*\d{4}|(?:6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+\d{4}|năm\s+\d{4}|thường xuyên|hằng năm|hàng năm|hằng quý|liên tục)/iu;

/**
 * The parenthesis closing an item: "(Sở Tư pháp chủ trì, phối hợp Sở Khoa học và Công nghệ;
 * hoàn thành năm 2026)", "(UBND các xã, phường thực hiện; thường xuyên)". A part "X chủ
 * trì" / "X thực hiện" names the lead (any name: it says so), "phối hợp Y" the partners,
 * a time expression the deadline; "theo dõi, hướng dẫn" is neither.
 */
export function trailingAttributes(
  text: string,
  fallbackYear: number | null,
): { lead: string | null; coordinators: string[]; deadline: Deadline | null } | null {
  const m = /\(([^()]{4,300})\)\s*[.;]?\s*$/u.exec(text);
  if (!m) return null;
  let lead: string | null = null;
  let coordinators: string[] = [];
  let deadline: Deadline | null = null;
  for (const part of m[1].split(/\s*;\s*/u)) {
    const lm =
      /^(.{2,120}?)\s+(?:chủ trì|thực hiện|thực hiện chính|chịu trách nhiệm)(?:\s*,\s*phối hợp(?:\s+với)?\s+(.+))?$/iu.exec(
        part,
      );
    if (lm && !lead) {
      lead = canonicalUnit(cleanUnitPhrase(lm[1]));
      if (lm[2])
        coordinators = dedupe(
          splitUnitList(cleanUnitPhrase(lm[2]))
            .map(canonicalUnit)
            .filter((c) => !isCatchAll(c)),
        );
      continue;
    }
    const cm = /^phối hợp(?:\s+với)?\s+(.+)$/iu.exec(part);
    if (cm) {
      coordinators = dedupe(splitUnitList(cleanUnitPhrase(cm[1])).map(canonicalUnit));
      continue;
    }
    const tm = TIME_EXPR.exec(part);
    if (tm && !deadline && !/theo dõi|hướng dẫn/iu.test(part.slice(0, tm.index)))
      deadline = makeDeadline(tm[0], fallbackYear);
  }
  if (!lead && !deadline && !coordinators.length) return null;
  return { lead, coordinators, deadline };
}

/** The latest of the deadlines of a cell ("Quý II/2026; Quý IV/2026" for a task over two rows). */
function latestDeadline(text: string, fallbackYear: number | null): Deadline {
  const parts = text
    .split(/;\s*/u)
    .filter(Boolean)
    .map((p) => makeDeadline(p, fallbackYear));
  let best = parts[0] ?? makeDeadline(text, fallbackYear);
  for (const p of parts) if (p.date && (!best.date || p.date > best.date)) best = p;
  return best;
}

/** Lead, coordinators and deadline from a table row's own cells. */
function rowAttributes(
  cells: RowCells,
  fallbackYear: number | null,
): { lead: string | null; coordinators: string[]; deadline: Deadline | null } {
  return {
    lead: cells.lead ? canonicalUnit(cleanUnitPhrase(cells.lead)) : null,
    coordinators: cells.coord
      ? dedupe(
          splitUnitList(cleanUnitPhrase(cells.coord))
            .map(canonicalUnit)
            .filter((c) => !isCatchAll(c)),
        )
      : [],
    deadline: cells.deadline ? latestDeadline(cells.deadline, fallbackYear) : null,
  };
}

/** A task from a row of a task table outside the body (an appendix after the signature). */
export function tableRowTask(block: Block, appendix: string | null, ctx: TaskBuildContext): Task {
  const cells = block.cells as RowCells;
  const text = block.text.trim();
  const r = rowAttributes(cells, ctx.fallbackYear);
  const lr = r.lead ? null : findLead(text);
  const fromGroup = cells.group ? pillarFromHeading(cells.group) : null;
  const section = [appendix, cells.group].filter(Boolean).join("/") || null;
  return {
    id: ctx.nextId(),
    pillar: fromGroup ?? pillarFromContent(text),
    section,
    kind: "task",
    text,
    lead: r.lead ?? lr?.lead ?? null,
    coordinators: cells.coord ? r.coordinators : (lr?.coordinators ?? []),
    deadline: r.deadline ?? inlineDeadline(text, ctx.fallbackYear),
    source: blockSpan(block),
    confidence: fromGroup ? 0.85 : 0.65,
    ...(cells.ref ? { cell: cells.ref } : {}),
  };
}
