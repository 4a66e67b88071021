/** Typed calls of the leader dashboard; imported by its (lazy) page only. */
import type { TDashboardTargetDetail, TPlanDashboard } from "@dtplan/contracts/dashboard.ts";
import { api } from "./client.ts";

const enc = encodeURIComponent;

export const dashboardApi = {
  /** Without `period`: the latest period with submitted figures. */
  plan: (code: string, period?: string) =>
    api.get<TPlanDashboard>(`/plans/${enc(code)}/dashboard`, { period }),
  target: (code: string, targetKey: string, period?: string) =>
    api.get<TDashboardTargetDetail>(`/plans/${enc(code)}/dashboard/targets/${enc(targetKey)}`, { period }),
};
