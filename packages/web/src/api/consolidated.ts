/** Typed calls for the consolidated report (báo cáo tổng hợp); imported by its lazy page only. */

import type {
  TConsolidatedFormat,
  TConsolidatedReport,
  TSaveConsolidated,
} from "@dtplan/contracts/consolidated.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";
import { withPlanProvince } from "./plan-province.ts";

const enc = encodeURIComponent;
const reportPath = (code: string, key: string) => `/plans/${enc(code)}/periods/${enc(key)}/consolidated`;

export const consolidatedApi = {
  get: (code: string, key: string) => api.get<TConsolidatedReport>(reportPath(code, key)),
  /** Lưu phần lời văn; 409 when someone saved since `version` was loaded. */
  save: (code: string, key: string, body: TSaveConsolidated) =>
    api.put<TConsolidatedReport>(reportPath(code, key), body),
  /** A same-origin link, so the session cookie goes with the download. */
  fileUrl: (code: string, key: string, format: TConsolidatedFormat) =>
    withPlanProvince(`/api${reportPath(code, key)}.${format}`),
};

export const consolidatedQueries = {
  report: (code: string, key: string) =>
    queryOptions({ queryKey: ["consolidated", code, key], queryFn: () => consolidatedApi.get(code, key) }),
};
