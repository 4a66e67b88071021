import {
  ZCalendarFeed,
  ZNotification,
  ZNotificationList,
  ZNotificationParams,
  ZNotificationQuery,
  ZNotificationSettings,
  ZNotificationSettingsUpdate,
  ZOk,
  ZPeriodParams,
  ZReadAllResult,
  ZRemindResult,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import {
  chooseChannels,
  notificationSettings,
  renewCalendarFeed,
  revokeCalendarFeed,
} from "../notify/settings.ts";
import { deliverOutbox } from "./deliver-outbox.ts";
import { createMailer } from "./mailer.ts";
import { listNotifications, markAllRead, markRead } from "./notifications.ts";
import { remindPeriod } from "./remind-period.ts";

const OWN = { access: "authenticated" as const };
const READ = { access: { permission: "plans.read" as const } };

export async function remindersRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mailer = config.smtp ? createMailer(config.smtp) : null;
  // "Nhắc ngay" sends in the background; the app waits for it before closing.
  let sending: Promise<unknown> = Promise.resolve();
  app.addHook("onClose", async () => {
    await sending;
    mailer?.close();
  });
  const sendInBackground = () => {
    if (!mailer) return;
    sending = sending
      .then(() => deliverOutbox(db, mailer, { log: app.log }))
      .catch((error) => app.log.error({ err: error }, "Gửi thư nhắc không thành công"));
  };

  r.get(
    "/notifications",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Thông báo của tôi",
        description: "Mới nhất trước, kèm số thông báo chưa đọc.",
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (request) =>
      listNotifications(db, requireActor(request), request.query.limit, requestLang(request)),
  );

  r.post(
    "/notifications/:id/read",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Đánh dấu đã đọc",
        params: ZNotificationParams,
        response: { 200: ZNotification },
      },
    },
    async (request) => markRead(db, requireActor(request), request.params.id, requestLang(request)),
  );

  r.post(
    "/notifications/read-all",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Đánh dấu tất cả đã đọc",
        response: { 200: ZReadAllResult },
      },
    },
    async (request) => ({ updated: await markAllRead(db, requireActor(request)) }),
  );

  r.get(
    "/account/notifications",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Cài đặt thông báo của tôi",
        description:
          "Các kênh nhận thông báo (trong ứng dụng, thư điện tử từng việc, thư tóm tắt hằng ngày) và lịch hạn riêng.",
        response: { 200: ZNotificationSettings },
      },
    },
    async (request) => notificationSettings(db, requireActor(request)),
  );

  r.put(
    "/account/notifications",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Chọn kênh nhận thông báo",
        description: "Bật hoặc tắt từng kênh; thư tóm tắt hằng ngày thay cho thư từng việc.",
        body: ZNotificationSettingsUpdate,
        response: { 200: ZNotificationSettings },
      },
    },
    async (request) => chooseChannels(db, requireActor(request), request.body),
  );

  r.post(
    "/account/calendar",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Tạo (lại) địa chỉ lịch hạn riêng",
        description: "Địa chỉ iCalendar riêng, chỉ hiện một lần; địa chỉ cũ (nếu có) hết hiệu lực.",
        response: { 200: ZCalendarFeed },
      },
    },
    async (request) => renewCalendarFeed(db, requireActor(request), config.reminders.publicUrl),
  );

  r.delete(
    "/account/calendar",
    {
      config: OWN,
      schema: {
        tags: ["notifications"],
        summary: "Thu hồi địa chỉ lịch hạn",
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await revokeCalendarFeed(db, requireActor(request));
      return { ok: true as const };
    },
  );

  r.post(
    "/plans/:code/periods/:key/remind",
    {
      config: READ,
      schema: {
        tags: ["reporting"],
        summary: "Nhắc ngay các đơn vị chưa nộp báo cáo",
        description:
          "Chuyên viên đầu mối hoặc lãnh đạo. Gửi thông báo và thư điện tử cho cán bộ báo cáo của mọi đơn vị chưa nộp; nhắc lại trong cùng ngày không gửi thêm.",
        params: ZPeriodParams,
        response: { 200: ZRemindResult },
      },
    },
    async (request) =>
      remindPeriod(db, {
        actor: requireActor(request),
        code: request.params.code,
        key: request.params.key,
        config: config.reminders,
        onEmails: sendInBackground,
      }),
  );
}
