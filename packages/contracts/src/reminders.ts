import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  TODO_KINDS,
} from "@dtplan/domain/reminders/notifications.ts";
import { LANGUAGES } from "@dtplan/domain/text/format.ts";
import { z } from "zod";
import { ZUuid } from "./common.ts";

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export const ZTodoKind = z.enum(TODO_KINDS);
export const ZLanguage = z.enum(LANGUAGES, { message: "Ngôn ngữ phải là vi hoặc en" });

/** Thông báo — an in-app notice, e.g. a reminder to submit a report. */
export const ZNotification = z.object({
  id: ZUuid,
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string(),
  /** A path in the web app (`/periods/{code}/{key}/units/{unitId}`). */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** `GET /api/notifications`: the caller's own, newest first, with the unread count. */
export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  unread: z.number().int().min(0),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZNotificationParams = z.object({ id: ZUuid });

export const ZReadAllResult = z.object({ updated: z.number().int().min(0) });
export type TReadAllResult = z.infer<typeof ZReadAllResult>;

/** `POST …/periods/{key}/remind`: what "nhắc ngay" queued (nothing again the same day). */
export const ZRemindResult = z.object({
  /** Units not yet submitted that have at least one reporter. */
  units: z.number().int().min(0),
  notifications: z.number().int().min(0),
  emails: z.number().int().min(0),
});
export type TRemindResult = z.infer<typeof ZRemindResult>;

/** One thing waiting for the caller, with where to act on it. */
export const ZTodoItem = z.object({
  kind: ZTodoKind,
  /** "Quý IV năm 2026 — Xã Long Hồ" */
  title: z.string(),
  /** A report's period, with which the title begins: the web names it in the reader's language. */
  period: z.object({ key: z.string(), label: z.string() }).nullable(),
  /** The plan, round or task it belongs to. */
  detail: z.string(),
  /** Hạn (ISO date), when it has one. */
  due: z.string().nullable(),
  /** Past its due date. */
  late: z.boolean(),
  /** Why a report came back; a direction's text. */
  reason: z.string().nullable(),
  /** Where to act, a path in the web app. */
  link: z.string(),
});
export type TTodoItem = z.infer<typeof ZTodoItem>;

/** `GET /api/my-todo`: what waits for the caller, counted per kind, the first items of each. */
export const ZTodo = z.object({
  today: z.string(),
  counts: z.record(ZTodoKind, z.number().int().min(0)),
  items: z.array(ZTodoItem),
});
export type TTodo = z.infer<typeof ZTodo>;

export const ZChannelChoice = z.object({ in_app: z.boolean(), email: z.boolean(), digest: z.boolean() });

/** `GET /api/account/notifications`: the caller's channels, address and calendar feed. */
export const ZNotificationSettings = z.object({
  channels: ZChannelChoice,
  /** Where e-mails go; none means no e-mail whatever the channels say. */
  email: z.string().nullable(),
  /** The language e-mails are written in (the bell follows the interface's). */
  language: ZLanguage,
  calendar: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZNotificationSettingsUpdate = z.object({
  channels: ZChannelChoice.partial().optional(),
  language: ZLanguage.optional(),
});
export type TNotificationSettingsUpdate = z.infer<typeof ZNotificationSettingsUpdate>;

/** A new private calendar address, shown once (only its hash is kept). */
export const ZCalendarFeed = z.object({ url: z.string(), createdAt: z.string() });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

export const ZCalendarParams = z.object({
  token: z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}\.ics$/, "Địa chỉ lịch không hợp lệ"),
});
