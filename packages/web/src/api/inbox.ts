/** Việc chờ tôi and a person's notification settings; imported by lazy pages only. */
import type {
  TCalendarFeed,
  TNotificationSettings,
  TNotificationSettingsUpdate,
  TTodo,
} from "@dtplan/contracts/reminders.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const inboxApi = {
  todo: () => api.get<TTodo>("/my-todo"),
  settings: () => api.get<TNotificationSettings>("/account/notifications"),
  choose: (body: TNotificationSettingsUpdate) =>
    api.put<TNotificationSettings>("/account/notifications", body),
  renewCalendar: () => api.post<TCalendarFeed>("/account/calendar"),
  revokeCalendar: () => api.delete<{ ok: true }>("/account/calendar"),
};

export const inboxQueries = {
  todo: () => queryOptions({ queryKey: ["inbox", "todo"], queryFn: inboxApi.todo }),
  settings: () => queryOptions({ queryKey: ["inbox", "settings"], queryFn: inboxApi.settings }),
};
