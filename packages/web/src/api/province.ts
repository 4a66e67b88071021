/** Typed calls of the province view; imported by its (lazy) page only. */

import type { TProvinceView } from "@dtplan/contracts/province.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

/** Which province, which period, and whether closed units and plans not yet started show. */
export interface ProvinceFilter {
  tenantId?: string;
  period?: string;
  showAll?: boolean;
}

const params = (f: ProvinceFilter) => ({
  tenantId: f.tenantId,
  period: f.period,
  showAll: f.showAll ? "true" : undefined,
});

export const provinceApi = {
  view: (filter: ProvinceFilter) => api.get<TProvinceView>("/province", params(filter)),
  /** A same-origin link, so the session cookie goes with the download. */
  exportUrl: (format: "csv" | "xlsx", filter: ProvinceFilter) => {
    const query = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params(filter))) if (v) query.set(k, v);
    return `/api/province/export?${query}`;
  },
};

export const provinceQuery = (filter: ProvinceFilter) =>
  queryOptions({ queryKey: ["province", filter], queryFn: () => provinceApi.view(filter) });
