import type { TSaveReport } from "@dtplan/contracts";
import { numeratorExceedsDenominator } from "@dtplan/domain/reporting/figures.ts";
import { unitTargets } from "@dtplan/domain/reporting/who-reports.ts";
import { vietnamDateTimeText } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  evidenceFiles,
  type UnitReportRow,
  unitReports,
  unitReportTasks,
  unitReportValues,
} from "../../db/schema.ts";
import { AppError, conflict, type ErrorDetail, forbidden } from "../../errors.ts";
import { createReport, type ReportScope } from "./get-report.ts";
import { findReport, userNames } from "./reporting.repository.ts";

export function assertEditor(scope: ReportScope): void {
  if (!scope.canEdit) {
    throw forbidden(`Chỉ cán bộ báo cáo của ${scope.ru.unit.name} được lập và nộp báo cáo này.`);
  }
}

/** 409 unless the caller saw the version in the database; names who changed it and when. */
export async function assertVersion(db: Database, report: UnitReportRow, version: number | undefined) {
  if (version === undefined || version === report.version) return;
  const names = await userNames(db, [report.updatedBy]);
  const who = report.updatedBy ? (names.get(report.updatedBy) ?? "người khác") : "người khác";
  throw conflict(
    `Báo cáo đã được ${who} cập nhật lúc ${vietnamDateTimeText(report.updatedAt)}; hãy tải lại trước khi lưu.`,
  );
}

export function assertEditable(report: UnitReportRow): void {
  if (report.status === "approved" || report.locked) {
    throw conflict("Báo cáo đã được duyệt và khoá số liệu; cần chuyên viên đầu mối mở lại trước khi sửa.");
  }
  if (report.status === "submitted") {
    throw conflict("Báo cáo đã nộp và đang chờ duyệt; không sửa được cho tới khi bị trả lại.");
  }
}

export function validationError(details: ErrorDetail[]): AppError {
  return new AppError(
    "validation_failed",
    `Báo cáo chưa hợp lệ — ${details.map((d) => d.message).join("; ")}`,
    details,
  );
}

/**
 * Lưu nháp (autosave): only what is sent changes. Refused when someone saved since
 * the caller loaded the form (`version`), when the report is submitted or approved,
 * and with Vietnamese messages per field when a figure is impossible.
 */
