import type {
  TDtiAssessment,
  TDtiCriterion,
  TDtiEvidence,
  TDtiEvidenceLink,
  TDtiSaveAssessment,
  TDtiScoreNode,
  TDtiVerify,
  TEvidenceFile,
} from "@dtplan/contracts";
import type { DtiNode } from "@dtplan/domain/dti/framework.ts";
import type { DtiNodeScoreResult } from "@dtplan/domain/dti/scoring.ts";
import { scoreLeaf } from "@dtplan/domain/dti/scoring.ts";
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { sqlList } from "../../db/sql.ts";
import { AppError, type ErrorDetail, forbidden } from "../../errors.ts";
import { staleVersion } from "../../stale-version.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudits } from "../audit/audit.repository.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { storeEvidence } from "../evidence/store-evidence.ts";
import { userNames } from "../reporting/reporting.repository.ts";
import { presentEvidence, presentedEvidenceFiles } from "../tasks/task-history.ts";
import { roundHeading } from "./dti.presenter.ts";
import {
  type EntryRow,
  findRound,
  findRoundUnit,
  type RoundRow,
  type RoundUnitRow,
  updateRoundUnit,
  upsertEntries,
  writeVerifications,
} from "./dti.repository.ts";
import { type DtiPowers, requireVerify, roundNotFound, roundStateError, unitPowers } from "./dti-access.ts";
import { roundScores, type UnitScores } from "./scores.ts";

const notInRound = () => new AppError("not_found", "Đơn vị không thuộc đợt đánh giá này.");

/** The round and the unit's row in it, with what the actor may do; 404/403 otherwise. */
export async function assessmentScope(
  db: Database,
  actor: Actor,
  powers: DtiPowers,
  roundId: string,
  unitId: string,
  { forUpdate = false } = {},
): Promise<{ round: RoundRow; ru: RoundUnitRow; read: boolean; edit: boolean }> {
  const round = await findRound(db, powers.tenantId, roundId);
  if (!round) throw roundNotFound();
  const can = await unitPowers(db, actor, powers, unitId);
  if (!can.read) {
    throw forbidden("Đơn vị chỉ xem được tự đánh giá của mình; kết quả các đơn vị khác dành cho cấp tỉnh.");
  }
  const ru = await findRoundUnit(db, powers.tenantId, roundId, unitId, { forUpdate });
  if (!ru) throw notInRound();
  return { round, ru, ...can };
}

const person = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? "" } : null;

function toScoreNodes(
  nodes: readonly DtiNode[],
  self: readonly DtiNodeScoreResult[],
  verified: readonly DtiNodeScoreResult[],
  counted: readonly DtiNodeScoreResult[],
): TDtiScoreNode[] {
  return nodes.map((n, i) => {
    const s = self[i];
    const v = verified[i];
    const c = counted[i];
    return {
      code: n.code,
      name: n.name,
      kind: n.kind,
      maxPoints: n.maxPoints,
      selfPoints: s?.complete ? s.points : s && s.points > 0 ? s.points : null,
      verifiedPoints: v?.complete ? v.points : null,
      points: c?.points ?? 0,
      normalised: c?.normalised ?? 0,
      children: toScoreNodes(n.children, s?.children ?? [], v?.children ?? [], c?.children ?? []),
    };
  });
}

/** Labels and addresses of evidence items (files, plans, reports) in three statements. */
async function presentEvidenceLinks(
  db: Database,
  tenantId: string,
  entries: readonly EntryRow[],
  lang: Lang,
): Promise<Map<string, TDtiEvidence>> {
  const links = entries.flatMap((e) => e.evidence as TDtiEvidenceLink[]);
  const fileIds = [...new Set(links.flatMap((l) => (l.kind === "file" ? [l.fileId] : [])))];
  const planCodes = [...new Set(links.flatMap((l) => (l.kind === "plan" ? [l.planCode] : [])))];
  const reportIds = [...new Set(links.flatMap((l) => (l.kind === "report" ? [l.reportId] : [])))];
  const files = await presentedEvidenceFiles(db, tenantId, fileIds);
  const plans = planCodes.length
    ? await queryRows<{ code: string; title: string }>(
        db,
        sql`SELECT DISTINCT ON (code) code, title FROM plans WHERE tenant_id = ${tenantId} AND code IN ${sqlList(planCodes)} ORDER BY code, version DESC`,
      )
    : [];
  const reports = reportIds.length
    ? await queryRows<{
        id: string;
        plan_code: string;
        key: string;
        label: string;
        unit_id: string;
        unit_name: string;
      }>(
        db,
        sql`SELECT r.id, r.plan_code, p.key, p.label, r.unit_id, u.name AS unit_name
              FROM unit_reports r
              JOIN reporting_periods p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
              JOIN org_units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
             WHERE r.tenant_id = ${tenantId} AND r.id IN ${sqlList(reportIds)}`,
      )
    : [];
  const out = new Map<string, TDtiEvidence>();
  for (const file of files.values()) {
    out.set(`file:${file.id}`, {
      kind: "file",
      label: file.name,
      href: file.url,
      link: { kind: "file", fileId: file.id },
      file,
    });
  }
  for (const p of plans) {
    out.set(`plan:${p.code}`, {
      kind: "plan",
      label: p.title,
      href: `/plans/${p.code}`,
      link: { kind: "plan", planCode: p.code },
      file: null,
    });
  }
  for (const r of reports) {
    out.set(`report:${r.id}`, {
      kind: "report",
      label: `${lang === "en" ? "Report" : "Báo cáo"} ${periodLabel(r, lang)} — ${r.unit_name}`,
      href: `/plans/${r.plan_code}/periods/${r.key}/reports/${r.unit_id}`,
      link: { kind: "report", reportId: r.id },
      file: null,
    });
  }
  return out;
}

