import {
  ZNotification,
  ZNotificationList,
  ZNotificationParams,
  ZNotificationQuery,
  ZPeriodParams,
  ZReadAllResult,
  ZRemindResult,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { forbidden } from "../../errors.ts";
import { requireActor } from "../access/access.ts";
import { reportingPlan } from "../reporting/reporting.guards.ts";
import { findPeriod } from "../reporting/reporting.repository.ts";
import { deliverOutbox } from "./deliver-outbox.ts";
import { createMailer } from "./mailer.ts";
import { listNotifications, markAllRead, markRead } from "./notifications.ts";
import { remindNow } from "./plan-reminders.ts";

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
    async (request) => listNotifications(db, requireActor(request), request.query.limit),
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
    async (request) => markRead(db, requireActor(request), request.params.id),
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
    async (request) => {
      const ctx = await reportingPlan(db, requireActor(request), request.params.code);
      if (!ctx.canReview) throw forbidden("Chỉ chuyên viên đầu mối hoặc lãnh đạo được nhắc các đơn vị.");
      const period = await findPeriod(db, ctx.plan, request.params.key);
      const counts = await remindNow(db, { plan: ctx.plan, period, config: config.reminders });
      if (counts.emails > 0 && mailer) {
        sending = sending
          .then(() => deliverOutbox(db, mailer, { log: app.log }))
          .catch((error) => app.log.error({ err: error }, "Gửi thư nhắc không thành công"));
      }
      return counts;
    },
  );
}
