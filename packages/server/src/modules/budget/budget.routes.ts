import {
  ZBudgetItem,
  ZBudgetItemList,
  ZBudgetItemParams,
  ZBudgetSummary,
  ZCreateBudgetItem,
  ZOk,
  ZPlanCodeParams,
  ZUpdateBudgetItem,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { planUnitOf } from "../plans/plan-access.ts";
import { createBudgetItem, deleteBudgetItem, planBudgetItems, updateBudgetItem } from "./budget-items.ts";
import { planBudgetSummary } from "./budget-summary.ts";

const TAGS = ["budget"];

export async function budgetRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managePlan = { permission: "plans.manage" as const, units: planUnitOf(db) };

  r.get(
    "/plans/:code/budget",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Kinh phí kế hoạch",
        description:
          "Tổng kinh phí và nguồn theo kế hoạch; tổng dự kiến và đã giải ngân của các hạng mục, theo nguồn và theo năm; `warning` khi tổng các hạng mục khác tổng kinh phí kế hoạch.",
        params: ZPlanCodeParams,
        response: { 200: ZBudgetSummary },
      },
    },
    async (request) => planBudgetSummary(db, { actor: requireActor(request), code: request.params.code }),
  );

  r.get(
    "/plans/:code/budget-items",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Hạng mục kinh phí",
        params: ZPlanCodeParams,
        response: { 200: ZBudgetItemList },
      },
    },
    async (request) => ({
      items: await planBudgetItems(db, { actor: requireActor(request), code: request.params.code }),
    }),
  );

  r.post(
    "/plans/:code/budget-items",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Thêm hạng mục kinh phí",
        description:
          "Số tiền bằng đồng (số nguyên). `taskKey` gắn hạng mục với một nhiệm vụ của kế hoạch (giữ nguyên qua các lần điều chỉnh).",
        params: ZPlanCodeParams,
        body: ZCreateBudgetItem,
        response: { 201: ZBudgetItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createBudgetItem(db, {
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  );

  r.patch(
    "/plans/:code/budget-items/:itemId",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Sửa hạng mục kinh phí",
        description: "Kể cả cập nhật số đã giải ngân (`amountDisbursed`).",
        params: ZBudgetItemParams,
        body: ZUpdateBudgetItem,
        response: { 200: ZBudgetItem },
      },
    },
    async (request) =>
      updateBudgetItem(db, {
        actor: requireActor(request),
        code: request.params.code,
        itemId: request.params.itemId,
        input: request.body,
      }),
  );

  r.delete(
    "/plans/:code/budget-items/:itemId",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Xóa hạng mục kinh phí",
        params: ZBudgetItemParams,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await deleteBudgetItem(db, {
        actor: requireActor(request),
        code: request.params.code,
        itemId: request.params.itemId,
      });
      return { ok: true as const };
    },
  );
}
