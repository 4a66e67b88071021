import type { ZIndicatorValueExportQuery } from "@dtplan/contracts";
import { PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Database, queryTextBytes } from "../../db/database.ts";
import { jsonRows, readTogether, rowsFromJson } from "../../db/json-rows.ts";
import {
  type IndicatorRow,
  indicators,
  type OrgUnitRow,
  type PlanHead,
  type ReportingPeriodRow,
  reportingPeriods,
  type UnitReportRow,
  type UnitReportValueRow,
} from "../../db/schema.ts";
import { sqlList, uuidSet } from "../../db/sql.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { pathIn } from "../access/tree-access.ts";
import { REPORT_STATUS_LABELS } from "../reporting/report-labels.ts";
import { type PlanRef, planRef, readsUnitReport, reportingPlanWith } from "../reporting/reporting.guards.ts";
import {
  type BasisTarget,
  basisFrom,
  basisParts,
  loadUnits,
  periodNotFound,
  periodsFromJson,
  periodsPart,
} from "../reporting/reporting.repository.ts";
import { csvDate, csvNumber, csvText, csvVietnamDay, jsonTable, SHORTEST_FLOAT_DIGITS } from "./csv-sql.ts";
import { COMPARATOR_TEXT, dateCell, filtersOf, pillarLabel } from "./export-columns.ts";
import {
  type Cell,
  type Column,
  type CsvDownload,
  csvHeader,
  NUMBER_FORMATS,
  type TableDownload,
} from "./tabular.ts";

/** A period and a report are shared by their rows, with their date cells worked out once. */
interface ValueRow {
  period: Pick<ReportingPeriodRow, "key" | "label" | "endDate"> & { endCell: Cell; rank: number };
  unit: OrgUnitRow | undefined;
  report: Pick<UnitReportRow, "unitId" | "status"> & { submittedCell: Cell };
  value: Pick<
    UnitReportValueRow,
    "targetKey" | "indicatorCode" | "numerator" | "denominator" | "value" | "note"
  > & { evidenceCount: number };
  target: BasisTarget | undefined;
  indicator: IndicatorRow | undefined;
}

const VALUE_COLUMNS: readonly Column<ValueRow>[] = [
  { key: "periodKey", header: "Mã kỳ", value: (x) => x.period.key, width: 10 },
  { key: "periodLabel", header: "Kỳ báo cáo", value: (x) => x.period.label, width: 22 },
  {
    key: "periodEnd",
    header: "Mốc số liệu",
    value: (x) => x.period.endCell,
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
    value: (x) => x.report.submittedCell,
    numFmt: NUMBER_FORMATS.date,
    width: 12,
  },
  {
    key: "evidenceCount",
    header: "Số tệp minh chứng",
    value: (x) => x.value.evidenceCount,
    numFmt: NUMBER_FORMATS.integer,
    width: 10,
  },
];

/** A figure as the statement gives it (see `values` below), in its columns' order. */
type FigureJson = [
  string,
  string,
  UnitReportRow["status"],
  string | null,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number | null,
  number | null,
  string | null,
  number,
];

/** Reports every reader of the plan sees; drafts and returned ones only reviewers. */
const SHARED_STATUSES: UnitReportRow["status"][] = ["submitted", "approved"];

/**
 * What the export reads, in one statement: the plan's basis (its units left out when the
 * caller has them), the period asked for, the figures asked for — a figure's columns, its
 * report's and its period's (a report's texts would be repeated on each of its figures),
 * submitted and approved reports only when `sharedOnly` — and their indicators.
 */
function valueParts(
  plan: PlanRef,
  query: z.infer<typeof ZIndicatorValueExportQuery>,
  sharedOnly: boolean,
  units?: unknown,
): Record<string, SQL> {
  const t = plan.tenantId;
  const periodId = query.period
    ? sql`(SELECT p.id FROM reporting_periods p
            WHERE p.tenant_id = ${t} AND p.plan_code = ${plan.code} AND p.key = ${query.period})`
    : null;
  const figures = sql`FROM unit_report_values v
          JOIN unit_reports r ON r.tenant_id = v.tenant_id AND r.id = v.report_id
          JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
         WHERE v.tenant_id = ${t} AND r.tenant_id = ${t} AND rp.tenant_id = ${t}
           AND r.plan_code = ${plan.code}
           ${periodId ? sql`AND r.period_id = ${periodId}` : sql``}
           ${sharedOnly ? sql`AND r.status IN ${sqlList(SHARED_STATUSES)}` : sql``}
           ${query.indicator ? sql`AND v.indicator_code = ${query.indicator}` : sql``}`;
  return {
    ...basisParts(t, plan.planId, { units }),
    period: query.period
      ? jsonRows(
          reportingPeriods,
          and(
            eq(reportingPeriods.tenantId, t),
            eq(reportingPeriods.planCode, plan.code),
            eq(reportingPeriods.key, query.period),
          ),
        )
      : sql`'[]'::json`,
    values: sql`(SELECT coalesce(json_agg(json_build_array(r.id, r.unit_id, r.status, r.submitted_at, rp.key,
             rp.label, rp.end_date::text, v.target_key, v.indicator_code, v.numerator, v.denominator, v.value,
             v.note, jsonb_array_length(v.evidence_file_ids))), '[]') ${figures})`,
    indicators: jsonRows(
      indicators,
      and(eq(indicators.tenantId, t), sql`${indicators.code} IN (SELECT v.indicator_code ${figures})`),
    ),
  };
}

