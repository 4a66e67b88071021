import { ZPlanCascade, ZPlanCodeParams } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { planCascade } from "./plan-cascade.ts";

/** Kế hoạch tỉnh ↔ kế hoạch xã: the province's targets carried by the communes' plans. */
export async function cascadeRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/plans/:code/cascade",
    {
      // Who may read the plan is checked in the operation (the plan's unit and its province).
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["plans"],
        summary: "Kế hoạch cấp dưới thực hiện kế hoạch này, và chỉ tiêu cấp trên mà kế hoạch này phục vụ",
        description:
          "Với kế hoạch tỉnh: các kế hoạch xã thực hiện nó (căn cứ “Kế hoạch số …/KH-UBND của UBND tỉnh”, xác nhận khi rà soát), và với mỗi chỉ tiêu, các chỉ tiêu tương ứng của xã (cùng chỉ số trong danh mục) với kết quả mới nhất, tổng hợp theo quy tắc của chỉ số. Với kế hoạch xã: kế hoạch cấp trên và các chỉ tiêu của nó mà mỗi chỉ tiêu của xã phục vụ.",
        params: ZPlanCodeParams,
        response: { 200: ZPlanCascade },
      },
    },
    async (request) =>
      planCascade(db, {
        actor: requireActor(request),
        code: request.params.code,
        nearThreshold: config.attainment.nearThreshold,
      }),
  );
}
