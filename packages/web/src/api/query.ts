/**
 * Data loading: one TanStack Query client for the app. Each API module exports
 * its reads as `queryOptions` (key + fetcher) with keys that start with the
 * resource's name, so a write invalidates its resource by that prefix.
 */
import { keepPreviousData, QueryClient } from "@tanstack/react-query";
import { errorMessage } from "./client.ts";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failure shows at once with the server's message (the screen offers "retry"), as before.
      retry: false,
      // Never reload a screen under someone filling in a form (on focus or when the network
      // comes back): a read reloads when its screen opens or a write invalidates it.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Keep showing the previous data while the next (filter, page, period) loads: no flicker.
      placeholderData: keepPreviousData,
    },
    mutations: { retry: false },
  },
});

/** The message to show for a failed read (the server's Vietnamese message), or null. */
export function loadError(query: { error: unknown }): string | null {
  return query.error ? errorMessage(query.error) : null;
}

/** Marks every read of these resources stale; the ones on screen reload. */
export function invalidate(...resources: string[]): Promise<void> {
  return Promise.all(
    resources.map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })),
  ).then(() => undefined);
}