const linkKey = (l: TDtiEvidenceLink) =>
  l.kind === "file"
    ? `file:${l.fileId}`
    : l.kind === "plan"
      ? `plan:${l.planCode}`
      : l.kind === "report"
        ? `report:${l.reportId}`
        : `url:${l.url}`;

/** Tự đánh giá và bảng điểm of one unit in one round. */
export async function getAssessment(
  db: Database,
  actor: Actor,
  powers: DtiPowers,
  roundId: string,
  unitId: string,
  /** The language of what the server words (an evidence report's name). */
  lang: Lang = "vi",
): Promise<TDtiAssessment> {
  const { round, ru, edit } = await assessmentScope(db, actor, powers, roundId, unitId);
  const { framework, scores, entries } = await roundScores(db, round, [unitId]);
  const unit = scores.get(unitId) as UnitScores;
  const byCode = new Map(entries.map((e) => [e.nodeCode, e]));
  const evidence = await presentEvidenceLinks(db, round.tenantId, entries, lang);
  const names = await userNames(db, [ru.submittedBy, ...entries.map((e) => e.verifiedBy)]);
  const criteria: TDtiCriterion[] = framework.leaves.map(({ node, path }) => {
    const e = byCode.get(node.code);
    const leaf = unit.leaves.get(node.code);
    return {
      code: node.code,
      name: node.name,
      kind: node.kind,
      path,
      maxPoints: node.maxPoints,
      rule: node.rule,
      evidenceRequired: node.evidenceRequired,
      guidance: node.guidance,
      entry: {
        value: node.rule.kind === "indicator" ? (leaf?.automatic?.value ?? null) : (e?.value ?? null),
        level: e?.level ?? null,
        numerator: e?.numerator ?? null,
        denominator: e?.denominator ?? null,
        achieved: e?.achieved ?? null,
        explanation: e?.explanation ?? "",
        evidence: ((e?.evidence ?? []) as TDtiEvidenceLink[]).map(
          (l) =>
            evidence.get(linkKey(l)) ?? {
              kind: l.kind,
              label: l.kind === "url" ? l.url : "Tài liệu không còn",
              href: l.kind === "url" ? l.url : "",
              link: l,
              file: null,
            },
        ),
        updatedAt: e?.updatedAt ?? null,
      },
      selfPoints: leaf?.selfPoints ?? null,
      verifiedPoints: leaf?.verifiedPoints ?? null,
      verification:
        e?.verificationOutcome && e.verifiedAt
          ? {
              outcome: e.verificationOutcome,
              points: e.verificationOutcome === "adjusted" ? e.verifiedPoints : null,
              comment: e.verificationComment,
              by: person(e.verifiedBy, names),
              at: e.verifiedAt,
            }
          : null,
      automatic: leaf?.automatic ?? null,
    };
  });
  const editable = edit && round.status === "open" && ru.status !== "submitted";
  return {
    round: roundHeading(round, powers),
    unit: { id: ru.unitId, name: ru.unitName },
    status: ru.status,
    version: ru.version,
    submittedAt: ru.submittedAt,
    submittedBy: person(ru.submittedBy, names),
    criteria,
    scores: toScoreNodes(framework.nodes, unit.self, unit.verified, unit.counted),
    total: {
      selfPoints: unit.selfTotal.points,
      verifiedPoints: unit.verifiedTotal.complete ? unit.verifiedTotal.points : null,
      points: unit.countedTotal.points,
      maxPoints: unit.countedTotal.maxPoints,
      normalised: unit.countedTotal.normalised,
    },
    can: {
      edit: editable,
      submit: editable,
      verify:
        powers.verify && (round.status === "open" || round.status === "closed") && ru.status === "submitted",
    },
  };
}

