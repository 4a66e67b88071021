import { ZPlanCodeParams, ZSetTargetUnits, ZSetTargetUnitsResult, ZTargetUnits } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { planUnitOf } from "./plan-access.ts";
import { readTargetUnits } from "./read-plans.ts";
import { setTargetUnits } from "./target-units.ts";

const TAGS = ["plans"];

/** Đơn vị báo cáo chỉ tiêu: who reports each target of a plan, chosen in review and amended after. */
export async function targetUnitsRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managePlan = { permission: "plans.manage" as const, units: planUnitOf(db) };

  r.get(
    "/plans/:code/target-units",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Đơn vị báo cáo của từng chỉ tiêu",
        description:
          "Phiên bản mới nhất của kế hoạch (bản nháp hoặc bản điều chỉnh đang soạn nếu có): mỗi chỉ tiêu với các đơn vị báo cáo đã chọn, gợi ý (đơn vị chủ trì nhiệm vụ cùng trụ cột; mọi xã, phường khi chỉ tiêu 'cấp xã') và danh sách đơn vị đang hoạt động để chọn.",
        params: ZPlanCodeParams,
        response: { 200: ZTargetUnits },
      },
    },
    async (request) => readTargetUnits(db, { actor: requireActor(request), code: request.params.code }),
  );

  r.post(
    "/plans/:code/target-units",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Giao đơn vị báo cáo chỉ tiêu (hàng loạt)",
        description:
          "Thêm, thay thế, bỏ đơn vị báo cáo, hoặc áp dụng gợi ý, cho nhiều chỉ tiêu một lần. Chỉ sửa được bản nháp; sau khi ban hành, tạo bản điều chỉnh rồi giao lại. Với preview = true chỉ trả về những thay đổi sẽ xảy ra.",
        params: ZPlanCodeParams,
        body: ZSetTargetUnits,
        response: { 200: ZSetTargetUnitsResult },
      },
    },
    async (request) =>
      setTargetUnits(db, { actor: requireActor(request), code: request.params.code, input: request.body }),
  );
}
