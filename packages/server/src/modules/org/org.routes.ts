import {
  type TMergeOrgUnits,
  type TUpdateOrgUnit,
  ZCreateOrgUnit,
  ZIdParams,
  ZMergeOrgUnits,
  ZMergePreview,
  ZOrgUnit,
  ZOrgUnitDetail,
  ZOrgUnitList,
  ZOrgUnitListQuery,
  ZReorganisationResult,
  ZSplitOrgUnit,
  ZSplitPreview,
  ZUnitLineage,
  ZUpdateOrgUnit,
} from "@dtplan/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { createUnit } from "./create-unit.ts";
import { mergeUnits, previewMerge } from "./merge-units.ts";
import { presentReorganisation, presentUnit } from "./org.presenter.ts";
import { listReachableUnits, splitAccessUnits, unitDetail, unitLineageOf } from "./read-units.ts";
import { previewSplit, splitUnit } from "./split-unit.ts";
import { updateUnit } from "./update-unit.ts";

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;

const mergeUnitsOf = (request: FastifyRequest) => {
  const body = request.body as TMergeOrgUnits;
  return [...body.sourceIds, body.targetId, body.newUnit?.parentId].filter((x): x is string => Boolean(x));
};

export async function orgRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const splitUnitsOf = (request: FastifyRequest) => splitAccessUnits(db, idParam(request));

  r.get(
    "/org/units",
    {
      config: { access: { permission: "org.read" } },
      schema: {
        tags: ["org"],
        summary: "Danh sách đơn vị",
        description:
          "Các đơn vị trong phạm vi của người dùng, như cơ cấu tổ chức vào ngày `asOf` (mặc định hôm nay); `includeClosed` để xem cả đơn vị đã sáp nhập, chia tách, giải thể.",
        querystring: ZOrgUnitListQuery,
        response: { 200: ZOrgUnitList },
      },
    },
    async (request) => listReachableUnits(db, { actor: requireActor(request), query: request.query }),
  );

  r.get(
    "/org/units/:id",
    {
      config: { access: { permission: "org.read", units: idParam } },
      schema: {
        tags: ["org"],
        summary: "Chi tiết đơn vị",
        description:
          "Đơn vị với đường dẫn từ cấp tỉnh, các đơn vị tiền thân và kế thừa (sáp nhập, chia tách).",
        params: ZIdParams,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (request) => unitDetail(db, { unitId: request.params.id }),
  );

  r.get(
    "/org/units/:id/lineage",
    {
      config: { access: { permission: "org.read", units: idParam } },
      schema: {
        tags: ["org"],
        summary: "Lịch sử kế thừa của đơn vị",
        description:
          "Đơn vị và mọi đơn vị tiền thân mà nó kế thừa dữ liệu (qua sáp nhập, chia tách), gần nhất trước.",
        params: ZIdParams,
        response: { 200: ZUnitLineage },
      },
    },
    async (request) => unitLineageOf(db, { unitId: request.params.id }),
  );

  r.post(
    "/org/units",
    {
      config: {
        access: {
          permission: "org.manage",
          units: (request) => (request.body as { parentId: string | null }).parentId,
        },
      },
      schema: {
        tags: ["org"],
        summary: "Tạo đơn vị",
        description:
          "Tạo đơn vị dưới một đơn vị cấp trên. Không có cấp trên (`parentId: null`) là tạo một tỉnh mới — chỉ quản trị viên cấp cao nhất.",
        body: ZCreateOrgUnit,
        response: { 201: ZOrgUnit },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentUnit(await createUnit(db, { actor: requireActor(request), input: request.body }))),
  );

  r.patch(
    "/org/units/:id",
    {
      config: {
        access: {
          permission: "org.manage",
          units: (request) =>
            [idParam(request), (request.body as TUpdateOrgUnit).parentId].filter(Boolean) as string[],
        },
      },
      schema: {
        tags: ["org"],
        summary: "Sửa đơn vị",
        description:
          "Đổi tên, đổi mã, chuyển sang đơn vị cấp trên khác trong cùng tỉnh, hoặc đặt ngày hết hiệu lực.",
        params: ZIdParams,
        body: ZUpdateOrgUnit,
        response: { 200: ZOrgUnit },
      },
    },
    async (request) =>
      presentUnit(
        await updateUnit(db, {
          actor: requireActor(request),
          unitId: request.params.id,
          input: request.body,
        }),
      ),
  );

  r.post(
    "/org/merges/preview",
    {
      config: { access: { permission: "org.manage", units: mergeUnitsOf } },
      schema: {
        tags: ["org"],
        summary: "Xem trước sáp nhập",
        description:
          "Các đơn vị sẽ hết hiệu lực, các đơn vị con sẽ được chuyển và đơn vị nhận sáp nhập; không thay đổi dữ liệu.",
        body: ZMergeOrgUnits,
        response: { 200: ZMergePreview },
      },
    },
    async (request) => previewMerge(db, request.body),
  );

  r.post(
    "/org/merges",
    {
      config: { access: { permission: "org.manage", units: mergeUnitsOf } },
      schema: {
        tags: ["org"],
        summary: "Sáp nhập đơn vị",
        description:
          "Sáp nhập các đơn vị vào một đơn vị có sẵn hoặc một đơn vị mới từ ngày hiệu lực; giữ lịch sử để đơn vị mới xem được dữ liệu của các đơn vị cũ.",
        body: ZMergeOrgUnits,
        response: { 200: ZReorganisationResult },
      },
    },
    async (request) =>
      presentReorganisation(await mergeUnits(db, { actor: requireActor(request), input: request.body })),
  );

  r.post(
    "/org/units/:id/split/preview",
    {
      config: { access: { permission: "org.manage", units: splitUnitsOf } },
      schema: {
        tags: ["org"],
        summary: "Xem trước chia tách",
        description: "Đơn vị sẽ hết hiệu lực và các đơn vị mới sẽ được tạo; không thay đổi dữ liệu.",
        params: ZIdParams,
        body: ZSplitOrgUnit,
        response: { 200: ZSplitPreview },
      },
    },
    async (request) => previewSplit(db, request.params.id, request.body),
  );

  r.post(
    "/org/units/:id/split",
    {
      config: { access: { permission: "org.manage", units: splitUnitsOf } },
      schema: {
        tags: ["org"],
        summary: "Chia tách đơn vị",
        description:
          "Đơn vị hết hiệu lực từ ngày trước ngày hiệu lực; mỗi phần là một đơn vị mới kế thừa lịch sử của nó.",
        params: ZIdParams,
        body: ZSplitOrgUnit,
        response: { 200: ZReorganisationResult },
      },
    },
    async (request) =>
      presentReorganisation(
        await splitUnit(db, { actor: requireActor(request), unitId: request.params.id, input: request.body }),
      ),
  );
}
