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
import { planUnitOf, readablePlanVersions } from "../plans/plan-access.ts";
import {
  createBudgetItem,
  deleteBudgetItem,
  listBudgetItems,
  presentBudgetItem,
  updateBudgetItem,
} from "./budget-items.ts";
import { budgetSummary } from "./budget-summary.ts";

const TAGS = ["budget"];

export async function budgetRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managePlan = { permission: "plans.manage" as const, units: planUnitOf(db) };
  const versionsOf = (request: { params: { code: string } } & Parameters<typeof requireActor>[0]) =>
    readablePlanVersions(db, requireActor(request), request.params.code);

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
    async (request) => budgetSummary(db, await versionsOf(request)),
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
    async (request) => ({ items: await listBudgetItems(db, await versionsOf(request)) }),
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
    async (request, reply) => {
      const versions = await versionsOf(request);
      const row = await createBudgetItem(db, { actor: requireActor(request), versions, input: request.body });
      const item = (await listBudgetItems(db, versions)).find((i) => i.id === row.id);
      return reply.code(201).send(item ?? presentBudgetItem(row, new Map()));
    },
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
    async (request) => {
      const versions = await versionsOf(request);
      const row = await updateBudgetItem(db, {
        actor: requireActor(request),
        versions,
        itemId: request.params.itemId,
        input: request.body,
      });
      return (
        (await listBudgetItems(db, versions)).find((i) => i.id === row.id) ??
        presentBudgetItem(row, new Map())
      );
    },
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
        versions: await versionsOf(request),
        itemId: request.params.itemId,
      });
      return { ok: true as const };
    },
  );
}
