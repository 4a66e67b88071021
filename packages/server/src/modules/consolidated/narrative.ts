import type { TConsolidatedNarrative, TSaveConsolidated } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type ConsolidatedReportRow, consolidatedReports, type PlanHead } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { conflict } from "../../errors.ts";
import { staleVersion } from "../../stale-version.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import type { ConsolidatedData } from "./gather-consolidated.ts";
import { lowerFirst, officialName, placeNameOf, viDate } from "./vi-format.ts";

/** What the defaults need beyond the report's data. */
export interface NarrativeBasis {
  plan: PlanHead;
  /** The tenant's root unit ("Tỉnh Vĩnh Long"), for the recipients. */
  provinceName: string | null;
}

/** "- Xã A, Xã B: text" — units that wrote the same thing share one line. */
function gathered(data: ConsolidatedData, pick: "difficulties" | "proposals"): string {
  const byText = new Map<string, string[]>();
  for (const s of data.statements) {
    const text = s[pick].trim();
    if (!text) continue;
    byText.set(text, [...(byText.get(text) ?? []), s.unit.name]);
  }
  return [...byText.entries()].map(([text, units]) => `- ${units.join(", ")}: ${text}`).join("\n");
}

const joinParts = (parts: string[]) => parts.filter(Boolean).join(", ");

/** Đánh giá chung from the figures, for the officer to rewrite. */
function assessmentOf(data: ConsolidatedData): string {
  const c = data.counts;
  const sent = c.submitted + c.approved;
  const reporting = c.expected
    ? sent === 0
      ? `Trong kỳ có ${c.expected} đơn vị phải báo cáo; chưa có đơn vị nào nộp báo cáo.`
      : `Trong kỳ có ${c.expected} đơn vị phải báo cáo; ${sent} đơn vị đã nộp báo cáo (${joinParts([
          `${c.onTime} đúng hạn`,
          c.late ? `${c.late} trễ hạn` : "",
        ])})${c.missing ? `, ${c.missing} đơn vị chưa nộp` : ""}.`
    : "";
  const n = (s: string) => data.targets.filter((t) => t.attainment === s).length;
  const targets = data.targets.length
    ? `Về chỉ tiêu: trên tổng số ${data.targets.length} chỉ tiêu, ${joinParts([
        `${n("achieved")} chỉ tiêu đạt`,
        n("near") ? `${n("near")} gần đạt` : "",
        n("not_achieved") ? `${n("not_achieved")} chưa đạt` : "",
        n("no_data") ? `${n("no_data")} chưa có số liệu` : "",
        n("qualitative") ? `${n("qualitative")} chỉ tiêu định tính` : "",
      ])}.`
    : "";
  const m = (s: string) => data.tasks.filter((t) => t.status === s).length;
  const tasks = data.tasks.length
    ? `Về nhiệm vụ: trên tổng số ${data.tasks.length} nhiệm vụ, ${joinParts([
        `${m("done") + m("done_late")} nhiệm vụ hoàn thành`,
        m("in_progress") ? `${m("in_progress")} đang thực hiện` : "",
        m("overdue") ? `${m("overdue")} quá hạn` : "",
        m("not_started") ? `${m("not_started")} chưa triển khai` : "",
      ])}.`
    : "";
  return [reporting, targets, tasks].filter(Boolean).join("\n");
}

function nextTasksOf(data: ConsolidatedData): string {
  const open = data.tasks.filter((t) => t.status !== "done" && t.status !== "done_late");
  const overdue = open.filter((t) => t.status === "overdue").length;
  return [
    open.length
      ? `- Tiếp tục triển khai ${open.length} nhiệm vụ chưa hoàn thành${overdue ? `, tập trung xử lý ${overdue} nhiệm vụ quá hạn` : ""}.`
      : "- Duy trì kết quả các nhiệm vụ đã hoàn thành.",
    "- Đôn đốc các cơ quan, đơn vị báo cáo đầy đủ, đúng hạn số liệu các chỉ tiêu.",
  ].join("\n");
}

/**
 * The parts as they stand before anyone saved: the place from the issuing unit, today's
 * date, an opening and an assessment written from the figures, and the difficulties and
 * proposals gathered from the units' reports.
 */