function assertEditable(round: RoundRow, ru: RoundUnitRow, edit: boolean): void {
  if (!edit) throw forbidden("Chỉ cán bộ báo cáo của đơn vị được tự đánh giá cho đơn vị.");
  if (round.status !== "open") throw roundStateError("Đợt đánh giá không mở để tự đánh giá.");
  if (ru.status === "submitted") {
    throw roundStateError("Bản tự đánh giá đã nộp; chờ cấp tỉnh thẩm định hoặc trả lại để sửa.");
  }
}

async function assertVersion(db: Database, ru: RoundUnitRow, version: number): Promise<void> {
  if (ru.version !== version) {
    throw await staleVersion(db, "Bản tự đánh giá", {
      updatedBy: ru.updatedBy,
      updatedAt: ru.updatedAt ? new Date(ru.updatedAt) : null,
    });
  }
}

/** Checks evidence links point at things of this unit's assessment and province. */
async function assertEvidence(
  db: Database,
  round: RoundRow,
  ru: RoundUnitRow,
  entries: TDtiSaveAssessment["entries"],
): Promise<void> {
  const problems: ErrorDetail[] = [];
  const all = entries.flatMap((e, i) =>
    (e.evidence ?? []).map((l, j) => ({ l, path: `body.entries[${i}].evidence[${j}]` })),
  );
  const fileIds = all.flatMap((x) => (x.l.kind === "file" ? [x.l.fileId] : []));
  const planCodes = all.flatMap((x) => (x.l.kind === "plan" ? [x.l.planCode] : []));
  const reportIds = all.flatMap((x) => (x.l.kind === "report" ? [x.l.reportId] : []));
  const files = new Set(
    fileIds.length
      ? (
          await queryRows<{ id: string }>(
            db,
            sql`SELECT id FROM evidence_files WHERE tenant_id = ${round.tenantId} AND owner_type = 'dti' AND owner_key = ${ru.id} AND id IN ${sqlList(fileIds)}`,
          )
        ).map((r) => r.id)
      : [],
  );
  const plans = new Set(
    planCodes.length
      ? (
          await queryRows<{ code: string }>(
            db,
            sql`SELECT DISTINCT code FROM plans WHERE tenant_id = ${round.tenantId} AND code IN ${sqlList(planCodes)}`,
          )
        ).map((r) => r.code)
      : [],
  );
  const reports = new Set(
    reportIds.length
      ? (
          await queryRows<{ id: string }>(
            db,
            sql`SELECT id FROM unit_reports WHERE tenant_id = ${round.tenantId} AND unit_id = ${ru.unitId} AND status = 'approved' AND id IN ${sqlList(reportIds)}`,
          )
        ).map((r) => r.id)
      : [],
  );
  for (const { l, path } of all) {
    if (l.kind === "file" && !files.has(l.fileId)) {
      problems.push({
        path,
        message: "Tệp minh chứng không thuộc bản tự đánh giá này (hãy tải tệp lên trước)",
      });
    }
    if (l.kind === "plan" && !plans.has(l.planCode))
      problems.push({ path, message: "Không tìm thấy kế hoạch trong tỉnh" });
    if (l.kind === "report" && !reports.has(l.reportId)) {
      problems.push({ path, message: "Chỉ dẫn được báo cáo đã duyệt của chính đơn vị" });
    }
  }
  if (problems.length)
    throw new AppError("validation_failed", problems[0]?.message ?? "Minh chứng không hợp lệ", problems);
}

/** Lưu nháp tự đánh giá: the entries given (others unchanged), on the version read; 409 when stale. */
/** Who acts on which unit's self-assessment of which round. */
interface UnitAct {
  actor: Actor;
  powers: DtiPowers;
  roundId: string;
  unitId: string;
}

/** The unit's self-assessment, locked, when the actor may still edit it on the version read. */
async function editableOnVersion(tx: Database, { actor, powers, roundId, unitId }: UnitAct, version: number) {
  const scope = await assessmentScope(tx, actor, powers, roundId, unitId, { forUpdate: true });
  assertEditable(scope.round, scope.ru, scope.edit);
  await assertVersion(tx, scope.ru, version);
  return scope;
}

