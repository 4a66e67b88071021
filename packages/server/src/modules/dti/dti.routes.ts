import {
  ZDtiAssessment,
  ZDtiFramework,
  ZDtiFrameworkCopy,
  ZDtiFrameworkCreate,
  ZDtiFrameworkList,
  ZDtiFrameworkUpdate,
  ZDtiRanking,
  ZDtiRound,
  ZDtiRoundCreate,
  ZDtiRoundList,
  ZDtiRoundParams,
  ZDtiRoundUpdate,
  ZDtiSaveAssessment,
  ZDtiSubmitAssessment,
  ZDtiUnitParams,
  ZDtiVerify,
  ZEvidenceFile,
  ZIdParams,
} from "@dtplan/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { type EvidenceRouteOptions, evidenceUploadScope } from "../evidence/evidence-upload.ts";
import { sendMadeFile } from "../evidence/file-types.ts";
import {
  attachAssessmentEvidence,
  getAssessment,
  saveAssessment,
  submitAssessment,
  verifyAssessment,
} from "./assessment.ts";
import { dtiPowers, dtiTenant } from "./dti-access.ts";
import { frameworkFile, importFramework, rankingFile, scoresheetFile } from "./dti-files.ts";
import { copyFramework, createFramework, frameworksOf, getFramework, updateFramework } from "./frameworks.ts";
import { readRanking } from "./ranking.ts";
import { createRound, getRound, transitionRound, updateRound, visibleRounds } from "./rounds.ts";

const TAGS = ["dti"];
// Who may act is decided on the province (focal officer, reviewers, viewers) or on the
// unit (its reporters) by the operations; the route only requires someone who reads plans.
const ACCESS = { access: { permission: "plans.read" as const } };

