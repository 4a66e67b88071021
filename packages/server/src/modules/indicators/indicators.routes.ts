import {
  type TIndicator,
  type TPillar,
  ZCreateIndicator,
  ZIndicator,
  ZIndicatorList,
  ZIndicatorListQuery,
} from "@dtplan/contracts";
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { type IndicatorRow, indicators } from "../../db/schema.ts";
import { conflict, forbidden, notFound, pgErrorCode } from "../../errors.ts";
import { reachOf, requireActor } from "../access/access.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { findUnitById } from "../org/org.repository.ts";
import { ensureCatalogue, tenantIndicators } from "./indicators.repository.ts";

export function presentIndicator(row: IndicatorRow): TIndicator {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    pillar: row.pillar as TPillar,
    aggregation: row.aggregation,
    direction: row.direction,
    numeratorLabel: row.numeratorLabel,
    denominatorLabel: row.denominatorLabel,
    origin: row.origin,
  };
}

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
          "Các chỉ số chuẩn (danh mục quốc gia, nạp vào tỉnh ở lần dùng đầu tiên) và chỉ số riêng của tỉnh; lọc theo trụ cột và từ khóa (gõ có dấu hay không dấu đều được).",
        querystring: ZIndicatorListQuery,
        response: { 200: ZIndicatorList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const reach = await reachOf(db, actor, "plans.read");
      const tenantId =
        request.query.tenantId ??
        (reach.tenants.has(actor.tenantId) ? actor.tenantId : [...reach.tenants][0]);
      if (!tenantId || !reach.tenants.has(tenantId)) throw forbidden();
      await ensureCatalogue(db, tenantId);
      const words = request.query.q ? foldVietnamese(request.query.q).split(" ").filter(Boolean) : [];
      const rows = (await tenantIndicators(db, tenantId))
        .filter((i) => !request.query.pillar || i.pillar === request.query.pillar)
        .filter((i) => {
          const hay = foldVietnamese(`${i.code} ${i.name}`);
          return words.every((w) => hay.includes(w));
        });
      const { limit, offset } = request.query;
      return { items: rows.slice(offset, offset + limit).map(presentIndicator), total: rows.length };
    },
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
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await findUnitById(db, request.body.unitId);
      if (!unit) throw notFound("Không tìm thấy đơn vị.");
      const { unitId: _, ...input } = request.body;
      try {
        const row = await db.transaction(async (tx) => {
          await ensureCatalogue(tx, unit.tenantId);
          const [created] = await tx
            .insert(indicators)
            .values({
              ...input,
              numeratorLabel: input.numeratorLabel ?? null,
              denominatorLabel: input.denominatorLabel ?? null,
              tenantId: unit.tenantId,
              origin: "local",
              createdBy: actor.id,
            })
            .returning();
          await recordAudit(tx, {
            tenantId: unit.tenantId,
            actorId: actor.id,
            action: "indicator.create",
            entity: "indicator",
            entityId: created.code,
            unitId: unit.id,
            after: presentIndicator(created),
          });
          return created;
        });
        return reply.code(201).send(presentIndicator(row));
      } catch (error) {
        if (pgErrorCode(error) === "23505") throw conflict(`Mã chỉ số "${input.code}" đã có trong danh mục.`);
        throw error;
      }
    },
  );
}
