import { deadlineRecurrence } from "@dtplan/domain/extract/dates.ts";
import { PlanExtractError } from "@dtplan/domain/extract/errors.ts";
import type { ExtractOptions, PlanExtract, Target, Task } from "@dtplan/domain/extract/types.ts";
import type { Indicator as DomainIndicator } from "@dtplan/domain/indicators/catalogue.ts";
import { suggestIndicators } from "@dtplan/domain/indicators/match-indicator.ts";
import { suggestUnits, type UnitCandidate } from "@dtplan/domain/org/match-units.ts";
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans, type StoredCoordinator, type StoredUnitSuggestion } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { assertAllowed } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { ensureCatalogue, tenantIndicators, toDomainIndicator } from "../indicators/indicators.repository.ts";
import { findUnitById, listTenantUnits } from "../org/org.repository.ts";
import type { ExtractJob } from "./extract-job.ts";
import { ExtractAborted, type ExtractPool, ExtractPoolBusy } from "./extract-pool.ts";
import { fileTooLarge } from "./plan-upload.ts";
import {
  codesInTenant,
  findPlanByDocument,
  insertPlanItems,
  loadPlanItems,
  plansByDocumentNumber,
} from "./plans.repository.ts";

/** A unit suggestion at or above this is assigned without asking; below, it waits for review. */
export const AUTO_ASSIGN_SCORE = 0.85;

/** "huyện Châu Thành" + 2025 → "chau-thanh-2025"; a multi-year plan gets "2021-2025". */
export function planCodeBase(
  locality: string | null,
  fallback: string,
  period: PlanExtract["period"],
): string {
  const place = foldVietnamese(locality ?? fallback)
    .replace(/^(tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran|dac khu)\s+/, "")
    .replace(/\s+/g, "-")
    .slice(0, 60);
  const years =
    period.start && period.end && period.start !== period.end
      ? `${period.start}-${period.end}`
      : String(period.end ?? period.start ?? new Date().getFullYear());
  return `${place || "ke-hoach"}-${years}`;
}

