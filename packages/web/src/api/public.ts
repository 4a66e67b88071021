/** Typed calls of the public transparency page (no session); imported by its lazy page only. */

import type { TPublicPlanDetail, TPublicPlanList } from "@dtplan/contracts/public.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const enc = encodeURIComponent;
// Anonymous by design: a 401 here must never send the visitor to the login page.
const anonymous = { allowAnonymous: true } as const;

export const publicApi = {
  plans: () => api.get<TPublicPlanList>("/public/plans", undefined, anonymous),
  plan: (province: string, code: string) =>
    api.get<TPublicPlanDetail>(`/public/plans/${enc(province)}/${enc(code)}`, undefined, anonymous),
};

export const publicQueries = {
  plans: () => queryOptions({ queryKey: ["public", "plans"], queryFn: publicApi.plans }),
  plan: (province: string, code: string) =>
    queryOptions({
      queryKey: ["public", "plan", province, code],
      queryFn: () => publicApi.plan(province, code),
    }),
};
