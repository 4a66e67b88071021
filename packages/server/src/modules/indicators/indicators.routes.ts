import { ZCreateIndicator, ZIndicator, ZIndicatorList, ZIndicatorListQuery } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { createIndicator } from "./create-indicator.ts";
import { presentIndicator } from "./indicators.presenter.ts";
import { listIndicators } from "./read-indicators.ts";

export async function indicatorsRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/indicators",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["indicators"],
        summary: "Danh mục chỉ số",
        description:
          "Các chỉ số chuẩn (danh mục quốc gia, nạp vào tỉnh khi tạo tỉnh) và chỉ số riêng của tỉnh; lọc theo trụ cột và từ khóa (gõ có dấu hay không dấu đều được).",
        querystring: ZIndicatorListQuery,
        response: { 200: ZIndicatorList },
      },
    },
    async (request) => listIndicators(db, { actor: requireActor(request), query: request.query }),
  );

  r.post(
    "/indicators",
    {
      config: {
        access: {
          permission: "plans.manage",
          units: (request) => (request.body as { unitId: string }).unitId,
        },
      },
      schema: {
        tags: ["indicators"],
        summary: "Tạo chỉ số riêng của tỉnh",
        description:
          "Khi chỉ tiêu của kế hoạch không khớp chỉ số chuẩn nào: tạo chỉ số mới trong danh mục của tỉnh chứa `unitId`.",
        body: ZCreateIndicator,
        response: { 201: ZIndicator },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentIndicator(await createIndicator(db, { actor: requireActor(request), input: request.body })),
        ),
  );
}
