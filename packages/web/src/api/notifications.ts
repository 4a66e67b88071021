/** Thông báo of the signed-in user (the header's bell). Part of the shell: keep it tiny. */
import type { TNotification, TNotificationList, TReadAllResult } from "@dtplan/contracts/reminders.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const notificationsApi = {
  /** Newest first, with the unread count; `limit: 1` when only the count matters. */
  list: (limit = 50) => api.get<TNotificationList>("/notifications", { limit }),
  read: (id: string) => api.post<TNotification>(`/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<TReadAllResult>("/notifications/read-all"),
};

const POLL_MS = 60_000;

export const notificationQueries = {
  /** The bell's unread count: polled every minute while the tab is visible. */
  unread: () =>
    queryOptions({
      queryKey: ["notifications", "unread"],
      queryFn: () => notificationsApi.list(1).then((r) => r.unread),
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: false,
      // A missed poll is not worth an error on every screen; the next one retries.
      throwOnError: false,
    }),
};
