import type { TMyWorkTask, ZMyTaskExportQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { myWork } from "../my-work/my-work.ts";
import { dateCell, deadlineColumns, filtersOf, pillarLabel } from "./export-columns.ts";
import { type Column, NUMBER_FORMATS, type TableDownload } from "./tabular.ts";

const ROLE_LABELS: Record<TMyWorkTask["role"], string> = { lead: "Chủ trì", coordinator: "Phối hợp" };

const MY_TASK_COLUMNS: readonly Column<TMyWorkTask>[] = [
  { key: "taskId", header: "ID nhiệm vụ", value: (x) => x.id, width: 38 },
  { key: "planCode", header: "Mã kế hoạch", value: (x) => x.plan.code, width: 18 },
  { key: "planTitle", header: "Kế hoạch", value: (x) => x.plan.title, width: 36, wrap: true },
  { key: "pillarLabel", header: "Trụ cột", value: (x) => pillarLabel(x.pillar), width: 24 },
  { key: "text", header: "Nhiệm vụ", value: (x) => x.text, width: 60, wrap: true },
  { key: "role", header: "Vai trò", value: (x) => ROLE_LABELS[x.role], width: 10 },
  { key: "leadUnit", header: "Đơn vị chủ trì", value: (x) => x.lead?.name ?? null, width: 28, wrap: true },
  ...deadlineColumns<TMyWorkTask>(),
  { key: "daysLeft", header: "Số ngày còn lại", value: (x) => x.daysLeft, numFmt: NUMBER_FORMATS.integer },
  {
    key: "progress",
    header: "Tiến độ (%)",
    value: (x) => x.progress,
    numFmt: NUMBER_FORMATS.percent,
    width: 11,
  },
  { key: "status", header: "Mã trạng thái", value: (x) => x.status, width: 14 },
  { key: "statusLabel", header: "Trạng thái", value: (x) => x.statusLabel, width: 20 },
  {
    key: "completedAt",
    header: "Ngày hoàn thành",
    value: (x) => dateCell(x.completedAt),
    numFmt: NUMBER_FORMATS.date,
    width: 14,
  },
];

/**
 * Việc của tôi as the screen shows it: every task of `GET /api/my-work` once, in its
 * order of urgency (overdue, due soon, in progress, done), filtered by status and role.
 */
export async function myTaskExport(
  db: Database,
  actor: Actor,
  query: z.infer<typeof ZMyTaskExportQuery>,
): Promise<TableDownload<TMyWorkTask>> {
  const work = await myWork(db, actor);
  const seen = new Set<string>();
  const rows = [...work.overdue, ...work.dueSoon, ...work.inProgress, ...work.done].filter((x) => {
    if (seen.has(x.id)) return false;
    seen.add(x.id);
    return (!query.status || x.status === query.status) && (!query.role || x.role === query.role);
  });
  return {
    fileBase: "viec-cua-toi",
    meta: { plan: null, filters: filtersOf(query) },
    table: {
      name: "Việc của tôi",
      title: `Việc của tôi — ${work.units.map((u) => u.name).join(", ") || "—"}`,
      columns: MY_TASK_COLUMNS,
      rows,
    },
  };
}