/** Chỉ số DTI: frameworks, rounds, self-assessment, verification, ranking. */
export async function dtiRoutes(
  app: FastifyInstance,
  { db, config, evidence: store }: EvidenceRouteOptions,
): Promise<void> {
  const { r, maxBytes, upload } = await evidenceUploadScope(app, config);
  const who = (request: FastifyRequest) => {
    const actor = requireActor(request);
    return { actor, powers: dtiPowers(actor, dtiTenant(actor)) };
  };

  r.get(
    "/dti/frameworks",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Các bộ chỉ số DTI của tỉnh",
        description:
          "Mỗi bộ: mã, năm, tên, nguồn (quyết định) và cây chỉ số (trụ cột → chỉ số chính → chỉ số thành phần → tiêu chí) với điểm tối đa (`maxPoints`, của các mục tổng hợp được tính, không nhập) và cách chấm điểm.",
        response: { 200: ZDtiFrameworkList },
      },
    },
    async (request) => {
      const { powers } = who(request);
      return { frameworks: await frameworksOf(db, powers.tenantId), can: { manage: powers.manage } };
    },
  );

  r.get(
    "/dti/frameworks/:id",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Một bộ chỉ số DTI",
        params: ZIdParams,
        response: { 200: ZDtiFramework },
      },
    },
    async (request) => getFramework(db, who(request).powers.tenantId, request.params.id),
  );

  r.post(
    "/dti/frameworks",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tạo bộ chỉ số DTI",
        description: "Chuyên viên đầu mối cấp tỉnh. Mã và năm không trùng với bộ đã có (409).",
        body: ZDtiFrameworkCreate,
        response: { 201: ZDtiFramework },
      },
    },
    async (request, reply) => {
      const { actor, powers } = who(request);
      const id = await createFramework(db, { powers, actorId: actor.id, input: request.body });
      return reply.code(201).send(await getFramework(db, powers.tenantId, id));
    },
  );

  r.put(
    "/dti/frameworks/:id",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Sửa bộ chỉ số DTI",
        description:
          "Thay tên, mô tả và toàn bộ cây chỉ số; `version` là phiên bản đã đọc (409 khi người khác đã lưu, hoặc khi bộ đang dùng trong đợt đánh giá đã mở — hãy sao chép sang năm mới).",
        params: ZIdParams,
        body: ZDtiFrameworkUpdate,
        response: { 200: ZDtiFramework },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      await updateFramework(db, { powers, actorId: actor.id, id: request.params.id, input: request.body });
      return getFramework(db, powers.tenantId, request.params.id);
    },
  );

  r.post(
    "/dti/frameworks/:id/copy",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Sao chép bộ chỉ số sang năm khác",
        params: ZIdParams,
        body: ZDtiFrameworkCopy,
        response: { 201: ZDtiFramework },
      },
    },
    async (request, reply) => {
      const { actor, powers } = who(request);
      const id = await copyFramework(db, {
        powers,
        actorId: actor.id,
        id: request.params.id,
        input: request.body,
      });
      return reply.code(201).send(await getFramework(db, powers.tenantId, id));
    },
  );

  r.get(
    "/dti/frameworks/:id/xlsx",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tải bộ chỉ số dạng Excel",
        description:
          "Bảng tiêu chí như các tỉnh ban hành: Mã, Mã cấp trên, Loại, Tên, Điểm tối đa, Trọng số, Cách tính điểm, Chi tiết cách tính, Tài liệu kiểm chứng, Hướng dẫn. Tải lên lại được (nhập bộ chỉ số).",
        params: ZIdParams,
      },
    },
    async (request, reply) =>
      sendMadeFile(reply, await frameworkFile(db, who(request).powers, request.params.id)),
  );

  r.post(
    "/dti/frameworks/import",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Nhập bộ chỉ số từ Excel",
        description:
          "Chuyên viên đầu mối cấp tỉnh. multipart/form-data: `file` (.xlsx theo mẫu tải về), `code`, `year`, `name`, `subject` (`province` | `units`), `description`. Mỗi lỗi chỉ rõ trang, dòng, cột (`details`); không tạo gì khi còn lỗi.",
        consumes: ["multipart/form-data"],
        response: { 201: ZDtiFramework },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importFramework(db, { request, ...who(request), maxBytes })),
  );

  r.get(
    "/dti/rounds",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Các đợt đánh giá DTI",
        description:
          "Cấp tỉnh thấy mọi đợt; đơn vị thấy các đợt mình được đánh giá (`mine`) và các đợt đã công bố.",
        response: { 200: ZDtiRoundList },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      return { rounds: await visibleRounds(db, actor, powers), can: { create: powers.manage } };
    },
  );

  r.get(
    "/dti/rounds/:id",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Một đợt đánh giá DTI",
        params: ZDtiRoundParams,
        response: { 200: ZDtiRound },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      return getRound(db, actor, powers, request.params.id);
    },
  );

  r.post(
    "/dti/rounds",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tạo đợt đánh giá DTI",
        description:
          "Chuyên viên đầu mối cấp tỉnh: bộ chỉ số, năm đánh giá, các đơn vị được đánh giá, ngày bắt đầu và hạn nộp.",
        body: ZDtiRoundCreate,
        response: { 201: ZDtiRound },
      },
    },
    async (request, reply) => {
      const { actor, powers } = who(request);
      const id = await createRound(db, { powers, actorId: actor.id, input: request.body });
      return reply.code(201).send(await getRound(db, actor, powers, id));
    },
  );

  r.patch(
    "/dti/rounds/:id",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Sửa đợt đánh giá DTI",
        description: "Tên, ngày (đến khi công bố) và các đơn vị (khi chưa khóa số liệu).",
        params: ZDtiRoundParams,
        body: ZDtiRoundUpdate,
        response: { 200: ZDtiRound },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      await updateRound(db, { powers, actorId: actor.id, id: request.params.id, input: request.body });
      return getRound(db, actor, powers, request.params.id);
    },
  );

  for (const [action, summary, description] of [
    ["open", "Mở đợt đánh giá", "Đơn vị bắt đầu tự đánh giá."],
    [
      "close",
      "Khóa số liệu đợt đánh giá",
      "Tiêu chí tự động được chốt theo báo cáo đã duyệt tại thời điểm khóa; đơn vị không sửa được nữa.",
    ],
    ["publish", "Công bố kết quả", "Kết quả đã thẩm định hiện trên trang công khai."],
  ] as const) {
    r.post(
      `/dti/rounds/:id/${action}`,
      {
        config: ACCESS,
        schema: { tags: TAGS, summary, description, params: ZDtiRoundParams, response: { 200: ZDtiRound } },
      },
      async (request) => {
        const { actor, powers } = who(request);
        await transitionRound(db, { powers, actorId: actor.id, id: request.params.id, action });
        return getRound(db, actor, powers, request.params.id);
      },
    );
  }

  r.get(
    "/dti/rounds/:id/units/:unitId",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tự đánh giá và bảng điểm của một đơn vị",
        description:
          "Từng tiêu chí: số liệu, mức chọn, a/b, thuyết minh, minh chứng, điểm tự đánh giá, điểm thẩm định, nguồn số liệu tự động; điểm theo cây chỉ số. Đơn vị chỉ xem được của mình.",
        params: ZDtiUnitParams,
        response: { 200: ZDtiAssessment },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      return getAssessment(db, actor, powers, request.params.id, request.params.unitId, requestLang(request));
    },
  );

  r.put(
    "/dti/rounds/:id/units/:unitId",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Lưu nháp tự đánh giá",
        description:
          "Cán bộ báo cáo của đơn vị, khi đợt đang mở và bản chưa nộp (hoặc bị trả lại). Chỉ các tiêu chí gửi lên được thay; `version` là phiên bản đã đọc (409 khi người khác đã lưu).",
        params: ZDtiUnitParams,
        body: ZDtiSaveAssessment,
        response: { 200: ZDtiAssessment },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      const { id, unitId } = request.params;
      await saveAssessment(db, { actor, powers, roundId: id, unitId, input: request.body });
      return getAssessment(db, actor, powers, id, unitId, requestLang(request));
    },
  );

  r.post(
    "/dti/rounds/:id/units/:unitId/submit",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Nộp tự đánh giá",
        params: ZDtiUnitParams,
        body: ZDtiSubmitAssessment,
        response: { 200: ZDtiAssessment },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      const { id, unitId } = request.params;
      await submitAssessment(db, { actor, powers, roundId: id, unitId, version: request.body.version });
      return getAssessment(db, actor, powers, id, unitId, requestLang(request));
    },
  );

  r.post(
    "/dti/rounds/:id/units/:unitId/verify",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Thẩm định tự đánh giá",
        description:
          "Chuyên viên đầu mối, lãnh đạo cấp tỉnh: chấp nhận, điều chỉnh điểm (kèm lý do) hoặc trả lại đơn vị (kèm nội dung) từng tiêu chí. Trả lại một tiêu chí là trả lại bản tự đánh giá.",
        params: ZDtiUnitParams,
        body: ZDtiVerify,
        response: { 200: ZDtiAssessment },
      },
    },
    async (request) => {
      const { actor, powers } = who(request);
      const { id, unitId } = request.params;
      await verifyAssessment(db, { actor, powers, roundId: id, unitId, input: request.body });
      return getAssessment(db, actor, powers, id, unitId, requestLang(request));
    },
  );

  r.post(
    "/dti/rounds/:id/units/:unitId/evidence",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Gửi tệp minh chứng cho tự đánh giá",
        description: `Cán bộ báo cáo của đơn vị. ${upload.description} Gắn \`{ kind: "file", fileId }\` vào \`evidence\` của tiêu chí khi lưu nháp.`,
        params: ZDtiUnitParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZEvidenceFile },
      },
    },
    async (request, reply) => {
      const { id: roundId, unitId } = request.params;
      const file = await upload.read(request);
      return reply
        .code(201)
        .send(await attachAssessmentEvidence(db, store, { ...who(request), roundId, unitId, file }));
    },
  );

  r.get(
    "/dti/rounds/:id/ranking/xlsx",
    {
      config: ACCESS,
      schema: { tags: TAGS, summary: "Tải bảng xếp hạng (Excel)", params: ZDtiRoundParams },
    },
    async (request, reply) =>
      sendMadeFile(reply, await rankingFile(db, who(request).powers, request.params.id, "xlsx")),
  );

  r.get(
    "/dti/rounds/:id/ranking/docx",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Tải phụ lục quyết định công bố kết quả (Word)",
        description:
          'Phụ lục kết quả xếp hạng kèm theo quyết định, thể thức Nghị định 30/2020/NĐ-CP (khổ A4 ngang vì nhiều cột): tên cơ quan, quốc hiệu, tiêu đề phụ lục, dòng "Kèm theo Quyết định số …" để trống số và ngày, bảng điểm theo chỉ số chính, tổng điểm, chỉ số 0–1 và thứ hạng.',
        params: ZDtiRoundParams,
      },
    },
    async (request, reply) =>
      sendMadeFile(reply, await rankingFile(db, who(request).powers, request.params.id, "docx")),
  );

  r.get(
    "/dti/rounds/:id/units/:unitId/xlsx",
    {
      config: ACCESS,
      schema: { tags: TAGS, summary: "Tải bảng điểm của đơn vị (Excel)", params: ZDtiUnitParams },
    },
    async (request, reply) => {
      const { actor, powers } = who(request);
      const { id, unitId } = request.params;
      return sendMadeFile(reply, await scoresheetFile(db, { actor, powers, roundId: id, unitId }));
    },
  );

  r.get(
    "/dti/rounds/:id/ranking",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Xếp hạng DTI của đợt đánh giá",
        description:
          "Mỗi đơn vị: tổng điểm, chỉ số chuẩn hóa 0–1, thứ hạng chung, theo trụ cột và chỉ số chính, thay đổi so với năm trước. Trước khi công bố chỉ dành cho cấp tỉnh.",
        params: ZDtiRoundParams,
        response: { 200: ZDtiRanking },
      },
    },
    async (request) => readRanking(db, who(request).powers, request.params.id, requestLang(request)),
  );
}
