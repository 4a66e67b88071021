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

/**
 * Reads whose sentences the server writes in the caller's language (a report's or a task's
 * history, notifications, the to-do list, search results): reloaded when the language changes.
 * Forms are not: a report being filled in must never be reloaded under its writer.
 */
const WORDED_BY_SERVER: readonly (readonly string[])[] = [
  ["reporting", "history"],
  ["tasks", "task"],
  ["notifications"],
  ["inbox"],
  ["search"],
];

export function reloadWordedReads(): Promise<void> {
  return Promise.all(
    WORDED_BY_SERVER.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })),
  ).then(() => undefined);
}
