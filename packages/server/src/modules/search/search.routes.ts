import { ZSearchQuery, ZSearchResults } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { search } from "./search.ts";

export async function searchRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/search",
    {
      // Every kind is scoped by the caller's own reach inside the operation.
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["search"],
        summary: "Tìm kiếm",
        description:
          "Kế hoạch, chỉ tiêu, nhiệm vụ, đơn vị, báo cáo và người dùng có đủ các từ đã gõ (không phân biệt dấu, hoa thường; “hoá” = “hóa”, “Uỷ” = “Ủy”, đ = d), trong phạm vi người dùng được xem; nhóm theo loại, mỗi loại tối đa `limit` kết quả.",
        querystring: ZSearchQuery,
        response: { 200: ZSearchResults },
      },
    },
    async (request) => search(db, requireActor(request), request.query, requestLang(request)),
  );
}
