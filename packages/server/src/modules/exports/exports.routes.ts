import {
  ZAuditExportQuery,
  ZIndicatorValueExportQuery,
  ZMyTaskExportQuery,
  ZPlanCodeParams,
  ZTargetExportQuery,
  ZTaskExportQuery,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { auditExport } from "./export-audit.ts";
import { indicatorValueDownload } from "./export-indicator-values.ts";
import { myTaskExport } from "./export-my-tasks.ts";
import { targetExport } from "./export-targets.ts";
import { taskExport } from "./export-tasks.ts";
import { sendDownload, sendTable } from "./tabular.ts";

const TAGS = ["exports"];
// Who sees which rows is decided by the list each export mirrors; the route only
// requires someone who reads plans.
const READ = { access: { permission: "plans.read" as const } };
const FORMATS =
  "`format`: `csv` (mặc định; UTF-8 có BOM, dấu phẩy, số dùng dấu chấm thập phân), `json` (`{ plan, filters, generatedAt, rows }`, khóa camelCase cố định) hoặc `xlsx` (dòng tiêu đề cố định, định dạng số, ngày dd/mm/yyyy). Trả về mọi dòng khớp bộ lọc, không phân trang.";

/** Xuất dữ liệu: targets, indicator values and tasks as CSV, JSON or XLSX. */
export async function exportsRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/exports/tasks",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Xuất danh sách nhiệm vụ",
        description: `Cùng bộ lọc và cùng phạm vi quyền như \`GET /api/plan-tasks\` (kế hoạch, đơn vị chủ trì và đơn vị trực thuộc, trụ cột, trạng thái, khoảng thời hạn, kèm bản nháp). Tệp \`nhiem-vu-<mã kế hoạch>\`. ${FORMATS}`,
        querystring: ZTaskExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(reply, request.query.format, await taskExport(db, requireActor(request), request.query)),
  );

  r.get(
    "/exports/my-tasks",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Xuất việc của tôi",
        description: `Nhiệm vụ mà đơn vị của người dùng chủ trì hoặc phối hợp, như \`GET /api/my-work\` (quá hạn, sắp đến hạn, đang thực hiện, đã hoàn thành), lọc theo trạng thái (\`status\`) và vai trò (\`role\`: \`lead\` chủ trì, \`coordinator\` phối hợp). Tệp \`viec-cua-toi\`. ${FORMATS}`,
        querystring: ZMyTaskExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(reply, request.query.format, await myTaskExport(db, requireActor(request), request.query)),
  );

  r.get(
    "/plans/:code/exports/targets",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Xuất chỉ tiêu của kế hoạch",
        description: `Chỉ tiêu của phiên bản đang có hiệu lực (hoặc \`version\`), lọc theo trụ cột: chỉ số, yêu cầu, giá trị mục tiêu, đơn vị tính, năm; cùng kết quả tổng hợp mới nhất (hoặc của kỳ \`period\`) và mức độ đạt như \`GET /api/plans/:code/attainment\`. Tệp \`chi-tieu-<mã kế hoạch>\`. ${FORMATS}`,
        params: ZPlanCodeParams,
        querystring: ZTargetExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        request.query.format,
        await targetExport(db, requireActor(request), request.query, {
          code: request.params.code,
          nearThreshold: config.attainment.nearThreshold,
        }),
      ),
  );

  r.get(
    "/plans/:code/exports/indicator-values",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Xuất số liệu chỉ số do đơn vị báo cáo",
        description: `Mỗi dòng là một số liệu một đơn vị báo cáo cho một chỉ tiêu trong một kỳ: kỳ, đơn vị, mã và tên chỉ số, chỉ tiêu, tử số, mẫu số, giá trị, trạng thái báo cáo, ngày nộp, số tệp minh chứng (không kèm nội dung tệp). Lọc theo kỳ (\`period\`), đơn vị và đơn vị trực thuộc (\`unitId\`), chỉ số (\`indicator\`), trụ cột. Chỉ báo cáo đã nộp hoặc đã duyệt, trừ người có quyền duyệt; mỗi người chỉ thấy đơn vị mình được xem. Tệp \`so-lieu-chi-so-<mã kế hoạch>[-<kỳ>]\`. ${FORMATS}`,
        params: ZPlanCodeParams,
        querystring: ZIndicatorValueExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        request.query.format,
        await indicatorValueDownload(db, requireActor(request), request.query, request.params.code),
      ),
  );

  r.get(
    "/exports/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: TAGS,
        summary: "Xuất nhật ký thay đổi (XLSX)",
        description:
          "Cùng bộ lọc và phạm vi như `GET /api/audit` (người thực hiện, đơn vị, loại đối tượng, khoảng ngày), mới nhất trước, tối đa 10 000 dòng; mỗi dòng nói bằng lời ai đã làm gì với đối tượng nào, nội dung thay đổi theo tên trường. Ngôn ngữ theo `lang` (`vi` mặc định, `en`). Tệp `nhat-ky-thay-doi.xlsx`.",
        querystring: ZAuditExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const d = await auditExport(db, { actor: requireActor(request), filter, lang });
      return sendTable(reply, "xlsx", d.table, d.fileBase);
    },
  );
}
