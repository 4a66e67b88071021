/** Tìm kiếm (the header's search box); imported by its lazy dialog only. */
import type { TSearchResults } from "@dtplan/contracts/search.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const searchApi = {
  find: (q: string) => api.get<TSearchResults>("/search", { q }),
};

export const searchQueries = {
  find: (q: string) =>
    queryOptions({
      queryKey: ["search", q],
      queryFn: () => searchApi.find(q),
      enabled: q.trim().length >= 2,
      staleTime: 30_000,
    }),
};
