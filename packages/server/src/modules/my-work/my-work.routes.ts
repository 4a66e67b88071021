import { ZCalendarParams, ZMyWork, ZTodo } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { calendarFeed } from "./calendar-feed.ts";
import { myTodo } from "./my-todo.ts";
import { myWork } from "./my-work.ts";

export async function myWorkRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/my-work",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["tasks"],
        summary: "Việc của tôi",
        description:
          "Nhiệm vụ của các kế hoạch đã ban hành mà đơn vị của người dùng (kể cả đơn vị trực thuộc và đơn vị tiền thân) chủ trì hoặc phối hợp: quá hạn, đến hạn trong 30 ngày, đang thực hiện, đã hoàn thành; cùng các chỉ tiêu của các kế hoạch đó thuộc cùng lĩnh vực.",
        response: { 200: ZMyWork },
      },
    },
    async (request) => myWork(db, requireActor(request)),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/my-todo",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["tasks"],
        summary: "Việc chờ tôi",
        description:
          "Những việc đang chờ người dùng, theo vai trò: báo cáo cần nhập (kèm hạn nộp), báo cáo bị trả lại (kèm lý do), báo cáo chờ duyệt, nhiệm vụ quá hạn, ý kiến chỉ đạo trong 30 ngày, tự đánh giá DTI của các đợt đang mở; mỗi mục kèm đường dẫn đến nơi xử lý.",
        response: { 200: ZTodo },
      },
    },
    async (request) => myTodo(db, requireActor(request)),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/calendar/:token",
    {
      // The token in the address is the credential: calendar applications send no cookie.
      config: { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["tasks"],
        summary: "Lịch hạn (iCalendar)",
        description:
          "Hạn nộp báo cáo của các đơn vị và hạn các nhiệm vụ của người dùng, định dạng iCalendar (text/calendar) để thêm vào Google Calendar, Outlook hoặc điện thoại. Địa chỉ riêng tạo ở Tài khoản / Thông báo; tạo lại hoặc thu hồi thì địa chỉ cũ hết hiệu lực.",
        params: ZCalendarParams,
      },
    },
    async (request, reply) => {
      const text = await calendarFeed(db, {
        token: request.params.token,
        publicUrl: config.reminders.publicUrl,
      });
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("content-disposition", 'inline; filename="lich-han-dtplan.ics"')
        .send(text);
    },
  );
}
