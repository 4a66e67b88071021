import {
  ZPublicPlanDetail,
  ZPublicPlanList,
  ZPublicPlanParams,
  ZPublicPlanQuery,
  ZPublicProvinceList,
  ZPublicProvinceParams,
  ZPublicUnitList,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { publicReads } from "./public-reads.ts";

/** Five minutes: figures change when a report is approved, not by the second. */
const CACHE_CONTROL = "public, max-age=300";

/** Anyone may read, so one address may not read without end (per IP, per minute). */
const RATE_LIMIT = {
  max: 300,
  timeWindow: 60_000,
  errorResponseBuilder: () =>
    new AppError("rate_limited", "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."),
};

/** Trang công khai (không cần đăng nhập): published plans, approved results, progress. */
export async function publicRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  // The root onSend hook marks every /api answer no-store; hooks of this (encapsulated)
  // plugin run after it, so a successful public answer may be cached instead. Errors stay no-store.
  app.addHook("onSend", async (_request, reply) => {
    if (reply.statusCode === 200) reply.header("cache-control", CACHE_CONTROL);
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const reads = publicReads(db, config);

  r.get(
    "/public/provinces",
    {
      config: { access: "public", rateLimit: RATE_LIMIT },
      schema: {
        tags: ["public"],
        summary: "Các tỉnh, thành phố có kế hoạch đã ban hành (công khai)",
        description: "Không cần đăng nhập. Tên, mã (slug) và số kế hoạch đã ban hành của mỗi tỉnh.",
        response: { 200: ZPublicProvinceList },
      },
    },
    async () => reads.provinces(),
  );

  r.get(
    "/public/provinces/:province/units",
    {
      config: { access: "public", rateLimit: RATE_LIMIT },
      schema: {
        tags: ["public"],
        summary: "Các đơn vị của một tỉnh có kế hoạch đã ban hành (công khai)",
        description:
          "Không cần đăng nhập. Tỉnh và các xã, phường, đặc khu, sở ngành đã ban hành kế hoạch: mã, tên, số kế hoạch.",
        params: ZPublicProvinceParams,
        response: { 200: ZPublicUnitList },
      },
    },
    async (request) => reads.units(request.params.province),
  );

  r.get(
    "/public/plans",
    {
      config: { access: "public", rateLimit: RATE_LIMIT },
      schema: {
        tags: ["public"],
        summary: "Danh sách kế hoạch đã ban hành (công khai)",
        description:
          "Không cần đăng nhập. Các kế hoạch chuyển đổi số đã ban hành, từng trang, lọc theo tỉnh (`province`), đơn vị ban hành (`unit`, mã đơn vị), năm (`year`) và từ khóa (`q`, gõ có dấu hay không dấu đều được): đơn vị ban hành, số và ngày văn bản, số chỉ tiêu, số nhiệm vụ và tiến độ chung. Không có dữ liệu cá nhân.",
        querystring: ZPublicPlanQuery,
        response: { 200: ZPublicPlanList },
      },
    },
    async (request) => reads.plans(request.query),
  );

  r.get(
    "/public/plans/:province/:code",
    {
      // A plan's whole page: sent as presented (tests hold it to the contract, response-check.ts).
      config: { access: "public", rateLimit: RATE_LIMIT, trustedResponse: true },
      schema: {
        tags: ["public"],
        summary: "Một kế hoạch đã ban hành (công khai)",
        description:
          "Không cần đăng nhập. Phiên bản đã ban hành mới nhất của kế hoạch: chỉ tiêu theo trụ cột với kết quả mới nhất từ các báo cáo ĐÃ DUYỆT (số liệu đã nộp nhưng chưa duyệt không được công khai), tiến độ nhiệm vụ theo trụ cột, căn cứ và chế độ báo cáo. `province` là mã tỉnh viết thường (ví dụ `vlg`).",
        params: ZPublicPlanParams,
        response: { 200: ZPublicPlanDetail },
      },
    },
    async (request) => reads.plan(request.params.province, request.params.code),
  );
}
