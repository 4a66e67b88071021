import { z } from "zod";
import { ZUuid } from "./common.ts";

/** Thông báo — an in-app notice, e.g. a reminder to submit a report. */
export const ZNotification = z.object({
  id: ZUuid,
  /** `reminder.before_due`, `reminder.overdue`, `reminder.manual`. */
  kind: z.string(),
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