export async function saveAssessment(
  db: Database,
  act: UnitAct & { input: TDtiSaveAssessment },
): Promise<void> {
  const { actor, roundId, unitId, input } = act;
  await db.transaction(async (tx) => {
    const { round, ru } = await editableOnVersion(tx, act, input.version);
    const { framework, entries } = await roundScores(tx, round, [unitId]);
    const leaves = new Map(framework.leaves.map((l) => [l.node.code, l.node]));
    const existing = new Map(entries.map((e) => [e.nodeCode, e]));
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.entries.forEach((e, i) => {
      const node = leaves.get(e.code);
      const at = (field: string, message: string) =>
        problems.push({ path: `body.entries[${i}]${field}`, message });
      if (!node) {
        at(".code", `Không có tiêu chí mã "${e.code}" trong bộ chỉ số`);
        return;
      }
      if (seen.has(e.code)) at(".code", `Tiêu chí "${e.code}" được gửi hai lần`);
      seen.add(e.code);
      if (node.rule.kind === "indicator" && e.value !== undefined && e.value !== null) {
        at(".value", `Tiêu chí "${e.code}" lấy tự động từ báo cáo đã duyệt, không nhập tay`);
      }
      if (node.rule.kind === "levels" && e.level && !node.rule.levels.some((l) => l.key === e.level)) {
        at(".level", `Tiêu chí "${e.code}" không có mức "${e.level}"`);
      }
      if (
        typeof e.numerator === "number" &&
        typeof e.denominator === "number" &&
        e.numerator > e.denominator
      ) {
        at(".numerator", "Tử số (a) không được lớn hơn mẫu số (b)");
      }
    });
    if (problems.length) throw new AppError("validation_failed", problems[0]?.message ?? "", problems);
    await assertEvidence(tx, round, ru, input.entries);
    const rows = input.entries.map((e) => {
      const node = leaves.get(e.code) as DtiNode;
      const old = existing.get(e.code);
      const pick = <T>(given: T | undefined, before: T) => (given === undefined ? before : given);
      const merged = {
        code: e.code,
        value: pick(e.value, old?.value ?? null),
        level: pick(e.level, old?.level ?? null),
        numerator: pick(e.numerator, old?.numerator ?? null),
        denominator: pick(e.denominator, old?.denominator ?? null),
        achieved: pick(e.achieved, old?.achieved ?? null),
        explanation: pick(e.explanation, old?.explanation ?? ""),
        evidence: pick(e.evidence as unknown[] | undefined, old?.evidence ?? []),
      };
      return {
        ...merged,
        selfPoints: node.rule.kind === "indicator" ? null : scoreLeaf(node.rule, node.maxPoints, merged),
      };
    });
    await upsertEntries(tx, round.tenantId, roundId, unitId, actor.id, rows);
    await updateRoundUnit(tx, round.tenantId, roundId, unitId, {
      status: ru.status ?? "draft",
      actorId: actor.id,
    });
    await recordAudits(
      tx,
      rows.map((r) => {
        const old = existing.get(r.code);
        return {
          tenantId: round.tenantId,
          actorId: actor.id,
          action: "dti.assessment.save",
          entity: "dti_entry",
          entityId: `${roundId}:${unitId}:${r.code}`,
          unitId,
          before: old
            ? {
                value: old.value,
                level: old.level,
                numerator: old.numerator,
                denominator: old.denominator,
                achieved: old.achieved,
                explanation: old.explanation,
                evidence: old.evidence,
                selfPoints: old.selfPoints,
              }
            : null,
          after: r,
        };
      }),
    );
  });
}

/** Nộp tự đánh giá: returned criteria are verified again after the resubmission. */
export async function submitAssessment(db: Database, act: UnitAct & { version: number }): Promise<void> {
  const { actor, roundId, unitId } = act;
  await db.transaction(async (tx) => {
    const { round, ru } = await editableOnVersion(tx, act, act.version);
    await tx.execute(
      sql`UPDATE dti_entries SET verification_outcome = NULL, verified_points = NULL
           WHERE tenant_id = ${round.tenantId} AND round_id = ${roundId} AND unit_id = ${unitId} AND verification_outcome = 'returned'`,
    );
    await updateRoundUnit(tx, round.tenantId, roundId, unitId, {
      status: "submitted",
      submitted: true,
      actorId: actor.id,
    });
    await recordAudits(tx, [
      {
        tenantId: round.tenantId,
        actorId: actor.id,
        action: "dti.assessment.submit",
        entity: "dti_round_unit",
        entityId: ru.id,
        unitId,
        before: { status: ru.status },
        after: { status: "submitted" },
      },
    ]);
  });
}

