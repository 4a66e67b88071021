import type { TLocality, TProvinceView } from "@dtplan/contracts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import { NUMBER_FORMATS, type Table, type TableDownload } from "../exports/tabular.ts";

const integer = NUMBER_FORMATS.integer;
const pct = NUMBER_FORMATS.percent;

/** Toàn tỉnh as one table (CSV, XLSX, JSON): one row per locality, as on the screen. */
export function provinceTable(view: TProvinceView): Table<TLocality> {
  return {
    name: "Toàn tỉnh",
    title: `Kết quả thực hiện kế hoạch chuyển đổi số các địa phương — ${view.province.name} (${view.period ? `${view.period.label}; ` : ""}số liệu đến ngày ${formatDate(view.today)})`,
    rows: view.localities,
    columns: [
      { key: "locality", header: "Địa phương", value: (l) => l.unit.name, width: 40, wrap: true },
      { key: "kind", header: "Loại đơn vị", value: (l) => l.unit.kindLabel, width: 22 },
      {
        key: "plans",
        header: "Kế hoạch",
        value: (l) =>
          l.plans.length
            ? l.plans.map((p) => `${p.title} (${p.code}${p.years ? `, ${p.years}` : ""})`).join("; ")
            : "Chưa có kế hoạch",
        width: 50,
        wrap: true,
      },
      {
        key: "period",
        header: "Kỳ số liệu",
        value: (l) =>
          l.plans
            .map((p) => p.period?.label)
            .filter(Boolean)
            .join("; "),
        width: 24,
        wrap: true,
      },
      { key: "targets", header: "Số chỉ tiêu", value: (l) => l.targets.total, numFmt: integer },
      { key: "achieved", header: "Đạt", value: (l) => l.targets.achieved, numFmt: integer },
      { key: "near", header: "Gần đạt", value: (l) => l.targets.near, numFmt: integer },
      { key: "notAchieved", header: "Chưa đạt", value: (l) => l.targets.notAchieved, numFmt: integer },
      { key: "noData", header: "Chưa có số liệu", value: (l) => l.targets.noData, numFmt: integer },
      { key: "qualitative", header: "Định tính", value: (l) => l.targets.qualitative, numFmt: integer },
      {
        key: "achievedPercent",
        header: "Tỷ lệ đạt (%)",
        value: (l) => l.targets.achievedPercent,
        numFmt: pct,
      },
      { key: "tasks", header: "Số nhiệm vụ", value: (l) => l.tasks.total, numFmt: integer },
      { key: "tasksDone", header: "Hoàn thành", value: (l) => l.tasks.done, numFmt: integer },
      { key: "tasksOverdue", header: "Quá hạn", value: (l) => l.tasks.overdue, numFmt: integer },
      {
        key: "averageProgress",
        header: "Tiến độ bình quân (%)",
        value: (l) => l.tasks.averageProgress,
        numFmt: pct,
      },
      {
        key: "reportsExpected",
        header: "Báo cáo phải nộp",
        value: (l) => l.reporting.expected,
        numFmt: integer,
      },
      { key: "reportsOnTime", header: "Đúng hạn", value: (l) => l.reporting.onTime, numFmt: integer },
      { key: "reportsLate", header: "Trễ hạn", value: (l) => l.reporting.late, numFmt: integer },
      { key: "reportsMissing", header: "Chưa nộp", value: (l) => l.reporting.missing, numFmt: integer },
      {
        key: "onTimePercent",
        header: "Tỷ lệ đúng hạn (%)",
        value: (l) => l.reporting.onTimePercent,
        numFmt: pct,
      },
    ],
  };
}

/** The province view as a download, one row per locality. */
export const provinceDownload = (view: TProvinceView): TableDownload<TLocality> => ({
  table: provinceTable(view),
  fileBase: `toan-tinh-${view.today}`,
  meta: { province: view.province, today: view.today },
});
