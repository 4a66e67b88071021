// extractPlan: raw plan text → plan-extract/v1. Pure and synchronous; linear in the input.

import { EXTRACTION_PARTS, type ExtractionPart, REVIEW_SENTENCES as S } from "../plans/review-words.ts";
import { extractBudget } from "./budget.ts";
import { budgetOrEmpty } from "./budget-empty.ts";
import { PlanExtractError } from "./errors.ts";
import { extractLegalBases } from "./legal-bases.ts";
import { extractMetadata } from "./metadata.ts";
import { type Block, blockSpan, type NormTable, normalizeText } from "./normalize.ts";
import { buildOutline, isHeading, type OutlineNode, sectionPath } from "./outline.ts";
import { pillarFromContent, pillarFromHeading } from "./pillars.ts";
import { extractReporting } from "./reporting.ts";
import { findFigures, targetsFromBlock, targetsFromTableRow, yearIn } from "./targets.ts";
import { findCoordinators, tableRowTask, tasksFromSection } from "./tasks.ts";
import { capitalizeFirst, foldKeepingPunctuation, lowerVi } from "./text-utils.ts";
import type { ExtractOptions, Objective, PlanExtract, Target, Task, UnparsedBlock } from "./types.ts";
import { splitUnitList, startsWithUnitHead, UnitRegistry, unitPhraseLength } from "./units.ts";

export type SectionRole =
  | "legal"
  | "purpose"
  | "objectives"
  | "tasks"
  | "budget"
  | "organisation"
  | "appendix"
  | "context"
  | "other";

/** What a top-level heading is about. */
export function sectionRole(title: string): SectionRole {
  const f = foldKeepingPunctuation(title);
  if (/kinh phi|nguon von|nguon luc tai chinh|du toan/u.test(f)) return "budget";
  if (/danh muc/u.test(f)) return "appendix";
  if (/can cu/u.test(f)) return "legal";
  if (/to chuc thuc hien|trach nhiem|che do bao cao|khen thuong|kiem tra, danh gia/u.test(f))
    return "organisation";
  const pos = (re: RegExp) => {
    const m = re.exec(f);
    return m ? m.index : Number.POSITIVE_INFINITY;
  };
  const candidates: Array<[SectionRole, number]> = [
    ["tasks", Math.min(pos(/nhiem vu/u), pos(/giai phap/u), pos(/noi dung (?:thuc hien|trien khai)/u))],
    ["objectives", Math.min(pos(/muc tieu/u), pos(/chi tieu/u), pos(/^tam nhin/u), pos(/^dinh huong den/u))],
    ["purpose", Math.min(pos(/muc dich/u), pos(/quan diem/u), pos(/yeu cau/u))],
    [
      "context",
      Math.min(pos(/thuc trang/u), pos(/ket qua/u), pos(/danh gia tinh hinh/u), pos(/su can thiet/u)),
    ],
  ];
  candidates.sort((a, b) => a[1] - b[1]);
  if (candidates[0][1] !== Number.POSITIVE_INFINITY) {
    // "Mục đích, yêu cầu" stays purpose even though "yêu cầu" comes late; "mục tiêu" first wins.
    return candidates[0][0];
  }
  if (/phan cong/u.test(f)) return "tasks";
  return "other";
}