/**
 * Thẩm định: accept, adjust (points and reason) or return (comment) criteria of a submitted
 * self-assessment. Returning any criterion returns the self-assessment to the unit.
 */
export async function verifyAssessment(
  db: Database,
  {
    actor,
    powers,
    roundId,
    unitId,
    input,
  }: { actor: Actor; powers: DtiPowers; roundId: string; unitId: string; input: TDtiVerify },
): Promise<void> {
  requireVerify(powers);
  await db.transaction(async (tx) => {
    const { round, ru } = await assessmentScope(tx, actor, powers, roundId, unitId, { forUpdate: true });
    if (round.status !== "open" && round.status !== "closed") {
      throw roundStateError(
        "Chỉ thẩm định được khi đợt đánh giá đang mở hoặc đã khóa số liệu (chưa công bố).",
      );
    }
    if (ru.status !== "submitted") throw roundStateError("Đơn vị chưa nộp bản tự đánh giá để thẩm định.");
    await assertVersion(tx, ru, input.version);
    const { framework, entries } = await roundScores(tx, round, [unitId]);
    const leaves = new Map(framework.leaves.map((l) => [l.node.code, l.node]));
    const problems: ErrorDetail[] = [];
    input.items.forEach((v, i) => {
      const node = leaves.get(v.code);
      if (!node)
        problems.push({ path: `body.items[${i}].code`, message: `Không có tiêu chí mã "${v.code}"` });
      else if (v.outcome === "adjusted" && (v.points ?? 0) > node.maxPoints) {
        problems.push({
          path: `body.items[${i}].points`,
          message: `Điểm điều chỉnh vượt điểm tối đa ${node.maxPoints} của tiêu chí "${v.code}"`,
        });
      }
    });
    if (round.status === "closed" && input.items.some((v) => v.outcome === "returned")) {
      problems.push({
        path: "body.items",
        message: "Đợt đánh giá đã khóa số liệu: không trả lại đơn vị được nữa",
      });
    }
    if (problems.length) throw new AppError("validation_failed", problems[0]?.message ?? "", problems);
    const items = input.items.map((v) => ({
      code: v.code,
      outcome: v.outcome,
      points: v.outcome === "adjusted" ? (v.points ?? 0) : null,
      comment: v.comment ?? null,
    }));
    await writeVerifications(tx, round.tenantId, roundId, unitId, actor.id, items);
    const returned = items.some((v) => v.outcome === "returned");
    await updateRoundUnit(tx, round.tenantId, roundId, unitId, {
      ...(returned ? { status: "returned" as const } : {}),
      actorId: actor.id,
    });
    const before = new Map(entries.map((e) => [e.nodeCode, e]));
    await recordAudits(
      tx,
      items.map((v) => ({
        tenantId: round.tenantId,
        actorId: actor.id,
        action: `dti.verification.${v.outcome}`,
        entity: "dti_entry",
        entityId: `${roundId}:${unitId}:${v.code}`,
        unitId,
        before: {
          outcome: before.get(v.code)?.verificationOutcome ?? null,
          points: before.get(v.code)?.verifiedPoints ?? null,
          selfPoints: before.get(v.code)?.selfPoints ?? null,
        },
        after: v,
      })),
    );
  });
}

/** Tệp minh chứng of a unit's self-assessment (its reporters, while they may edit). */
export async function attachAssessmentEvidence(
  db: Database,
  store: EvidenceStore,
  {
    actor,
    powers,
    roundId,
    unitId,
    file,
  }: {
    actor: Actor;
    powers: DtiPowers;
    roundId: string;
    unitId: string;
    file: { fileName: string; bytes: Uint8Array };
  },
): Promise<TEvidenceFile> {
  const { round, ru, edit } = await assessmentScope(db, actor, powers, roundId, unitId);
  assertEditable(round, ru, edit);
  const row = await storeEvidence(db, store, {
    tenantId: round.tenantId,
    actorId: actor.id,
    file,
    owner: async (tx) => {
      const again = await findRoundUnit(tx, round.tenantId, roundId, unitId, { forUpdate: true });
      if (!again) throw notInRound();
      assertEditable(round, again, edit);
      return {
        type: "dti",
        key: ru.id,
        planId: null,
        audit: { action: "dti.evidence.add", entity: "dti_round_unit", entityId: ru.id, unitId },
      };
    },
  });
  return presentEvidence(row, new Map([[actor.id, actor.fullName]]));
}
