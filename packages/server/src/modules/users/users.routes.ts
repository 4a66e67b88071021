import {
  type TCreateUser,
  type TUpdateUser,
  ZChangePassword,
  ZCreateUser,
  ZIdParams,
  ZOk,
  ZResetPassword,
  ZUpdateUser,
  ZUser,
  ZUserList,
  ZUserListQuery,
} from "@dtplan/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { changeOwnPassword } from "./change-password.ts";
import { createUser, resetPassword, updateUser } from "./manage-users.ts";
import { getUser, listVisibleUsers, unitsOfUser, unitsOfUserAndNewGrants } from "./read-users.ts";

export async function usersRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  type UserRequest = FastifyRequest<{ Params: { id: string } }>;
  const userUnits = (request: FastifyRequest) => unitsOfUser(db, (request as UserRequest).params.id);
  const userAndGrantUnits = (request: FastifyRequest) =>
    unitsOfUserAndNewGrants(db, (request as UserRequest).params.id, request.body as TUpdateUser);

  r.get(
    "/users",
    {
      config: { access: { permission: "users.read" } },
      schema: {
        tags: ["users"],
        summary: "Danh sách tài khoản",
        description: "Tài khoản có vai trò trên các đơn vị trong phạm vi quản lý của người dùng.",
        querystring: ZUserListQuery,
        response: { 200: ZUserList },
      },
    },
    async (request) => listVisibleUsers(db, { actor: requireActor(request), query: request.query }),
  );

  r.get(
    "/users/:id",
    {
      config: { access: { permission: "users.read", units: userUnits } },
      schema: {
        tags: ["users"],
        summary: "Chi tiết tài khoản",
        description: "Một tài khoản và các vai trò của nó.",
        params: ZIdParams,
        response: { 200: ZUser },
      },
    },
    async (request) => getUser(db, { userId: request.params.id }),
  );

  r.post(
    "/users",
    {
      config: {
        access: {
          permission: "users.manage",
          units: (request) => (request.body as TCreateUser).grants.map((g) => g.unitId),
        },
      },
      schema: {
        tags: ["users"],
        summary: "Tạo tài khoản",
        description:
          "Tạo tài khoản với mật khẩu ban đầu và các vai trò trên đơn vị; chỉ cấp được vai trò trên đơn vị mình quản trị.",
        body: ZCreateUser,
        response: { 201: ZUser },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, { actor: requireActor(request), input: request.body });
      return reply.code(201).send(user);
    },
  );

  r.patch(
    "/users/:id",
    {
      config: { access: { permission: "users.manage", units: userAndGrantUnits } },
      schema: {
        tags: ["users"],
        summary: "Sửa tài khoản",
        description: "Sửa họ tên, email, trạng thái; `grants` thay thế toàn bộ vai trò của tài khoản.",
        params: ZIdParams,
        body: ZUpdateUser,
        response: { 200: ZUser },
      },
    },
    async (request) =>
      updateUser(db, { actor: requireActor(request), userId: request.params.id, input: request.body }),
  );

  r.post(
    "/users/:id/reset-password",
    {
      config: { access: { permission: "users.manage", units: userUnits } },
      schema: {
        tags: ["users"],
        summary: "Đặt lại mật khẩu",
        description: "Đặt mật khẩu mới cho tài khoản; các phiên đăng nhập của tài khoản đó kết thúc.",
        params: ZIdParams,
        body: ZResetPassword,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await resetPassword(db, {
        actor: requireActor(request),
        userId: request.params.id,
        input: request.body,
      });
      return { ok: true as const };
    },
  );

  r.post(
    "/account/password",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["users"],
        summary: "Đổi mật khẩu của tôi",
        description:
          "Người dùng đang đăng nhập đổi mật khẩu của mình (nhập mật khẩu hiện tại); nhập sai bị tính như đăng nhập sai; các phiên trên thiết bị khác kết thúc.",
        body: ZChangePassword,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await changeOwnPassword(db, {
        actor: requireActor(request),
        input: request.body,
        ip: request.ip,
        limits: config.signIn,
      });
      return { ok: true as const };
    },
  );
}
