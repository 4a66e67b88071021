/** Typed calls of the public transparency page (no session); imported by its lazy page only. */
import type {
  TPublicPlanDetail,
  TPublicPlanList,
  TPublicPlanQuery,
  TPublicProvinceList,
  TPublicUnitList,
} from "@dtplan/contracts/public.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const enc = encodeURIComponent;
// Anonymous by design: a 401 here must never send the visitor to the login page.
const anonymous = { allowAnonymous: true } as const;

export const publicApi = {
  provinces: () => api.get<TPublicProvinceList>("/public/provinces", undefined, anonymous),
  units: (province: string) =>
    api.get<TPublicUnitList>(`/public/provinces/${enc(province)}/units`, undefined, anonymous),
  plans: (query: Partial<TPublicPlanQuery>) =>
    api.get<TPublicPlanList>("/public/plans", { ...query }, anonymous),
  plan: (province: string, code: string) =>
    api.get<TPublicPlanDetail>(`/public/plans/${enc(province)}/${enc(code)}`, undefined, anonymous),
};

export const publicQueries = {
  provinces: () => queryOptions({ queryKey: ["public", "provinces"], queryFn: publicApi.provinces }),
  units: (province: string) =>
    queryOptions({ queryKey: ["public", "units", province], queryFn: () => publicApi.units(province) }),
  plans: (query: Partial<TPublicPlanQuery>) =>
    queryOptions({ queryKey: ["public", "plans", query], queryFn: () => publicApi.plans(query) }),
  plan: (province: string, code: string) =>
    queryOptions({
      queryKey: ["public", "plan", province, code],
      queryFn: () => publicApi.plan(province, code),
    }),
};