function uniqueCode(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Ranked unit suggestions for an extracted name; the top one is assigned when sure enough. */
export function matchUnit(
  name: string | null,
  candidates: readonly UnitCandidate[],
  asOf: string,
): { unitId: string | null; score: number | null; suggestions: StoredUnitSuggestion[] } {
  if (!name) return { unitId: null, score: null, suggestions: [] };
  const suggestions = suggestUnits(name, candidates, { asOf, limit: 3 }).flatMap((s) =>
    s.kind === "unit" ? [{ unitId: s.unitId, score: s.score, reason: s.reason }] : [],
  );
  const [top, second] = suggestions;
  const sure = top && top.score >= AUTO_ASSIGN_SCORE && (!second || second.score < top.score);
  return { unitId: sure ? top.unitId : null, score: top?.score ?? null, suggestions };
}

export function taskValues(
  task: Pick<
    Task,
    "pillar" | "section" | "kind" | "text" | "lead" | "coordinators" | "deadline" | "source" | "confidence"
  > &
    Partial<Pick<Task, "cell">>,
  candidates: readonly UnitCandidate[],
  asOf: string,
) {
  const lead = matchUnit(task.lead, candidates, asOf);
  const coordinators: StoredCoordinator[] = task.coordinators.map((name) => {
    const m = matchUnit(name, candidates, asOf);
    return { text: name, unitId: m.unitId, score: m.score, suggestions: m.suggestions };
  });
  return {
    pillar: task.pillar,
    section: task.section,
    kind: task.kind,
    text: task.text,
    leadUnitId: lead.unitId,
    leadText: task.lead,
    leadScore: lead.score,
    leadSuggestions: lead.suggestions,
    coordinators,
    deadlineText: task.deadline?.text ?? null,
    deadlineDate: task.deadline?.date ?? null,
    ...deadlineRecurrence(task.deadline?.text),
    sourceStart: task.source.start,
    sourceEnd: task.source.end,
    sourceCell: task.cell ?? null,
    confidence: task.confidence,
  };
}

/** A target's stored fields, with its best indicator match (kept when at least 0.5). */
export function targetValues(target: Target, catalogue: readonly DomainIndicator[]) {
  const suggestions = suggestIndicators(target, catalogue, { limit: 3 }).map((s) => ({
    code: s.code,
    score: s.score,
  }));
  const top = suggestions[0];
  return {
    pillar: target.pillar,
    section: target.section,
    text: target.text,
    value: target.value,
    unit: target.unit,
    comparator: target.comparator,
    year: target.year,
    scope: target.scope,
    indicatorCode: top && top.score >= 0.5 ? top.code : null,
    indicatorScore: top && top.score >= 0.5 ? top.score : null,
    indicatorSuggestions: suggestions,
    sourceStart: target.source.start,
    sourceEnd: target.source.end,
    sourceCell: target.cell ?? null,
    confidence: target.confidence,
  };
}

/** The day unit names are matched on: the plan's issue date, else the start of its period, else today. */
export function matchDateOf(extract: PlanExtract): string {
  return extract.issuedDate ?? (extract.period.start ? `${extract.period.start}-01-01` : todayIso());
}

/**
 * Reads the file and extracts the plan in the import worker pool (never on the event
 * loop); a bad file is a 400 with the reader's Vietnamese message.
 */
export function extractUpload(pool: ExtractPool, input: { bytes: Uint8Array; fileName: string }) {
  return inPool(pool, input, input.bytes.byteLength);
}

/** A stored source text extracted again (with the column roles the officer fixed), in the pool. */
export async function extractStored(pool: ExtractPool, text: string, options: ExtractOptions) {
  return (await inPool(pool, { text, options }, null)).extract;
}

async function inPool(pool: ExtractPool, job: ExtractJob, size: number | null) {
  try {
    return await pool.run(job);
  } catch (error) {
    if (error instanceof PlanExtractError) {
      if (error.code === "file_too_large") throw fileTooLarge(size);
      const details = [{ path: "file", message: error.code }];
      throw new AppError("bad_request", error.message, details).inEnglish(error.messageEn, details);
    }
    if (error instanceof ExtractPoolBusy) {
      throw new AppError(
        "rate_limited",
        "Máy chủ đang đọc nhiều tệp kế hoạch khác; hãy thử nhập lại sau ít phút.",
      );
    }
    if (error instanceof ExtractAborted) {
      throw new AppError(
        "bad_request",
        error.reason === "timeout"
          ? "Tệp kế hoạch quá phức tạp, không đọc xong trong thời gian cho phép. Hãy lưu lại tệp (hoặc xuất lại PDF) rồi nhập lại."
          : "Tệp kế hoạch quá phức tạp hoặc bị hỏng, không đọc được. Hãy lưu lại tệp (hoặc xuất lại PDF) rồi nhập lại.",
        [{ path: "file", message: error.reason }],
      );
    }
    throw error;
  }
}

export type ImportMode = "new" | "amendment";

/** The plan (its newest version) already imported from a document with this number and date. */
async function sameDocument(db: Database, tenantId: string, extract: PlanExtract): Promise<PlanRow | null> {
  if (!extract.documentNumber || !extract.issuedDate) return null;
  return findPlanByDocument(db, tenantId, extract.documentNumber, extract.issuedDate);
}

/**
 * 409 "Kế hoạch này đã được nhập: …": the web offers to open it or to import the file as an
 * amendment. `details[0]` (path `existingPlan`) carries the plan's code for the link.
 */
function alreadyImported(plan: PlanRow): AppError {
  const date = formatDate(plan.issuedDate);
  const what = `«${plan.title}» (số ${plan.documentNumber}, ngày ${date})`;
  const details = [{ path: "existingPlan", message: plan.code }];
  return new AppError(
    "conflict",
    `Kế hoạch này đã được nhập: ${what}. Hãy mở kế hoạch đó, hoặc nhập tệp này làm bản điều chỉnh, bổ sung.`,
    details,
  ).inEnglish(
    `This plan has already been imported: «${plan.title}» (no. ${plan.documentNumber}, dated ${date}). Open it, or import this file as an amendment.`,
    details,
  );
}

/** An item's key in the version in force when the new text is word for word the same (each key used once). */
function keyByText(rows: readonly { text: string; key: string }[] | undefined) {
  const byText = new Map((rows ?? []).map((r) => [r.text.trim(), r.key]));
  return (text: string): { key?: string } => {
    const key = byText.get(text.trim());
    if (!key) return {};
    byText.delete(text.trim());
    return { key };
  };
}

/**
 * Turns an uploaded plan into a draft of version 1 with every extracted item, each
 * target with its best indicator match and each lead/coordinator with unit
 * suggestions (assigned only when sure). Nothing is dropped: warnings and the
 * blocks no rule understood are kept in `extraction` for the review screen.
 */
export async function importPlan(
  db: Database,
  {
    actor,
    unitId,
    extract,
    fileName,
    format,
    mode = "new",
  }: {
    actor: Actor;
    unitId: string;
    extract: PlanExtract;
    fileName: string;
    format: string;
    /** `amendment`: the file is a new version of the plan already imported with its number and date. */
    mode?: ImportMode;
  },
): Promise<PlanRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị.");
  const tenantId = unit.tenantId;
  return db.transaction(async (tx) => {
    const earlier = await sameDocument(tx, tenantId, extract);
    if (earlier && mode !== "amendment") throw alreadyImported(earlier);
    if (!earlier && mode === "amendment") {
      throw new AppError(
        "bad_request",
        "Chưa có kế hoạch nào cùng số và ngày văn bản với tệp này; hãy nhập như kế hoạch mới.",
      );
    }
    if (earlier?.status === "draft") {
      throw conflict(
        `Kế hoạch «${earlier.title}» đang có bản nháp (phiên bản ${earlier.version}): hãy mở bản nháp đó để sửa, hoặc xóa nó rồi nhập lại.`,
      );
    }
    if (earlier) await assertAllowed(tx, actor, "plans.manage", [earlier.unitId]);
    await ensureCatalogue(tx, tenantId);
    const catalogue = (await tenantIndicators(tx, tenantId)).map(toDomainIndicator);
    const candidates: UnitCandidate[] = await listTenantUnits(tx, tenantId);
    const asOf = matchDateOf(extract);
    const base = planCodeBase(extract.locality, unit.name, extract.period);
    const code = earlier?.code ?? uniqueCode(base, await codesInTenant(tx, tenantId, base));
    // Items worded as in the version in force keep their key: reports and assignments follow them.
    const kept = earlier ? await loadPlanItems(tx, earlier) : null;
    const targetKey = keyByText(kept?.targets);
    const taskKey = keyByText(kept?.tasks);
    const numbers = extract.legalBases.map((l) => l.number).filter((n): n is string => Boolean(n));
    const linked = await plansByDocumentNumber(tx, tenantId, numbers);
    const implementsCode =
      extract.legalBases.map((l) => (l.number ? linked.get(l.number) : undefined)).find(Boolean) ?? null;
    const { sourceText, ...extractionRest } = extract;

    const [plan] = await tx
      .insert(plans)
      .values({
        tenantId,
        code,
        version: earlier ? earlier.version + 1 : 1,
        amendmentReason: earlier ? `Nhập lại từ tệp ${fileName}` : null,
        title: extract.title ?? fileName,
        kind:
          extract.period.start !== null &&
          extract.period.end !== null &&
          extract.period.start !== extract.period.end
            ? "multi_year"
            : "annual",
        unitId: earlier?.unitId ?? unit.id,
        periodStart: extract.period.start,
        periodEnd: extract.period.end,
        visionYear: extract.period.vision,
        implementsPlanCode: implementsCode,
        documentNumber: extract.documentNumber,
        issuedDate: extract.issuedDate,
        signerName: extract.signer?.name ?? null,
        signerTitle: extract.signer?.title ?? null,
        issuer: extract.issuer,
        locality: extract.locality,
        objectives: extract.objectives,
        sourceText,
        sourceFileName: fileName,
        sourceFormat: format,
        extraction: extractionRest,
        createdBy: actor.id,
      })
      .returning();

    await insertPlanItems(tx, {
      targets: extract.targets.map((t, position) => ({
        tenantId,
        planId: plan.id,
        position,
        ...targetValues(t, catalogue),
        ...targetKey(t.text),
      })),
      targetUnits: [],
      tasks: extract.tasks.map((t, position) => ({
        tenantId,
        planId: plan.id,
        position,
        ...taskValues(t, candidates, asOf),
        ...taskKey(t.text),
      })),
      legalBases: extract.legalBases.map((l, position) => ({
        tenantId,
        planId: plan.id,
        position,
        type: l.type,
        number: l.number,
        date: l.date,
        issuer: l.issuer,
        text: l.text,
        linkedPlanCode: l.number ? (linked.get(l.number) ?? null) : null,
      })),
      reportingRules: extract.reporting.map((r, position) => ({
        tenantId,
        planId: plan.id,
        position,
        frequency: r.frequency,
        dueDay: r.due?.day ?? null,
        dueMonth: typeof r.due?.month === "number" ? r.due.month : null,
        dueLastOfPeriod: r.due?.month === "last-of-period",
        text: r.text,
      })),
      budget: {
        tenantId,
        planId: plan.id,
        total: extract.budget.total,
        sources: extract.budget.sources,
        text: extract.budget.text,
      },
    });
    await recordAudit(tx, {
      tenantId,
      actorId: actor.id,
      action: earlier ? "plan.import_amendment" : "plan.import",
      entity: "plan",
      entityId: plan.id,
      unitId: plan.unitId,
      after: {
        code,
        version: plan.version,
        title: plan.title,
        fileName,
        format,
        targets: extract.targets.length,
        tasks: extract.tasks.length,
        unparsed: extract.unparsed.length,
      },
    });
    return plan;
  });
}
