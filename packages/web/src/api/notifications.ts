/** Thông báo of the signed-in user (the header's bell). Part of the shell: keep it tiny. */
import type { TNotification, TNotificationList, TReadAllResult } from "@dtplan/contracts/reminders.ts";
import { api } from "./client.ts";

export const notificationsApi = {
  /** Newest first, with the unread count; `limit: 1` when only the count matters. */
  list: (limit = 50) => api.get<TNotificationList>("/notifications", { limit }),
  read: (id: string) => api.post<TNotification>(`/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<TReadAllResult>("/notifications/read-all"),
};
