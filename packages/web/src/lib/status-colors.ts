/**
 * The tag colour of each value of a closed list, one map per list wherever the
 * value is shown (antd's semantic tag colours). Keyed by the domain's types so a
 * new value cannot be left without one. The words and icons say the same thing:
 * colour only repeats them.
 */
import type { AttainmentStatus, RiskReason } from "@dtplan/domain/attainment/attainment.ts";
import type { PlanStatus } from "@dtplan/domain/plans/lists.ts";
import type { ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import type { Timeliness } from "@dtplan/domain/reporting/timeliness.ts";
import type { TaskStatus } from "@dtplan/domain/tasks/status.ts";

export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  draft: "gold",
  published: "green",
  superseded: "default",
};

export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: "default",
  in_progress: "processing",
  done: "success",
  done_late: "warning",
  overdue: "error",
};

export const REPORT_STATUS_COLOR: Record<ReportStatus, string> = {
  draft: "default",
  submitted: "processing",
  returned: "warning",
  approved: "success",
};

export const TIMELINESS_COLOR: Record<Timeliness, string> = {
  on_time: "green",
  late: "orange",
  missing: "red",
  not_due: "default",
};

export const ATTAINMENT_COLOR: Record<AttainmentStatus, string> = {
  achieved: "success",
  near: "warning",
  not_achieved: "error",
  no_data: "default",
  qualitative: "purple",
};

export const RISK_REASON_COLOR: Record<RiskReason, string> = {
  not_achieved: "error",
  near: "warning",
  worsening: "volcano",
};