export async function saveDraft(
  db: Database,
  { scope, input }: { scope: ReportScope; input: TSaveReport },
): Promise<UnitReportRow> {
  assertEditor(scope);
  const { period, ru, basis } = scope;
  const actor = scope.ctx.actor;
  const taskKeys = new Set(ru.tasks.map((t) => t.task.key));
  const targets = new Map(unitTargets(basis, ru).map((t) => [t.target.key, t]));
  const details: ErrorDetail[] = [];
  (input.tasks ?? []).forEach((t, i) => {
    if (!taskKeys.has(t.key)) {
      details.push({ path: `body.tasks.${i}.key`, message: "Nhiệm vụ không thuộc báo cáo của đơn vị" });
    }
  });
  const fileIds = [...new Set((input.values ?? []).flatMap((v) => v.evidenceFileIds ?? []))];
  // A figure may cite files of this report, or of the unit's own tasks — never another unit's.
  const reportId = fileIds.length ? (await findReport(db, period, ru.unit.id))?.id : undefined;
  const known = fileIds.length
    ? new Set(
        (
          await db
            .select({
              id: evidenceFiles.id,
              ownerType: evidenceFiles.ownerType,
              ownerKey: evidenceFiles.ownerKey,
            })
            .from(evidenceFiles)
            .where(and(eq(evidenceFiles.tenantId, period.tenantId), inArray(evidenceFiles.id, fileIds)))
        )
          .filter((f) => (f.ownerType === "report" ? f.ownerKey === reportId : taskKeys.has(f.ownerKey)))
          .map((r) => r.id),
      )
    : new Set<string>();
  (input.values ?? []).forEach((v, i) => {
    const t = targets.get(v.targetKey);
    const at = `body.values.${i}`;
    if (!t) {
      details.push({ path: `${at}.targetKey`, message: "Chỉ tiêu không thuộc báo cáo của đơn vị" });
      return;
    }
    const name = t.indicator.name;
    if (t.indicator.unit === "%" && typeof v.value === "number" && (v.value > 100 || v.value < 0)) {
      details.push({ path: `${at}.value`, message: `${name}: tỷ lệ phần trăm phải từ 0 đến 100` });
    }
    if (
      t.indicator.aggregation === "boolean" &&
      typeof v.value === "number" &&
      v.value !== 0 &&
      v.value !== 1
    ) {
      details.push({ path: `${at}.value`, message: `${name}: chỉ nhận 1 (có) hoặc 0 (không)` });
    }
    if (v.evidenceFileIds?.some((id) => !known.has(id))) {
      details.push({
        path: `${at}.evidenceFileIds`,
        message: "Tệp minh chứng không tồn tại hoặc không thuộc báo cáo này",
      });
    }
  });
  if (details.length) throw validationError(details);

  return db.transaction(async (tx) => {
    const report =
      (await findReport(tx, period, ru.unit.id, true)) ?? (await createReport(tx, scope, actor.id));
    assertEditable(report);
    await assertVersion(tx, report, input.version);
    const now = new Date();
    const existing = new Map(
      (
        await tx
          .select()
          .from(unitReportValues)
          .where(
            and(eq(unitReportValues.tenantId, report.tenantId), eq(unitReportValues.reportId, report.id)),
          )
      ).map((v) => [v.targetKey, v]),
    );
    const mixed: ErrorDetail[] = [];
    (input.values ?? []).forEach((v, i) => {
      const old = existing.get(v.targetKey);
      const numerator = v.numerator !== undefined ? v.numerator : (old?.numerator ?? null);
      const denominator = v.denominator !== undefined ? v.denominator : (old?.denominator ?? null);
      if (numeratorExceedsDenominator(numerator, denominator)) {
        mixed.push({ path: `body.values.${i}.numerator`, message: "Tử số không được lớn hơn mẫu số" });
      }
    });
    if (mixed.length) throw validationError(mixed);
    for (const t of input.tasks ?? []) {
      const set = {
        ...(t.progress !== undefined ? { progress: t.progress } : {}),
        ...(t.note !== undefined ? { note: t.note || null } : {}),
        updatedAt: now,
      };
      await tx
        .insert(unitReportTasks)
        .values({
          tenantId: report.tenantId,
          reportId: report.id,
          taskKey: t.key,
          progress: t.progress ?? null,
          note: t.note || null,
        })
        .onConflictDoUpdate({
          target: [unitReportTasks.tenantId, unitReportTasks.reportId, unitReportTasks.taskKey],
          set,
        });
    }
    for (const v of input.values ?? []) {
      const t = targets.get(v.targetKey);
      if (!t) continue;
      const fields = {
        ...(v.numerator !== undefined ? { numerator: v.numerator } : {}),
        ...(v.denominator !== undefined ? { denominator: v.denominator } : {}),
        ...(v.value !== undefined ? { value: v.value } : {}),
        ...(v.note !== undefined ? { note: v.note || null } : {}),
        ...(v.evidenceFileIds !== undefined ? { evidenceFileIds: v.evidenceFileIds } : {}),
      };
      await tx
        .insert(unitReportValues)
        .values({
          tenantId: report.tenantId,
          reportId: report.id,
          targetKey: v.targetKey,
          indicatorCode: t.indicator.code,
          numerator: v.numerator ?? null,
          denominator: v.denominator ?? null,
          value: v.value ?? null,
          note: v.note || null,
          evidenceFileIds: v.evidenceFileIds ?? [],
        })
        .onConflictDoUpdate({
          target: [unitReportValues.tenantId, unitReportValues.reportId, unitReportValues.targetKey],
          set: { ...fields, indicatorCode: t.indicator.code, updatedAt: now },
        });
    }
    // A ratio's value is always its numerator over its denominator.
    await tx.execute(sql`
      UPDATE unit_report_values v SET value = CASE WHEN v.denominator > 0 THEN v.numerator / v.denominator * 100 END
        FROM indicators i
       WHERE v.tenant_id = ${report.tenantId} AND v.report_id = ${report.id}
         AND i.tenant_id = v.tenant_id AND i.code = v.indicator_code AND i.aggregation = 'ratio'`);
    const [updated] = await tx
      .update(unitReports)
      .set({
        ...(input.difficulties !== undefined ? { difficulties: input.difficulties } : {}),
        ...(input.proposals !== undefined ? { proposals: input.proposals } : {}),
        version: report.version + 1,
        updatedAt: now,
        updatedBy: actor.id,
        onBehalfBy: scope.onBehalf ? actor.id : null,
      })
      .where(and(eq(unitReports.tenantId, report.tenantId), eq(unitReports.id, report.id)))
      .returning();
    return updated;
  });
}
