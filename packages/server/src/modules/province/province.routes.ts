import { ZProvinceExportQuery, ZProvinceQuery, ZProvinceView } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { sendDownload } from "../exports/tabular.ts";
import { provinceDownload } from "./province-table.ts";
import { provinceView } from "./province-view.ts";

const TAGS = ["province"];
// The whole province is checked in the operation (dashboard.read on the tenant's root).
const ACCESS = { access: { permission: "dashboard.read" as const } };

/** Toàn tỉnh: các địa phương so sánh. */
export async function provinceRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const nearThreshold = config.attainment.nearThreshold;

  r.get(
    "/province",
    {
      // Every locality of the province: sent as presented (tests hold it to the contract).
      config: { ...ACCESS, trustedResponse: true },
      schema: {
        tags: TAGS,
        summary: "Toàn tỉnh: các địa phương",
        description:
          "Mỗi địa phương đã ban hành kế hoạch và mỗi xã, phường, đặc khu hiện hành (kể cả chưa có kế hoạch): kế hoạch, mức độ đạt chỉ tiêu và tính kịp thời của báo cáo trong CÙNG một kỳ `period` (mặc định: kỳ gần nhất đã đến hạn; kế hoạch không có kỳ đó không được tính), tiến độ nhiệm vụ đến hôm nay (quá hạn chỉ tính nhiệm vụ của đơn vị còn hoạt động). Đơn vị đã giải thể và kế hoạch chưa bắt đầu bị ẩn, trừ khi `showAll`. Cán bộ cấp tỉnh xem tỉnh của mình; quản trị nhiều tỉnh chọn `tenantId`.",
        querystring: ZProvinceQuery,
        response: { 200: ZProvinceView },
      },
    },
    async (request) => provinceView(db, { actor: requireActor(request), ...request.query, nearThreshold }),
  );

  r.get(
    "/province/export",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tải bảng toàn tỉnh (CSV, XLSX, JSON)",
        description:
          "Cùng số liệu với màn hình Toàn tỉnh, một dòng mỗi địa phương. CSV có BOM UTF-8 (mở đúng tiếng Việt trong Excel); XLSX có dòng tiêu đề cố định và định dạng số.",
        querystring: ZProvinceExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        request.query.format,
        provinceDownload(
          await provinceView(db, {
            actor: requireActor(request),
            tenantId: request.query.tenantId,
            period: request.query.period,
            showAll: request.query.showAll,
            nearThreshold,
          }),
        ),
      ),
  );
}
