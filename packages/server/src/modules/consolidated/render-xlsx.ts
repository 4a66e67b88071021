import type {
  TConsolidatedReport,
  TConsolidatedTarget,
  TConsolidatedTask,
  TPeriodUnitStatus,
  TUnitStatement,
} from "@dtplan/contracts";
import { REPORT_STATUS_LABELS } from "@dtplan/domain/reporting/lists.ts";
import { TIMELINESS_LABELS } from "@dtplan/domain/reporting/timeliness.ts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { type AnyTable, NUMBER_FORMATS, type Table, toXlsx } from "../exports/tabular.ts";
import { deadlineText } from "./render-docx.ts";

const isoToDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** The same tables as the Word report, one sheet each, figures as numbers. */
export function consolidatedTables(report: TConsolidatedReport): AnyTable[] {
  const pillar = new Map(report.pillars.map((p) => [p.key, p.label]));
  const where = `${report.plan.unit.name} — ${report.period.label}`;
  const targets: Table<TConsolidatedTarget> = {
    name: "Chỉ tiêu",
    title: `Kết quả thực hiện các chỉ tiêu — ${where}`,
    rows: report.targets,
    columns: [
      { key: "pillar", header: "Trụ cột", width: 28, value: (r) => pillar.get(r.pillar) ?? r.pillar },
      { key: "target", header: "Chỉ tiêu", width: 60, wrap: true, value: (r) => r.text },
      { key: "planned", header: "Chỉ tiêu kế hoạch", width: 18, value: (r) => r.planned },
      {
        key: "targetValue",
        header: "Giá trị kế hoạch",
        width: 14,
        numFmt: NUMBER_FORMATS.decimal,
        value: (r) => r.targetValue,
      },
      {
        key: "result",
        header: "Kết quả kỳ báo cáo",
        width: 16,
        numFmt: NUMBER_FORMATS.decimal,
        value: (r) => r.value,
      },
      { key: "unit", header: "Đơn vị tính", width: 12, value: (r) => r.unit },
      { key: "attainment", header: "Mức độ đạt", width: 18, value: (r) => r.attainmentLabel },
      {
        key: "reportingUnits",
        header: "Số đơn vị báo cáo",
        width: 12,
        numFmt: NUMBER_FORMATS.integer,
        value: (r) => r.reportingUnits,
      },
    ],
  };
  const tasks: Table<TConsolidatedTask> = {
    name: "Nhiệm vụ",
    title: `Kết quả thực hiện các nhiệm vụ — ${where}`,
    rows: report.tasks,
    columns: [
      { key: "pillar", header: "Trụ cột", width: 28, value: (r) => pillar.get(r.pillar) ?? r.pillar },
      { key: "task", header: "Nhiệm vụ", width: 60, wrap: true, value: (r) => r.text },
      { key: "leadUnit", header: "Đơn vị chủ trì", width: 28, wrap: true, value: (r) => r.leadUnit },
      {
        key: "deadline",
        header: "Thời hạn",
        width: 14,
        numFmt: NUMBER_FORMATS.date,
        // A dated deadline stays a date cell; "Thường xuyên" or a deadline in words stays text.
        value: (r) => (r.deadline.date && !r.recurring ? isoToDate(r.deadline.date) : deadlineText(r)),
      },
      { key: "status", header: "Tình trạng", width: 18, value: (r) => r.statusLabel },
      {
        key: "progress",
        header: "Tiến độ (%)",
        width: 12,
        numFmt: NUMBER_FORMATS.integer,
        value: (r) => r.progress,
      },
    ],
  };
  const units: Table<TPeriodUnitStatus> = {
    name: "Tình hình báo cáo",
    title: `Tình hình báo cáo của các đơn vị — ${where} (hạn ${formatDate(report.period.dueDate)})`,
    rows: report.units,
    columns: [
      { key: "unit", header: "Đơn vị", width: 36, value: (r) => r.unit.name },
      {
        key: "role",
        header: "Vai trò",
        width: 12,
        value: (r) => (r.role === "lead" ? "Chủ trì" : "Phối hợp"),
      },
      {
        key: "status",
        header: "Trạng thái",
        width: 16,
        value: (r) => (r.status ? REPORT_STATUS_LABELS[r.status].vi : "Chưa lập"),
      },
      { key: "timeliness", header: "Kịp thời", width: 20, value: (r) => TIMELINESS_LABELS[r.timeliness].vi },
      {
        key: "firstSubmittedAt",
        header: "Ngày nộp lần đầu",
        width: 16,
        numFmt: NUMBER_FORMATS.date,
        value: (r) => isoToDate(vnDay(r.firstSubmittedAt)),
      },
      {
        key: "daysLate",
        header: "Số ngày trễ",
        width: 12,
        numFmt: NUMBER_FORMATS.integer,
        value: (r) => r.daysLate,
      },
      {
        key: "taskCount",
        header: "Số nhiệm vụ",
        width: 12,
        numFmt: NUMBER_FORMATS.integer,
        value: (r) => r.taskCount,
      },
    ],
  };
  const statements: Table<TUnitStatement> = {
    name: "Khó khăn - Kiến nghị",
    title: `Khó khăn, vướng mắc và đề xuất, kiến nghị của các đơn vị — ${where}`,
    rows: report.statements,
    columns: [
      { key: "unit", header: "Đơn vị", width: 36, value: (r) => r.unit.name },
      {
        key: "status",
        header: "Trạng thái báo cáo",
        width: 16,
        value: (r) => REPORT_STATUS_LABELS[r.status].vi,
      },
      {
        key: "difficulties",
        header: "Khó khăn, vướng mắc",
        width: 70,
        wrap: true,
        value: (r) => r.difficulties,
      },
      { key: "proposals", header: "Đề xuất, kiến nghị", width: 70, wrap: true, value: (r) => r.proposals },
    ],
  };
  return [targets, tasks, units, statements];
}

/** The Vietnamese calendar day of an instant. */
function vnDay(iso: string | null): string | null {
  if (!iso) return null;
  return vietnamDate(iso);
}

export function renderXlsx(report: TConsolidatedReport): Promise<Buffer> {
  return toXlsx(consolidatedTables(report), { title: `Báo cáo — ${report.subject}` });
}
