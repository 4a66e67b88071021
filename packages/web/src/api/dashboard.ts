/** Typed calls of the leader dashboard; imported by its (lazy) page only. */

import type { TDashboardTargetDetail, TPlanDashboard } from "@dtplan/contracts/dashboard.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const enc = encodeURIComponent;

export const dashboardApi = {
  /** Without `period`: the latest period with submitted figures. */
  plan: (code: string, period?: string) =>
    api.get<TPlanDashboard>(`/plans/${enc(code)}/dashboard`, { period }),
  target: (code: string, targetKey: string, period?: string) =>
    api.get<TDashboardTargetDetail>(`/plans/${enc(code)}/dashboard/targets/${enc(targetKey)}`, { period }),
};

export const dashboardQueries = {
  plan: (code: string, period?: string) =>
    queryOptions({
      queryKey: ["dashboard", code, period ?? null],
      queryFn: () => dashboardApi.plan(code, period),
    }),
  target: (code: string, targetKey: string, period?: string) =>
    queryOptions({
      queryKey: ["dashboard", code, period ?? null, "target", targetKey],
      queryFn: () => dashboardApi.target(code, targetKey, period),
    }),
};
