import { ZAuditList, ZAuditPeople, ZAuditQuery } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { listVisibleAudit, listVisibleAuditPeople } from "./read-audit.ts";

export async function auditRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "Nhật ký thay đổi",
        description:
          "Các thay đổi (ai, khi nào, đối tượng và tên của nó, trước → sau) trong phạm vi người dùng được xem: cả tỉnh khi được cấp quyền ở cấp tỉnh, nếu không thì các đơn vị thuộc phạm vi. Lọc theo người thực hiện (`actorId`), đơn vị (`unitId`), loại đối tượng (`entity`), khoảng ngày (`from`, `to`, theo giờ Việt Nam); mới nhất trước, phân trang.",
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) =>
      listVisibleAudit(db, {
        actor: requireActor(request),
        query: request.query,
        lang: requestLang(request),
      }),
  );

  r.get(
    "/audit/people",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "Người thực hiện trong nhật ký",
        description: "Những người có thao tác trong phần nhật ký người dùng được xem (để lọc theo người).",
        response: { 200: ZAuditPeople },
      },
    },
    async (request) => listVisibleAuditPeople(db, { actor: requireActor(request) }),
  );
}
