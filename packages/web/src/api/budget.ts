/** Typed calls for a plan's budget line items. */

import type {
  TBudgetItem,
  TBudgetSummary,
  TCreateBudgetItem,
  TUpdateBudgetItem,
} from "@dtplan/contracts/budget.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const base = (code: string) => `/plans/${encodeURIComponent(code)}`;

export const budgetApi = {
  summary: (code: string) => api.get<TBudgetSummary>(`${base(code)}/budget`),
  create: (code: string, body: TCreateBudgetItem) =>
    api.post<TBudgetItem>(`${base(code)}/budget-items`, body),
  update: (code: string, itemId: string, body: TUpdateBudgetItem) =>
    api.patch<TBudgetItem>(`${base(code)}/budget-items/${encodeURIComponent(itemId)}`, body),
  remove: (code: string, itemId: string) =>
    api.delete<unknown>(`${base(code)}/budget-items/${encodeURIComponent(itemId)}`),
};

export const budgetQueries = {
  summary: (code: string) =>
    queryOptions({ queryKey: ["budget", code], queryFn: () => budgetApi.summary(code) }),
};
