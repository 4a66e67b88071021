import type { TTargetAttainment, ZTargetExportQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { planNotFound, readablePlanVersions } from "../plans/plan-access.ts";
import { currentVersion } from "../plans/plans.repository.ts";
import { reportingPlan } from "../reporting/reporting.guards.ts";
import { type BasisTarget, loadBasis } from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { COMPARATOR_TEXT, filtersOf, pillarLabel } from "./export-columns.ts";
import { type Column, NUMBER_FORMATS, type Table, type TableDownload } from "./tabular.ts";

interface TargetRow {
  target: BasisTarget;
  indicatorName: string | null;
  /** The latest rolled-up result (none for a plan not yet published). */
  result: TTargetAttainment | null;
}

const TARGET_COLUMNS: readonly Column<TargetRow>[] = [
  { key: "position", header: "STT", value: (x) => x.target.position + 1, width: 6 },
  { key: "targetKey", header: "Mã chỉ tiêu", value: (x) => x.target.key, width: 38 },
  { key: "pillar", header: "Mã trụ cột", value: (x) => x.target.pillar, width: 16 },
  { key: "pillarLabel", header: "Trụ cột", value: (x) => pillarLabel(x.target.pillar), width: 28 },
  { key: "section", header: "Mục", value: (x) => x.target.section, width: 20, wrap: true },
  { key: "text", header: "Chỉ tiêu", value: (x) => x.target.text, width: 60, wrap: true },
  { key: "indicatorCode", header: "Mã chỉ số", value: (x) => x.target.indicatorCode, width: 16 },
  { key: "indicatorName", header: "Chỉ số", value: (x) => x.indicatorName, width: 40, wrap: true },
  { key: "comparator", header: "So sánh", value: (x) => x.target.comparator, width: 8 },
  {
    key: "comparatorText",
    header: "Yêu cầu",
    value: (x) => (x.target.comparator ? (COMPARATOR_TEXT[x.target.comparator] ?? null) : null),
    width: 14,
  },
  {
    key: "targetValue",
    header: "Giá trị mục tiêu",
    value: (x) => (x.target.value === null ? null : Number(x.target.value)),
    numFmt: NUMBER_FORMATS.decimal,
    width: 14,
  },
  { key: "unit", header: "Đơn vị tính", value: (x) => x.target.unit, width: 12 },
  { key: "year", header: "Năm", value: (x) => x.target.year, width: 8 },
  { key: "scope", header: "Phạm vi", value: (x) => x.target.scope, width: 20, wrap: true },
  {
    key: "result",
    header: "Kết quả tổng hợp",
    value: (x) => x.result?.value ?? null,
    numFmt: NUMBER_FORMATS.decimal,
    width: 14,
  },
  {
    key: "numerator",
    header: "Tử số",
    value: (x) => x.result?.numerator ?? null,
    numFmt: NUMBER_FORMATS.decimal,
    width: 12,
  },
  {
    key: "denominator",
    header: "Mẫu số",
    value: (x) => x.result?.denominator ?? null,
    numFmt: NUMBER_FORMATS.decimal,
    width: 12,
  },
  {
    key: "reportingUnits",
    header: "Số đơn vị báo cáo",
    value: (x) => x.result?.reportingUnits ?? 0,
    numFmt: NUMBER_FORMATS.integer,
    width: 10,
  },
  { key: "attainment", header: "Mã mức độ đạt", value: (x) => x.result?.attainment ?? null, width: 14 },
  {
    key: "attainmentLabel",
    header: "Mức độ đạt",
    value: (x) => x.result?.attainmentLabel ?? "Chưa có số liệu",
    width: 18,
  },
  { key: "trendLabel", header: "Xu hướng", value: (x) => x.result?.trendLabel ?? null, width: 14 },
];

/**
 * Chỉ tiêu of the plan as `GET /api/plans/:code` shows them (the version in force, or the
 * one asked for), each with the latest rolled-up result from `planAttainment` (or that of
 * `period`) — matched by the target's key, which stays across versions.
 */
export async function targetExport(
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZTargetExportQuery>,
  { code, nearThreshold }: { code: string; nearThreshold: number },
): Promise<TableDownload<TargetRow>> {
  const rows = await readablePlanVersions(db, actor, code);
  const plan = query.version ? rows.find((p) => p.version === query.version) : currentVersion(rows);
  if (!plan) throw planNotFound();
  const basis = await loadBasis(db, plan);
  let results = new Map<string, TTargetAttainment>();
  let period: { key: string; label: string } | null = null;
  if (rows.some((r) => r.status === "published")) {
    const attained = await planAttainment(db, {
      ctx: await reportingPlan(db, actor, code),
      periodKey: query.period,
      nearThreshold,
      stored: true,
    });
    results = new Map(attained.targets.map((t) => [t.targetKey, t]));
    period = attained.period ? { key: attained.period.key, label: attained.period.label } : null;
  }
  const table: Table<TargetRow> = {
    name: "Chỉ tiêu",
    title: `Chỉ tiêu — ${plan.title}${period ? ` — ${period.label}` : ""}`,
    columns: TARGET_COLUMNS,
    rows: basis.targets
      .filter((t) => !query.pillar || t.pillar === query.pillar)
      .map((target) => ({
        target,
        indicatorName: target.indicatorCode
          ? (basis.indicators.get(target.indicatorCode)?.name ?? null)
          : null,
        result: results.get(target.key) ?? null,
      })),
  };
  return {
    table,
    fileBase: `chi-tieu-${plan.code}`,
    meta: {
      plan: { code: plan.code, title: plan.title, version: plan.version },
      period,
      filters: filtersOf(query),
    },
  };
}
