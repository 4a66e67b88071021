import type { ZIndicatorValueExportQuery } from "@dtplan/contracts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import {
  type IndicatorRow,
  indicators,
  type OrgUnitRow,
  type PlanTargetRow,
  type ReportingPeriodRow,
  reportingPeriods,
  type UnitReportRow,
  type UnitReportValueRow,
  unitReports,
  unitReportValues,
} from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { can, pathIn } from "../access/tree-access.ts";
import { REPORT_STATUS_LABELS } from "../reporting/report-labels.ts";
import { reportingPlan } from "../reporting/reporting.guards.ts";
import { findPeriod, loadBasis } from "../reporting/reporting.repository.ts";
import { COMPARATOR_TEXT, dateCell, filtersOf, pillarLabel } from "./export-columns.ts";
import { type Column, NUMBER_FORMATS, type TableDownload } from "./tabular.ts";

interface ValueRow {
  period: Pick<ReportingPeriodRow, "key" | "label" | "endDate">;
  unit: OrgUnitRow | undefined;
  report: Pick<UnitReportRow, "unitId" | "status" | "submittedAt">;
  value: Omit<UnitReportValueRow, "tenantId" | "reportId" | "updatedAt">;
  target: PlanTargetRow | undefined;
  indicator: IndicatorRow | undefined;
}

const VALUE_COLUMNS: readonly Column<ValueRow>[] = [
  { key: "periodKey", header: "Mã kỳ", value: (x) => x.period.key, width: 10 },
  { key: "periodLabel", header: "Kỳ báo cáo", value: (x) => x.period.label, width: 22 },
  {
    key: "periodEnd",
    header: "Mốc số liệu",
    value: (x) => dateCell(x.period.endDate),
    numFmt: NUMBER_FORMATS.date,
    width: 12,
  },
  { key: "unitId", header: "Mã đơn vị", value: (x) => x.report.unitId, width: 38 },
  { key: "unitName", header: "Đơn vị", value: (x) => x.unit?.name ?? "—", width: 30, wrap: true },
  { key: "indicatorCode", header: "Mã chỉ số", value: (x) => x.value.indicatorCode, width: 16 },
  {
    key: "indicatorName",
    header: "Chỉ số",
    value: (x) => x.indicator?.name ?? null,
    width: 40,
    wrap: true,
  },
  {
    key: "pillarLabel",
    header: "Trụ cột",
    value: (x) => (x.target ? pillarLabel(x.target.pillar) : null),
    width: 24,
  },
  { key: "targetKey", header: "Mã chỉ tiêu", value: (x) => x.value.targetKey, width: 38 },
  { key: "targetText", header: "Chỉ tiêu", value: (x) => x.target?.text ?? null, width: 50, wrap: true },
  {
    key: "targetComparator",
    header: "Yêu cầu",
    value: (x) => (x.target?.comparator ? (COMPARATOR_TEXT[x.target.comparator] ?? null) : null),
    width: 14,
  },
  {
    key: "targetValue",
    header: "Giá trị mục tiêu",
    value: (x) => (x.target?.value == null ? null : Number(x.target.value)),
    numFmt: NUMBER_FORMATS.decimal,
    width: 14,
  },
  {
    key: "unitOfMeasure",
    header: "Đơn vị tính",
    value: (x) => x.indicator?.unit ?? x.target?.unit ?? null,
    width: 12,
  },
  {
    key: "numerator",
    header: "Tử số",
    value: (x) => x.value.numerator,
    numFmt: NUMBER_FORMATS.decimal,
    width: 12,
  },
  {
    key: "denominator",
    header: "Mẫu số",
    value: (x) => x.value.denominator,
    numFmt: NUMBER_FORMATS.decimal,
    width: 12,
  },
  { key: "value", header: "Giá trị", value: (x) => x.value.value, numFmt: NUMBER_FORMATS.decimal, width: 12 },
  { key: "note", header: "Ghi chú của đơn vị", value: (x) => x.value.note, width: 36, wrap: true },
  { key: "reportStatus", header: "Mã trạng thái", value: (x) => x.report.status, width: 12 },
  {
    key: "reportStatusLabel",
    header: "Trạng thái báo cáo",
    value: (x) => REPORT_STATUS_LABELS[x.report.status],
    width: 20,
  },
  {
    key: "submittedAt",
    header: "Ngày nộp",
    value: (x) => (x.report.submittedAt ? dateCell(vietnamDate(x.report.submittedAt)) : null),
    numFmt: NUMBER_FORMATS.date,
    width: 12,
  },
  {
    key: "evidenceCount",
    header: "Số tệp minh chứng",
    value: (x) => x.value.evidenceFileIds.length,
    numFmt: NUMBER_FORMATS.integer,
    width: 10,
  },
];

/** Reports every reader of the plan sees; drafts and returned ones only reviewers. */
const SHARED_STATUSES: UnitReportRow["status"][] = ["submitted", "approved"];

