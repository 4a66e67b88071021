import {
  ZDashboardParams,
  ZDashboardQuery,
  ZDashboardTargetDetail,
  ZDashboardTargetParams,
  ZPlanDashboard,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { readDashboardTarget, readPlanDashboard } from "./dashboard-reads.ts";

const TAGS = ["dashboard"];
// Whoever reads the plan sees its dashboard (reportingPlan: 404 otherwise).
const READ = { access: { permission: "plans.read" as const } };
// Computed from rows alone (for the caller, the URL and today): reused until the data changes;
// sent as presented (checked in tests, response-check.ts).
const READ_CACHED = { ...READ, readCache: true, trustedResponse: true };

/** Bảng điều hành của lãnh đạo. */
export async function dashboardRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const nearThreshold = config.attainment.nearThreshold;

  r.get(
    "/plans/:code/dashboard",
    {
      config: READ_CACHED,
      schema: {
        tags: TAGS,
        summary: "Bảng điều hành của kế hoạch",
        description:
          "Mức độ đạt chỉ tiêu theo trụ cột (đạt / gần đạt / chưa đạt / chưa có số liệu / định tính) trong kỳ chọn (mặc định kỳ mới nhất có số liệu), chỉ tiêu có nguy cơ không đạt, nhiệm vụ quá hạn, xếp hạng đơn vị theo tiến độ và tính kịp thời của báo cáo, xu hướng qua các kỳ.",
        params: ZDashboardParams,
        querystring: ZDashboardQuery,
        response: { 200: ZPlanDashboard },
      },
    },
    async (request) =>
      readPlanDashboard(db, {
        actor: requireActor(request),
        code: request.params.code,
        periodKey: request.query.period,
        nearThreshold,
      }),
  );

  r.get(
    "/plans/:code/dashboard/targets/:targetKey",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Chi tiết một chỉ tiêu theo đơn vị",
        description:
          "Số liệu của chỉ tiêu ở từng đơn vị trong cây tổ chức và tệp minh chứng đơn vị gửi kèm số liệu trong kỳ (tải qua `url`); tệp chỉ hiện với người xem được báo cáo của đơn vị.",
        params: ZDashboardTargetParams,
        querystring: ZDashboardQuery,
        response: { 200: ZDashboardTargetDetail },
      },
    },
    async (request) =>
      readDashboardTarget(db, {
        actor: requireActor(request),
        code: request.params.code,
        targetKey: request.params.targetKey,
        periodKey: request.query.period,
        nearThreshold,
      }),
  );
}
