import { ZMyWork } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { myWork } from "./my-work.ts";

export async function myWorkRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
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
}
