import {
  ZCascadeSaved,
  ZConfirmImplements,
  ZPlanCascade,
  ZPlanCodeParams,
  ZSetTargetLinks,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { planUnitOf } from "../plans/plan-access.ts";
import { confirmImplements } from "./confirm-implements.ts";
import { planCascade } from "./plan-cascade.ts";
import { setTargetLinks } from "./set-target-links.ts";

/** Kế hoạch tỉnh ↔ kế hoạch xã: the province's targets carried by the communes' plans. */
export async function cascadeRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managePlan = { permission: "plans.manage" as const, units: planUnitOf(db) };
  r.get(
    "/plans/:code/cascade",
    {
      // Who may read the plan is checked in the operation (the plan's unit and its province).
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["plans"],
        summary: "Kế hoạch cấp dưới thực hiện kế hoạch này, và chỉ tiêu cấp trên mà kế hoạch này phục vụ",
        description:
          "Với kế hoạch tỉnh: các kế hoạch xã thực hiện nó (căn cứ “Kế hoạch số …/KH-UBND của UBND tỉnh”, xác nhận khi rà soát) và, với mỗi chỉ tiêu, các chỉ tiêu tương ứng của xã (đã xác nhận, hoặc cùng chỉ số trong danh mục khi chưa xác nhận) với kết quả mới nhất, tổng hợp theo quy tắc của chỉ số, kèm cơ sở của số liệu (bao nhiêu xã có số liệu, kỳ nào). Với kế hoạch xã: kế hoạch cấp trên, chỉ tiêu cấp trên mà mỗi chỉ tiêu phục vụ (đã xác nhận hoặc gợi ý) và các chỉ tiêu cấp trên để chọn.",
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

  r.put(
    "/plans/:code/implements",
    {
      config: { access: managePlan },
      schema: {
        tags: ["plans"],
        summary: "Xác nhận hoặc đổi kế hoạch cấp trên mà bản nháp này thực hiện",
        description:
          "Khi nhập, kế hoạch cấp trên được đọc từ căn cứ (“Căn cứ Kế hoạch số …/KH-UBND …”); khi rà soát, chuyên viên đầu mối xác nhận, chọn kế hoạch khác hoặc bỏ liên kết (null). Chỉ với bản nháp.",
        params: ZPlanCodeParams,
        body: ZConfirmImplements,
        response: { 200: ZConfirmImplements },
      },
    },
    async (request) => {
      const plan = await confirmImplements(db, {
        actor: requireActor(request),
        code: request.params.code,
        input: request.body,
      });
      return { implementsPlanCode: plan.implementsPlanCode };
    },
  );

  r.put(
    "/plans/:code/target-links",
    {
      config: { access: managePlan },
      schema: {
        tags: ["plans"],
        summary: "Xác nhận chỉ tiêu cấp trên mà từng chỉ tiêu của kế hoạch phục vụ",
        description:
          "Với mỗi chỉ tiêu của kế hoạch (xã), chỉ tiêu tương ứng của kế hoạch cấp trên (tỉnh) — hoặc null nếu không phục vụ chỉ tiêu nào. Gợi ý có trong `GET /plans/{code}/cascade` (cùng chỉ số trong danh mục trước, rồi tên gần giống). Dùng được cho bản nháp và kế hoạch đã ban hành.",
        params: ZPlanCodeParams,
        body: ZSetTargetLinks,
        response: { 200: ZCascadeSaved },
      },
    },
    async (request) =>
      setTargetLinks(db, { actor: requireActor(request), code: request.params.code, input: request.body }),
  );
}
