import "../i18n/exports-messages.ts";
import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import {
  EXPORT_FORMATS,
  type TExportFormat,
  type TIndicatorValueExportQuery,
  type TMyTaskExportQuery,
  type TTargetExportQuery,
  type TTaskExportQuery,
} from "@dtplan/contracts/exports.ts";
import { Button, Dropdown, type MenuProps } from "antd";
import { withPlanProvince } from "../api/plan-province.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";

type Query = Record<string, string | number | boolean | null | undefined>;
/** An export's query without `format`, every filter optional (a cleared select is null). */
type Filters<T> = { [K in Exclude<keyof T, "format">]?: T[K] | null };

/** One list the menu can download: its label and its export endpoint with the screen's filters. */
export interface ExportSource {
  label: MessageKey;
  /** Path under /api. */
  path: string;
  query?: Query;
}

const enc = encodeURIComponent;

/** The exports the server offers (`modules/exports`), taking the same filters as their lists. */
export const exportSources = {
  tasks: (query: Filters<TTaskExportQuery>): ExportSource => ({
    label: "export.tasks",
    path: "/exports/tasks",
    query,
  }),
  myTasks: (query: Filters<TMyTaskExportQuery> = {}): ExportSource => ({
    label: "export.myTasks",
    path: "/exports/my-tasks",
    query,
  }),
  targets: (planCode: string, query: Filters<TTargetExportQuery> = {}): ExportSource => ({
    label: "export.targets",
    path: `/plans/${enc(planCode)}/exports/targets`,
    query,
  }),
  indicatorValues: (planCode: string, query: Filters<TIndicatorValueExportQuery> = {}): ExportSource => ({
    label: "export.indicatorValues",
    path: `/plans/${enc(planCode)}/exports/indicator-values`,
    query,
  }),
};

/** A same-origin GET, so the session cookie goes with the download. */
export function exportUrl(source: ExportSource, format: TExportFormat): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(source.query ?? {})) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    params.set(k, String(v));
  }
  params.set("format", format);
  return withPlanProvince(`/api${source.path}?${params.toString()}`);
}

/**
 * Xuất dữ liệu: CSV, JSON or Excel of what the screen lists, with its current filters.
 * Several sources (a plan's targets and tasks) appear as groups of one menu.
 */
export function ExportMenu({ sources, size }: { sources: ExportSource[]; size?: "small" | "middle" }) {
  const { t } = useI18n();
  const links = (source: ExportSource, prefix: string) =>
    EXPORT_FORMATS.map((format) => ({
      key: `${prefix}${format}`,
      label: (
        <a href={exportUrl(source, format)} download data-testid={`export-${prefix}${format}`}>
          {t(`export.${format}`)}
        </a>
      ),
    }));
  const items: MenuProps["items"] =
    sources.length === 1
      ? [{ type: "group", label: t("export.hint"), children: links(sources[0], "") }]
      : sources.map((source, i) => ({
          type: "group" as const,
          key: `g${i}`,
          label: t(source.label),
          children: links(source, `${i}-`),
        }));
  return (
    <Dropdown menu={{ items }} trigger={["click"]}>
      <Button size={size} icon={<DownloadOutlined />} data-testid="export-menu">
        {t("export.button")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
