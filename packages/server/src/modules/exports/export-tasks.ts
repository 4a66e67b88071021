import type { ZTaskExportQuery } from "@dtplan/contracts";
import { TASK_STATUS_LABELS } from "@dtplan/domain/tasks/status.ts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { listPlanTasks } from "../tasks/plan-tasks.ts";
import { dateCell, deadlineColumns, filtersOf, pillarLabel } from "./export-columns.ts";
import { type Column, NUMBER_FORMATS, type TableDownload } from "./tabular.ts";

/** A row of `GET /api/plan-tasks`. */
type TaskRow = Awaited<ReturnType<typeof listPlanTasks>>["items"][number];

export const TASK_COLUMNS: readonly Column<TaskRow>[] = [
  { key: "taskId", header: "ID nhiệm vụ", value: (x) => x.id, width: 38 },
  { key: "planCode", header: "Mã kế hoạch", value: (x) => x.plan.code, width: 18 },
  { key: "planVersion", header: "Phiên bản", value: (x) => x.plan.version, width: 10 },
  { key: "position", header: "STT", value: (x) => x.position + 1, width: 6 },
  { key: "taskKey", header: "Mã nhiệm vụ", value: (x) => x.key, width: 38 },
  { key: "pillar", header: "Mã trụ cột", value: (x) => x.pillar, width: 16 },
  { key: "pillarLabel", header: "Trụ cột", value: (x) => pillarLabel(x.pillar), width: 28 },
  { key: "section", header: "Mục", value: (x) => x.section, width: 20, wrap: true },
  { key: "text", header: "Nhiệm vụ", value: (x) => x.text, width: 60, wrap: true },
  {
    key: "leadUnit",
    header: "Đơn vị chủ trì",
    value: (x) => x.lead.unit?.name ?? x.lead.text,
    width: 28,
    wrap: true,
  },
  {
    key: "coordinatingUnits",
    header: "Đơn vị phối hợp",
    value: (x) =>
      x.coordinators
        .map((c) => c.unit?.name ?? c.text)
        .filter(Boolean)
        .join("; "),
    width: 36,
    wrap: true,
  },
  ...deadlineColumns<TaskRow>(),
  {
    key: "progress",
    header: "Tiến độ (%)",
    value: (x) => x.progress ?? 0,
    numFmt: NUMBER_FORMATS.percent,
    width: 11,
  },
  { key: "status", header: "Mã trạng thái", value: (x) => x.status, width: 14 },
  { key: "statusLabel", header: "Trạng thái", value: (x) => TASK_STATUS_LABELS[x.status].vi, width: 20 },
  {
    key: "completedAt",
    header: "Ngày hoàn thành",
    value: (x) => dateCell(x.completedAt),
    numFmt: NUMBER_FORMATS.date,
    width: 14,
  },
];

/**
 * Nhiệm vụ — every task `GET /api/plan-tasks` would list with the same filters (the same
 * function, so the same access rule), on one sheet.
 */
export async function taskExport(
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZTaskExportQuery>,
): Promise<TableDownload<TaskRow>> {
  const { format: _format, ...filters } = query;
  const { items } = await listPlanTasks(db, actor, {
    ...filters,
    limit: Number.MAX_SAFE_INTEGER,
    offset: 0,
  });
  // One plan asked for: its name heads the sheet and the JSON.
  const plan = query.planCode ? (items[0]?.plan ?? null) : null;
  return {
    fileBase: `nhiem-vu-${plan?.code ?? "cac-ke-hoach"}`,
    meta: { plan, filters: filtersOf(query) },
    table: {
      name: "Nhiệm vụ",
      title: plan ? `Nhiệm vụ — ${plan.title}` : "Nhiệm vụ của các kế hoạch",
      columns: TASK_COLUMNS,
      rows: items,
    },
  };
}