/**
 * Số liệu chỉ số — one row per figure a unit reported for a target's indicator, in the
 * plan's periods. The same reading rule as a unit's report page: a unit's own reporter,
 * a reviewer of the plan, or someone who reads that unit; reviewers also see drafts and
 * returned reports. Evidence is counted, never included.
 */
export async function indicatorValueExport(
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZIndicatorValueExportQuery>,
  code: string,
): Promise<TableDownload<ValueRow>> {
  const ctx = await reportingPlan(db, actor, code);
  const { plan } = ctx;
  const basis = await loadBasis(db, plan);
  if (query.unitId && !basis.units.has(query.unitId)) throw notFound("Không tìm thấy đơn vị.");
  const period = query.period ? await findPeriod(db, plan, query.period) : null;
  const conditions: (SQL | undefined)[] = [
    eq(unitReports.tenantId, plan.tenantId),
    eq(unitReports.planCode, plan.code),
    period ? eq(unitReports.periodId, period.id) : undefined,
    ctx.canReview ? undefined : inArray(unitReports.status, SHARED_STATUSES),
    query.indicator ? eq(unitReportValues.indicatorCode, query.indicator) : undefined,
  ];
  const found = await db
    // The columns the table shows: a report's texts would be repeated on each of its figures.
    .select({
      value: {
        targetKey: unitReportValues.targetKey,
        indicatorCode: unitReportValues.indicatorCode,
        numerator: unitReportValues.numerator,
        denominator: unitReportValues.denominator,
        value: unitReportValues.value,
        note: unitReportValues.note,
        evidenceFileIds: unitReportValues.evidenceFileIds,
      },
      report: {
        unitId: unitReports.unitId,
        status: unitReports.status,
        submittedAt: unitReports.submittedAt,
      },
      period: { key: reportingPeriods.key, label: reportingPeriods.label, endDate: reportingPeriods.endDate },
    })
    .from(unitReportValues)
    .innerJoin(
      unitReports,
      and(eq(unitReports.tenantId, unitReportValues.tenantId), eq(unitReports.id, unitReportValues.reportId)),
    )
    .innerJoin(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, unitReports.tenantId), eq(reportingPeriods.id, unitReports.periodId)),
    )
    .where(and(...conditions));

  const readable = new Map<string, boolean>();
  const mayRead = (unitId: string) => {
    let ok = readable.get(unitId);
    if (ok === undefined) {
      ok =
        ctx.canReview ||
        can(actor, "reports.submit", basis.units, unitId) ||
        can(actor, "plans.read", basis.units, unitId);
      readable.set(unitId, ok);
    }
    return ok;
  };
  const targets = new Map(basis.targets.map((t) => [t.key, t]));
  const codes = [...new Set(found.map((r) => r.value.indicatorCode))];
  const indicatorRows = codes.length
    ? await db
        .select()
        .from(indicators)
        .where(and(eq(indicators.tenantId, plan.tenantId), inArray(indicators.code, codes)))
    : [];
  const indicatorOf = new Map(indicatorRows.map((i) => [i.code, i]));

  // Units in the order of their names (Vietnamese collation), equal names sharing a rank:
  // the rows' order as comparing the names row by row, at a fraction of the cost.
  const named = [...new Set(found.map((r) => r.report.unitId))]
    .map((id) => ({ id, name: basis.units.get(id)?.name ?? "" }))
    .sort((a, b) => compareVi(a.name, b.name));
  const rankOf = new Map<string, number>();
  named.forEach((u, i) => {
    const same = i > 0 && compareVi(named[i - 1].name, u.name) === 0;
    rankOf.set(u.id, same ? (rankOf.get(named[i - 1].id) ?? i) : i);
  });
  const rows: ValueRow[] = found
    .filter((r) => mayRead(r.report.unitId))
    .filter((r) => !query.unitId || pathIn(basis.units, r.report.unitId).includes(query.unitId))
    .map((r) => ({
      ...r,
      unit: basis.units.get(r.report.unitId),
      target: targets.get(r.value.targetKey),
      indicator: indicatorOf.get(r.value.indicatorCode),
    }))
    .filter((r) => !query.pillar || r.target?.pillar === query.pillar)
    .sort(
      (a, b) =>
        a.period.endDate.localeCompare(b.period.endDate) ||
        a.period.key.localeCompare(b.period.key) ||
        (rankOf.get(a.report.unitId) ?? 0) - (rankOf.get(b.report.unitId) ?? 0) ||
        (a.target?.position ?? 0) - (b.target?.position ?? 0),
    );
  return {
    fileBase: `so-lieu-chi-so-${plan.code}${period ? `-${period.key}` : ""}`,
    meta: {
      plan: { code: plan.code, title: plan.title, version: plan.version },
      period: period ? { key: period.key, label: period.label } : null,
      filters: filtersOf(query),
    },
    table: {
      name: "Số liệu chỉ số",
      title: `Số liệu chỉ số do đơn vị báo cáo — ${plan.title}${period ? ` — ${period.label}` : ""}`,
      columns: VALUE_COLUMNS,
      rows,
    },
  };
}