/**
 * Units in the order of their names (Vietnamese collation), equal names sharing a rank: the
 * rows' order as comparing the names row by row, at a fraction of the cost.
 */
function unitRanks(ids: Iterable<string>, units: ReadonlyMap<string, OrgUnitRow>): Map<string, number> {
  const named = [...ids]
    .map((id) => ({ id, name: units.get(id)?.name ?? "" }))
    .sort((a, b) => compareVi(a.name, b.name));
  const rankOf = new Map<string, number>();
  named.forEach((u, i) => {
    const same = i > 0 && compareVi(named[i - 1].name, u.name) === 0;
    rankOf.set(u.id, same ? (rankOf.get(named[i - 1].id) ?? i) : i);
  });
  return rankOf;
}

/** Periods in the order of their ends, then keys. */
const byPeriodEnd = (a: Pick<ReportingPeriodRow, "endDate" | "key">, b: typeof a) =>
  a.endDate.localeCompare(b.endDate) || a.key.localeCompare(b.key);

const fileBaseOf = (plan: { code: string }, period: { key: string } | null) =>
  `so-lieu-chi-so-${plan.code}${period ? `-${period.key}` : ""}`;

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
  // The plan, the caller's rights on it and the figures in one statement.
  const { ctx, more: read } = await reportingPlanWith(db, actor, code, (p) =>
    valueParts(p, query, false, true),
  );
  const { plan } = ctx;
  const more = read ?? (await readTogether(db, valueParts(planRef(plan), query, !ctx.canReview, ctx.units)));
  const basis = basisFrom(plan, more, { units: ctx.units });
  if (query.unitId && !basis.units.has(query.unitId)) throw notFound("Không tìm thấy đơn vị.");
  const [period = null] = rowsFromJson(reportingPeriods, more.period);
  if (query.period && !period) throw periodNotFound();
  // Drafts and returned reports: reviewers only (read with the plan, before its rights were known).
  const found = (more.values as FigureJson[]).filter((r) => ctx.canReview || SHARED_STATUSES.includes(r[2]));
  const readable = new Map<string, boolean>();
  const mayRead = (unitId: string) => {
    let ok = readable.get(unitId);
    if (ok === undefined) {
      ok = readsUnitReport(ctx, basis.units, unitId);
      readable.set(unitId, ok);
    }
    return ok;
  };
  const targets = new Map(basis.targets.map((t) => [t.key, t]));
  const indicatorRows = rowsFromJson(indicators, more.indicators);
  const indicatorOf = new Map(indicatorRows.map((i) => [i.code, i]));

  const rankOf = unitRanks(new Set(found.map((r) => r[1])), basis.units);
  const periods = new Map<string, ValueRow["period"]>();
  const reports = new Map<string, ValueRow["report"]>();
  const rows: ValueRow[] = [];
  for (const [
    reportId,
    unitId,
    status,
    submittedAt,
    periodKey,
    periodLabel,
    endDate,
    targetKey,
    indicatorCode,
    numerator,
    denominator,
    value,
    note,
    evidenceCount,
  ] of found) {
    if (!mayRead(unitId)) continue;
    if (query.unitId && !pathIn(basis.units, unitId).includes(query.unitId)) continue;
    const target = targets.get(targetKey);
    if (query.pillar && target?.pillar !== query.pillar) continue;
    let shared = periods.get(periodKey);
    if (!shared) {
      shared = { key: periodKey, label: periodLabel, endDate, endCell: dateCell(endDate), rank: 0 };
      periods.set(periodKey, shared);
    }
    let report = reports.get(reportId);
    if (!report) {
      report = {
        unitId,
        status,
        submittedCell: submittedAt ? dateCell(vietnamDate(new Date(submittedAt))) : null,
      };
      reports.set(reportId, report);
    }
    rows.push({
      period: shared,
      unit: basis.units.get(unitId),
      report,
      value: { targetKey, indicatorCode, numerator, denominator, value, note, evidenceCount },
      target,
      indicator: indicatorOf.get(indicatorCode),
    });
  }
  [...periods.values()].sort(byPeriodEnd).forEach((p, i) => {
    p.rank = i;
  });
  rows.sort(
    (a, b) =>
      a.period.rank - b.period.rank ||
      (rankOf.get(a.report.unitId) ?? 0) - (rankOf.get(b.report.unitId) ?? 0) ||
      (a.target?.position ?? 0) - (b.target?.position ?? 0),
  );
  return {
    fileBase: fileBaseOf(plan, period),
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

const PILLAR_LABELS = Object.fromEntries(Object.entries(PILLARS).map(([key, p]) => [key, p.vi]));

const cells = (...parts: SQL[]): SQL => sql`concat(${sql.join(parts, sql`, ',', `)})`;

/**
 * A figure's CSV line in SQL, cell by cell as `toCsv` writes VALUE_COLUMNS (csv-sql.ts): the
 * cells of one period, unit, indicator, target or report are written once for all their
 * figures (the CTEs of valueCsvPart) and joined to each figure's own. The columns each part
 * gives, in order, must be VALUE_COLUMNS' (checked below when the module loads).
 */
const VALUE_CSV_LINE: [readonly string[], SQL][] = [
  [["periodKey", "periodLabel", "periodEnd"], sql`rc.period_cells`],
  [["unitId", "unitName"], sql`coalesce(uc.cells, rc.unit_id::text || ',—')`],
  [["indicatorCode", "indicatorName"], sql`coalesce(ic.cells, ${csvText(sql`v.indicator_code`)} || ',')`],
  [
    ["pillarLabel", "targetKey", "targetText", "targetComparator", "targetValue"],
    sql`coalesce(gc.cells, ',' || v.target_key::text || ',,,')`,
  ],
  [["unitOfMeasure"], csvText(sql`coalesce(ic.unit, gc.unit)`)],
  [
    ["numerator", "denominator", "value", "note"],
    cells(
      csvNumber(sql`v.numerator`),
      csvNumber(sql`v.denominator`),
      csvNumber(sql`v.value`),
      csvText(sql`v.note`),
    ),
  ],
  [["reportStatus", "reportStatusLabel", "submittedAt"], sql`rc.cells`],
  [["evidenceCount"], sql`jsonb_array_length(v.evidence_file_ids)::text`],
];
if (VALUE_CSV_LINE.flatMap(([keys]) => keys).join() !== VALUE_COLUMNS.map((c) => c.key).join()) {
  throw new Error("VALUE_CSV_LINE must give VALUE_COLUMNS' cells, in their order");
}

/**
 * The CSV's lines after its header as one text, laid out by PostgreSQL: the figures
 * `indicatorValueExport` would list for the same query, as `toCsv` writes them, in its order —
 * period (`periodRanks`), unit (`unitRanks`), target position. `units`: the units whose
 * figures the caller reads, all of them when null.
 */
function valueCsvPart(
  plan: Pick<PlanHead, "tenantId" | "code" | "id">,
  query: z.infer<typeof ZIndicatorValueExportQuery>,
  o: {
    sharedOnly: boolean;
    units: readonly string[] | null;
    periodRanks: Map<string, number>;
    unitRanks: Map<string, number>;
  },
): SQL {
  const t = plan.tenantId;
  return sql`(WITH
    pc AS MATERIALIZED (SELECT rp.id, coalesce(pr.value::int, 0) AS rank,
                  ${cells(csvText(sql`rp.key`), csvText(sql`rp.label`), csvDate(sql`rp.end_date`))} AS cells
             FROM reporting_periods rp LEFT JOIN ${jsonTable(o.periodRanks)} pr ON pr.key = rp.key
            WHERE rp.tenant_id = ${t} AND rp.plan_code = ${plan.code}
              ${query.period ? sql`AND rp.key = ${query.period}` : sql``}),
    rc AS MATERIALIZED (SELECT r.id, r.unit_id, pc.rank AS period_rank, pc.cells AS period_cells,
                  ${cells(csvText(sql`r.status`), csvText(sql`st.value`), csvVietnamDay(sql`r.submitted_at`))} AS cells
             FROM unit_reports r JOIN pc ON pc.id = r.period_id
             LEFT JOIN ${jsonTable(REPORT_STATUS_LABELS)} st ON st.key = r.status
            WHERE r.tenant_id = ${t} AND r.plan_code = ${plan.code}
              ${o.sharedOnly ? sql`AND r.status IN ${sqlList(SHARED_STATUSES)}` : sql``}
              ${o.units ? sql`AND r.unit_id IN (${uuidSet(o.units)})` : sql``}),
    uc AS MATERIALIZED (SELECT u.id, coalesce(ur.value::int, 0) AS rank, ${cells(sql`u.id::text`, csvText(sql`u.name`))} AS cells
             FROM org_units u LEFT JOIN ${jsonTable(o.unitRanks)} ur ON ur.key = u.id::text
            WHERE u.tenant_id = ${t}),
    ic AS MATERIALIZED (SELECT i.code, i.unit, ${cells(csvText(sql`i.code`), csvText(sql`i.name`))} AS cells
             FROM indicators i WHERE i.tenant_id = ${t}),
    gc AS MATERIALIZED (SELECT g.key, g.unit, g.position, g.pillar,
                  ${cells(
                    csvText(sql`coalesce(pl.value, g.pillar)`),
                    sql`g.key::text`,
                    csvText(sql`g.text`),
                    csvText(sql`cmp.value`),
                    csvNumber(sql`g.value`),
                  )} AS cells
             FROM plan_targets g
             LEFT JOIN ${jsonTable(PILLAR_LABELS)} pl ON pl.key = g.pillar
             LEFT JOIN ${jsonTable(COMPARATOR_TEXT)} cmp ON cmp.key = g.comparator
            WHERE g.tenant_id = ${t} AND g.plan_id = ${plan.id})
    SELECT coalesce(string_agg(${cells(...VALUE_CSV_LINE.map(([, cell]) => cell))} || E'\\r\\n', ''
             ORDER BY rc.period_rank, coalesce(uc.rank, 0), coalesce(gc.position, 0), rc.id, v.target_key), '')
      FROM rc JOIN unit_report_values v ON v.tenant_id = ${t} AND v.report_id = rc.id
      LEFT JOIN uc ON uc.id = rc.unit_id
      LEFT JOIN ic ON ic.code = v.indicator_code
      LEFT JOIN gc ON gc.key = v.target_key
     WHERE TRUE ${query.indicator ? sql`AND v.indicator_code = ${query.indicator}` : sql``}
       ${query.pillar ? sql`AND gc.pillar = ${query.pillar}` : sql``})`;
}

/**
 * Số liệu chỉ số as CSV: the same file `toCsv` writes from `indicatorValueExport`'s table, its
 * lines laid out by PostgreSQL (valueCsvPart) — for a province plan's tens of thousands of
 * figures one text value instead of rows built, sorted and written one by one in Node. Who
 * reads which figures is decided as there: the plan, its periods and the caller's rights in
 * one statement, the lines in a second.
 */
export async function indicatorValueCsv(
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZIndicatorValueExportQuery>,
  code: string,
): Promise<CsvDownload> {
  const { ctx, more: read } = await reportingPlanWith(db, actor, code, (p) => ({ periods: periodsPart(p) }));
  const { plan } = ctx;
  const periods = periodsFromJson((read ?? (await readTogether(db, { periods: periodsPart(plan) }))).periods);
  const units = ctx.units ?? (await loadUnits(db, plan.tenantId));
  if (query.unitId && !units.has(query.unitId)) throw notFound("Không tìm thấy đơn vị.");
  const period = query.period ? (periods.find((p) => p.key === query.period) ?? null) : null;
  if (query.period && !period) throw periodNotFound();
  const readable =
    ctx.canReview && !query.unitId
      ? null
      : [...units.keys()].filter(
          (id) =>
            readsUnitReport(ctx, units, id) && (!query.unitId || pathIn(units, id).includes(query.unitId)),
        );
  const fileBase = fileBaseOf(plan, period);
  const header = csvHeader(VALUE_COLUMNS);
  if (readable?.length === 0) return { fileBase, csv: header };
  const part = valueCsvPart(plan, query, {
    sharedOnly: !ctx.canReview,
    units: readable,
    periodRanks: new Map([...periods].sort(byPeriodEnd).map((p, i) => [p.key, i])),
    unitRanks: unitRanks(units.keys(), units),
  });
  const lines = await db.transaction(async (tx) => {
    // float8's text is its shortest round-trip form (what csvNumber writes from) whatever the
    // server's own setting.
    await tx.execute(sql.raw(`SET LOCAL extra_float_digits = ${SHORTEST_FLOAT_DIGITS}`));
    return queryTextBytes(tx, part);
  });
  return { fileBase, csv: Buffer.concat([Buffer.from(header), lines ?? Buffer.alloc(0)]) };
}

/** Số liệu chỉ số in the format asked for: CSV laid out by the database, JSON and XLSX from the table. */
export const indicatorValueDownload = async (
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZIndicatorValueExportQuery>,
  code: string,
): Promise<TableDownload<ValueRow> | CsvDownload> =>
  query.format === "csv"
    ? indicatorValueCsv(db, actor, query, code)
    : indicatorValueExport(db, actor, query, code);