export function defaultNarrative(
  data: ConsolidatedData,
  { plan, provinceName }: NarrativeBasis,
  now = new Date(),
): TConsolidatedNarrative {
  const unitName = officialName(data.plan.unit.name);
  const named = /^kế hoạch/i.test(plan.title.trim()) ? plan.title.trim() : `Kế hoạch ${plan.title.trim()}`;
  const reference = plan.documentNumber
    ? ` (số ${plan.documentNumber}${plan.issuedDate ? ` ngày ${viDate(plan.issuedDate)}` : ""})`
    : "";
  const title = (plan.signerTitle ?? "").toLocaleLowerCase("vi");
  const recipients = [
    provinceName && provinceName !== unitName ? `UBND ${lowerFirst(provinceName)} (b/c)` : "",
    "Sở Khoa học và Công nghệ (b/c)",
    `CT, các PCT UBND ${lowerFirst(unitName)}`,
    "Các cơ quan, đơn vị có liên quan",
    "Lưu: VT",
  ].filter(Boolean);
  return {
    documentNumber: "",
    placeName: placeNameOf(unitName),
    reportDate: todayIso(now),
    opening: `Thực hiện ${named.replace(/[.;]+$/, "")}${reference}, Ủy ban nhân dân ${lowerFirst(unitName)} báo cáo kết quả thực hiện ${lowerFirst(data.period.label)} như sau:`,
    assessment: assessmentOf(data),
    difficulties: gathered(data, "difficulties"),
    proposals: gathered(data, "proposals"),
    nextTasks: nextTasksOf(data),
    signature: {
      authority: "TM. ỦY BAN NHÂN DÂN",
      signatory: title.includes("phó") || !title.includes("chủ tịch") ? "vice_chairman" : "chairman",
      signerName: plan.signerName ?? "",
    },
    recipients,
  };
}

export function presentNarrative(row: ConsolidatedReportRow): TConsolidatedNarrative {
  return {
    documentNumber: row.documentNumber,
    placeName: row.placeName,
    reportDate: row.reportDate,
    opening: row.opening,
    assessment: row.assessment,
    difficulties: row.difficulties,
    proposals: row.proposals,
    nextTasks: row.nextTasks,
    signature: row.signature,
    recipients: row.recipients,
  };
}

export async function findNarrative(
  db: Database,
  plan: Pick<PlanHead, "tenantId" | "code">,
  periodKey: string,
  lock = false,
): Promise<ConsolidatedReportRow | null> {
  const query = db
    .select()
    .from(consolidatedReports)
    .where(
      and(
        eq(consolidatedReports.tenantId, plan.tenantId),
        eq(consolidatedReports.planCode, plan.code),
        eq(consolidatedReports.periodKey, periodKey),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

const staleNarrative = (db: Database, row: ConsolidatedReportRow) =>
  staleVersion(db, "Báo cáo tổng hợp", row);

/**
 * Lưu phần lời văn of the period's consolidated report: refused (409, naming who saved
 * and when) unless the caller saw the version in the database — 0 when nothing was
 * saved yet. The change is audited with what it replaced.
 */
export async function saveNarrative(
  db: Database,
  {
    plan,
    periodKey,
    actor,
    input,
  }: { plan: PlanHead; periodKey: string; actor: Pick<Actor, "id">; input: TSaveConsolidated },
): Promise<ConsolidatedReportRow> {
  const { version, ...narrative } = input;
  return db.transaction(async (tx) => {
    const existing = await findNarrative(tx, plan, periodKey, true);
    const now = new Date();
    let saved: ConsolidatedReportRow | undefined;
    if (existing) {
      if (existing.version !== version) throw await staleNarrative(tx, existing);
      [saved] = await tx
        .update(consolidatedReports)
        .set({ ...narrative, version: existing.version + 1, updatedAt: now, updatedBy: actor.id })
        .where(
          and(
            eq(consolidatedReports.tenantId, plan.tenantId),
            eq(consolidatedReports.planCode, plan.code),
            eq(consolidatedReports.periodKey, periodKey),
          ),
        )
        .returning();
    } else {
      [saved] = await tx
        .insert(consolidatedReports)
        .values({
          tenantId: plan.tenantId,
          planCode: plan.code,
          periodKey,
          ...narrative,
          version: 1,
          createdBy: actor.id,
          updatedBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      // Someone saved the first version between our read and our insert.
      if (!saved) {
        const raced = await findNarrative(tx, plan, periodKey);
        throw raced
          ? await staleNarrative(tx, raced)
          : conflict("Báo cáo tổng hợp vừa được lưu; hãy tải lại.");
      }
    }
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "consolidated.save",
      entity: "consolidated_report",
      entityId: `${plan.code}/${periodKey}`,
      unitId: plan.unitId,
      before: existing ? presentNarrative(existing) : null,
      after: presentNarrative(saved),
    });
    return saved;
  });
}
