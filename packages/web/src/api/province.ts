/** Typed calls of the province view; imported by its (lazy) page only. */

import type { TProvinceView } from "@dtplan/contracts/province.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const provinceApi = {
  view: (tenantId?: string) => api.get<TProvinceView>("/province", { tenantId }),
  /** A same-origin link, so the session cookie goes with the download. */
  exportUrl: (format: "csv" | "xlsx", tenantId?: string) =>
    `/api/province/export?format=${format}${tenantId ? `&tenantId=${encodeURIComponent(tenantId)}` : ""}`,
};

export const provinceQuery = (tenantId?: string) =>
  queryOptions({ queryKey: ["province", tenantId ?? null], queryFn: () => provinceApi.view(tenantId) });