function descendants(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop() as OutlineNode;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/**
 * Extracts the structured plan from its text. Throws PlanExtractError "empty_file" for
 * blank input and "not_a_plan" when no plan structure is found; never throws otherwise.
 */
export function extractPlan(text: string, options: ExtractOptions = {}): PlanExtract {
  if (typeof text !== "string" || !text.trim()) {
    throw new PlanExtractError(
      "empty_file",
      "Tệp rỗng: không có nội dung để trích xuất.",
      "The file is empty: nothing to extract.",
    );
  }
  const norm = normalizeText(text, options.columnRoles);
  const warnings: string[] = [];
  const unparsed: UnparsedBlock[] = [];

  // The recipients list ("Nơi nhận") and signature close the body.
  let closeAt = norm.blocks.findIndex((b) => /^nơi nhận/iu.test(b.text));
  if (closeAt < 0) closeAt = norm.blocks.length;
  const body = norm.blocks.slice(0, closeAt);
  // An appendix after the signature (a task table, a list of projects) is not part of the closing.
  let appendixAt = closeAt;
  while (
    appendixAt < norm.blocks.length &&
    !/^phụ lục\b/iu.test(norm.blocks[appendixAt].text) &&
    !norm.blocks[appendixAt].cells
  )
    appendixAt++;
  const closing =
    closeAt < norm.blocks.length ? norm.blocks.slice(closeAt, appendixAt) : norm.blocks.slice(-12);
  const outline = buildOutline(body);

  const sections: Array<{ root: OutlineNode; role: SectionRole }> = [];
  const preamble: Block[] = [];
  let seenHeading = false;
  for (const r of outline.roots) {
    if (isHeading(r) && (r.style === "roman" || r.style === "caps" || r.children.length)) {
      seenHeading = true;
      const role = sectionRole(r.body);
      if (role === "other" || role === "context") {
        // Plans without roman numerals: "1. MỤC TIÊU" at the top; look one level down too.
        for (const c of r.children) {
          if (!isHeading(c)) continue;
          const cr = sectionRole(c.body);
          if (cr === "tasks" || cr === "objectives") {
            sections.push({ root: c, role: cr });
          }
        }
      }
      sections.push({ root: r, role });
    } else if (!seenHeading) preamble.push(r.block, ...descendants(r).map((d) => d.block));
  }

  const blocksOf = (roles: SectionRole[]) =>
    sections.filter((s) => roles.includes(s.role)).flatMap((s) => descendants(s.root).map((d) => d.block));

  const hasStructure =
    sections.some((s) =>
      ["legal", "objectives", "tasks", "budget", "organisation", "purpose"].includes(s.role),
    ) ||
    (/\bkế hoạch\b/iu.test(text.slice(0, 5000)) && sections.length >= 2);
  if (!hasStructure) {
    throw new PlanExtractError(
      "not_a_plan",
      "Không tìm thấy cấu trúc kế hoạch (căn cứ, mục tiêu, nhiệm vụ, tổ chức thực hiện) trong văn bản.",
      "No plan structure (legal bases, objectives, tasks, organisation) was found in the text.",
    );
  }

  const meta = safe(
    () => extractMetadata(norm.blocks, body, closing, norm.sourceText),
    null,
    warnings,
    "general",
  );
  const period = meta?.period ?? { start: null, end: null, vision: null };

  const legalBases = safe(
    () =>
      extractLegalBases([...preamble, ...blocksOf(["legal", "purpose"])], {
        province: meta?.province ?? null,
        locality: meta?.locality ?? null,
      }),
    [],
    warnings,
    "legal",
  );

  // Objectives and targets.
  const objectives: Objective[] = [];
  const targets: Target[] = [];
  let tId = 0;
  const nextT = () => `T${++tId}`;
  // The line just above a target table is its title or caption, not a target.
  const captions = new Set(
    norm.tables
      .filter((t) => t.found.kind === "targets" && t.anchor > 0)
      .map((t) => norm.blocks[t.anchor - 1]),
  );
  for (const s of sections.filter((x) => x.role === "objectives")) {
    safe(
      () => collectTargets(s.root, period.end, objectives, targets, nextT, unparsed, captions),
      undefined,
      warnings,
      "objectives",
    );
  }

  // Tasks.
  const tasks: Task[] = [];
  let kId = 0;
  const nextK = () => `K${++kId}`;
  for (const s of sections.filter((x) => x.role === "tasks")) {
    safe(
      () => {
        const r = tasksFromSection(s.root, { fallbackYear: period.end, nextId: nextK, warnings });
        tasks.push(...r.tasks);
        for (const n of r.unparsed)
          unparsed.push({
            text: n.block.text,
            section: sectionPath(n),
            source: { start: n.block.start, end: n.block.end },
          });
      },
      undefined,
      warnings,
      "tasks",
    );
  }

  // Rows of task tables outside the task sections: an appendix after the signature.
  const used = new Set(tasks.map((t) => (t.cell ? `${t.cell.table}/${t.cell.row}` : "")));
  let appendix: string | null = null;
  for (const b of norm.blocks) {
    const ap = /^(phụ lục\s+(?:[IVX]+|\d+))\b/iu.exec(b.text);
    if (ap && !b.cells)
      appendix = capitalizeFirst(lowerVi(ap[1]).replace(/\b([ivx]+)$/u, (r) => r.toUpperCase()));
    if (!b.cells?.ref || used.has(`${b.cells.ref.table}/${b.cells.ref.row}`)) continue;
    safe(
      () => tasks.push(tableRowTask(b, appendix, { fallbackYear: period.end, nextId: nextK, warnings })),
      undefined,
      warnings,
      "taskTable",
    );
  }

  // Target tables: one target per year cell.
  for (const t of norm.tables.filter((x) => x.found.kind === "targets")) {
    safe(
      () => targets.push(...tableTargets(t, outline.nodes, body, nextT)),
      undefined,
      warnings,
      "targetTable",
    );
  }

  const budgetBlocks = sections
    .filter((s) => s.role === "budget")
    .flatMap((s) =>
      descendants(s.root)
        .filter((d) => !isHeading(d))
        .map((d) => d.block),
    );
  const budget = safe(() => extractBudget(budgetBlocks, body), budgetOrEmpty(), warnings, "budget");

  const orgBlocks = blocksOf(["organisation", "other", "appendix"]);
  let reporting = safe(() => extractReporting(orgBlocks), [], warnings, "reporting");
  if (!reporting.length)
    reporting = safe(() => extractReporting(blocksOf(["budget", "context"])), [], warnings, "reporting");

  const units = safe(() => collectUnits(tasks, sections), [], warnings, "units");

  // Warnings for the review screen.
  const noLead = tasks.filter((t) => !t.lead).length;
  if (noLead) warnings.push(S.noLead.vi(`${noLead}`, `${tasks.length}`));
  const guessedT = targets.filter((t) => t.confidence < 0.75).length;
  if (guessedT) warnings.push(S.guessedPillar.vi(`${guessedT}`));
  if (!targets.length) warnings.push(S.noTargets.vi());
  if (!tasks.length) warnings.push(S.noTasks.vi());
  if (!legalBases.length) warnings.push(S.noLegalBases.vi());
  if (norm.footnotes.length) warnings.push(S.footnotes.vi(`${norm.footnotes.length}`));
  if (meta && !meta.documentNumber) warnings.push(S.noNumber.vi());
  if (meta && !meta.issuedDate) warnings.push(S.noDate.vi());
  if (budget.total == null) warnings.push(S.noBudget.vi());
  if (!reporting.length) warnings.push(S.noReporting.vi());

  return {
    schema: "plan-extract/v1",
    title: meta?.title ?? null,
    issuer: meta?.issuer ?? null,
    locality: meta?.locality ?? null,
    province: meta?.province ?? null,
    documentNumber: meta?.documentNumber ?? null,
    issuedDate: meta?.issuedDate ?? null,
    period,
    signer: meta?.signer ?? null,
    legalBases,
    objectives: objectives.map((o) => o.text),
    objectiveItems: objectives,
    targets,
    tasks,
    budget,
    reporting,
    units,
    sourceText: norm.sourceText,
    warnings,
    unparsed,
    tables: norm.tables.map((t) => t.extracted),
  };
}

/** Targets of a target table: pillar from its group rows, else from the heading above it, else from content. */
function tableTargets(t: NormTable, nodes: OutlineNode[], body: Block[], nextId: () => string): Target[] {
  const { found, extracted } = t;
  const col = (role: string) => found.columns.findIndex((c) => c.role === role);
  const main = col("target");
  const unitCol = col("unit");
  let headingPillar: Target["pillar"] | null = null;
  let headingSection: string | null = null;
  const above = t.anchor > 0 && t.anchor <= body.length ? body[t.anchor - 1] : null;
  const node = above ? nodes.find((n) => n.block === above) : undefined;
  if (node) {
    headingSection = sectionPath(node);
    for (let p: OutlineNode | null = node; p && !headingPillar; p = p.parent)
      if (isHeading(p)) headingPillar = pillarFromHeading(p.body);
  }
  const out: Target[] = [];
  let group: string | null = null;
  found.rows.forEach((r, k) => {
    const texts = r.cells.map((c) => c?.text ?? "");
    if (r.group) {
      group = texts.filter(Boolean).join(". ");
      return;
    }
    const text = main >= 0 ? texts[main] : "";
    if (!text) return;
    const groupPillar = group ? pillarFromHeading(group.replace(/^[IVXL]+\.\s*/u, "")) : null;
    const pillar = groupPillar ?? (group ? null : headingPillar) ?? pillarFromContent(text);
    const cells = found.columns
      .map((c, column) => ({ c, column }))
      .filter(({ c, column }) => c.role === "year" && c.year && texts[column])
      .map(({ c, column }) => ({
        text: texts[column],
        year: c.year as number,
        column,
        source: extracted.rows[k].cells[column] ?? extracted.rows[k].source,
      }));
    out.push(
      ...targetsFromTableRow(
        {
          text,
          unit: unitCol >= 0 ? texts[unitCol] || null : null,
          pillar: group && !groupPillar ? "other" : pillar,
          pillarFromHeading: groupPillar != null || (!group && headingPillar != null),
          section: group ?? headingSection,
          cells,
          row: k,
          table: extracted.id,
          source: extracted.rows[k].source,
        },
        nextId,
      ),
    );
  });
  return out;
}

/** Runs one rule; a failure becomes a warning instead of an exception. */
function safe<T>(fn: () => T, fallback: T, warnings: string[], what: ExtractionPart): T {
  try {
    return fn();
  } catch {
    warnings.push(S.partFailed.vi(EXTRACTION_PARTS[what].vi));
    return fallback;
  }
}

function collectTargets(
  root: OutlineNode,
  fallbackYear: number | null,
  objectives: Objective[],
  targets: Target[],
  nextId: () => string,
  unparsed: UnparsedBlock[],
  captions: Set<Block>,
): void {
  const rootHasSubheadings = root.children.some(isHeading);
  let introYear: number | null = null;
  for (const node of descendants(root)) {
    if (isHeading(node)) {
      introYear = null;
      continue;
    }
    const heads: OutlineNode[] = [];
    for (let p = node.parent; p && p !== root.parent; p = p.parent) if (isHeading(p)) heads.push(p);
    const general = heads.some(
      (h) =>
        /chung|tong quat/u.test(foldKeepingPunctuation(h.body)) &&
        !/cu the/u.test(foldKeepingPunctuation(h.body)),
    );
    const text = node.body;
    if (!text) continue;
    // A table's caption or note ("Bảng: …", "Ghi chú: …") states no target.
    if (/^(?:bảng(?:\s+\d+)?|ghi chú|nguồn(?: số liệu)?)\s*[:.]/iu.test(text)) continue;
    if (captions.has(node.block) && !findFigures(text).length) continue;
    if (
      general ||
      (node.parent === root && rootHasSubheadings && !findFigures(text).length && node.style === "para")
    ) {
      objectives.push({
        text,
        source: blockSpan(node.block, node.bodyStart),
        confidence: general ? 0.9 : 0.6,
      });
      continue;
    }
    // "Đến năm 2025:" before a list gives the year of the items after it.
    if (/:\s*$/u.test(text) && !findFigures(text).length) {
      introYear = yearIn(text) ?? introYear;
      if (node.children.length === 0 && text.length < 120) continue;
    }
    if (node.children.length && node.style !== "para" && !findFigures(text).length && /:\s*$/u.test(text))
      continue;
    let pillar = null as Target["pillar"] | null;
    for (const h of heads) {
      pillar = pillarFromHeading(h.body);
      if (pillar) break;
    }
    let headYear: number | null = null;
    for (const h of heads) {
      // The section root counts only when it names its horizon ("MỤC TIÊU ĐẾN NĂM 2025", "TẦM NHÌN ĐẾN NĂM 2030").
      if (h === root && !/(?:den|toi)(?: het)? nam \d{4}/u.test(foldKeepingPunctuation(h.body))) continue;
      headYear = yearIn(h.body);
      if (headYear) break;
    }
    const ctx = {
      pillar: pillar ?? pillarFromContent(text),
      pillarFromHeading: pillar != null,
      year: headYear ?? introYear ?? fallbackYear,
      section: sectionPath(node),
    };
    const got = targetsFromBlock(node.block, node.bodyStart, ctx, nextId);
    if (!got.length)
      unparsed.push({
        text: node.block.text,
        section: ctx.section,
        source: { start: node.block.start, end: node.block.end },
      });
    targets.push(...got);
  }
}

/** Units given a responsibility: leads, coordinators, addressees, and the organisation section. */
function collectUnits(tasks: Task[], sections: Array<{ root: OutlineNode; role: SectionRole }>): string[] {
  const reg = new UnitRegistry();
  const addPhrase = (phrase: string) => {
    for (const u of splitUnitList(phrase)) if (startsWithUnitHead(u)) reg.add(u);
  };
  for (const t of tasks) {
    if (t.lead) addPhrase(t.lead);
    for (const c of t.coordinators) reg.add(c);
    for (const a of t.addressees ?? []) addPhrase(a);
  }
  for (const s of sections.filter((x) => x.role === "organisation")) {
    for (const n of descendants(s.root)) {
      const body = n.body;
      if (isHeading(n) && startsWithUnitHead(body.replace(/^(?:thủ trưởng|chủ tịch|lãnh đạo)\s+/iu, ""))) {
        const b = body.replace(/^(?:thủ trưởng|chủ tịch|lãnh đạo)\s+/iu, "");
        addPhrase(b.slice(0, unitPhraseLength(b, 30) || b.length));
      }
      const colon = /^([^:]{3,100}):/u.exec(body);
      if (!isHeading(n) && colon && startsWithUnitHead(colon[1])) addPhrase(colon[1]);
      // "Giao X …", "Đề nghị X …", "Thủ trưởng X và Chủ tịch Y …" at the start of a clause.
      const re =
        /(?:^|[;.]\s+|,\s+(?=thủ trưởng)|\svà\s+)(?:giao(?: cho)?|đề nghị|yêu cầu|thủ trưởng|chủ tịch)\s+/giu;
      let m: RegExpExecArray | null;
      let guard = 0;
      for (m = re.exec(body); m !== null && guard++ < 50; m = re.exec(body)) {
        const rest = body.slice(m.index + m[0].length, m.index + m[0].length + 300);
        if (!startsWithUnitHead(rest)) continue;
        const len = unitPhraseLength(rest, 30);
        const phrase = rest.slice(0, len);
        if (/^(?:ủy ban nhân dân|ubnd)\s+(?:huyện|tỉnh|thành phố|thị xã)$/iu.test(lowerVi(phrase).trim()))
          continue;
        addPhrase(phrase);
      }
      for (const c of findCoordinators(body)) reg.add(c);
    }
  }
  // The issuing People's Committee directs the plan; it is not one of the units given work.
  return reg
    .values()
    .filter(
      (u) =>
        !/^(?:Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:huyện|tỉnh|thành phố|thị xã|quận)(?:\s+\p{Ll}.*)?$/u.test(
          u,
        ),
    );
}
