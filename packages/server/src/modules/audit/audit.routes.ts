import { ZAuditList, ZAuditQuery } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { reachOf, requireActor } from "../access/access.ts";
import { presentAuditEntry } from "./audit.presenter.ts";
import { listAudit } from "./audit.repository.ts";

export async function auditRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "Nhật ký thay đổi",
        description:
          "Các thay đổi (ai, khi nào, đối tượng, trước → sau) trong phạm vi người dùng được xem: cả tỉnh khi được cấp quyền ở cấp tỉnh, nếu không thì các đơn vị thuộc phạm vi.",
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) => {
      const reach = await reachOf(db, requireActor(request), "audit.read");
      const { rows, total } = await listAudit(db, {
        wholeTenants: [...reach.wholeTenants],
        unitIds: [...reach.unitIds],
        ...request.query,
      });
      return { items: rows.map(presentAuditEntry), total };
    },
  );
}
