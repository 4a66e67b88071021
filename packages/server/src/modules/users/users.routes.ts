import {
  type TCreateUser,
  type TUpdateUser,
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
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";
import { grantsOfUsers } from "../access/access.repository.ts";
import { reachOf, requireActor } from "../access/access.ts";
import { createUser, resetPassword, updateUser } from "./manage-users.ts";
import { presentUser } from "./users.presenter.ts";
import { findUserById, listUsers } from "./users.repository.ts";

export async function usersRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** A user belongs to the units they hold roles on (or, with none, to their home province). */
  const unitsOfUser = async (request: FastifyRequest): Promise<string[] | null> => {
    const user = await findUserById(db, (request.params as { id: string }).id);
    if (!user) return null;
    const grants = (await grantsOfUsers(db, [user.id])).get(user.id) ?? [];
    return grants.length ? grants.map((g) => g.unitId) : [user.tenantId];
  };
  const unitsOfUserAndNewGrants = async (request: FastifyRequest) => {
    const current = (await unitsOfUser(request)) ?? [];
    const next = (request.body as TUpdateUser).grants?.map((g) => g.unitId) ?? [];
    return current.length ? [...current, ...next] : null;
  };

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
    async (request) => {
      const actor = requireActor(request);
      const reach = await reachOf(db, actor, "users.read");
      const { rows, total } = await listUsers(db, {
        unitIds: [...reach.unitIds],
        wholeTenants: [...reach.wholeTenants],
        ...request.query,
      });
      const grants = await grantsOfUsers(
        db,
        rows.map((u) => u.id),
      );
      // An account listed because it holds a role here shows only the roles within reach
      // (a superadministrator's grants in other provinces are not this administrator's business).
      const visible = (g: { unitId: string }) => actor.isSuperadmin || reach.unitIds.has(g.unitId);
      return { items: rows.map((u) => presentUser(u, (grants.get(u.id) ?? []).filter(visible))), total };
    },
  );

  r.get(
    "/users/:id",
    {
      config: { access: { permission: "users.read", units: unitsOfUser } },
      schema: {
        tags: ["users"],
        summary: "Chi tiết tài khoản",
        description: "Một tài khoản và các vai trò của nó.",
        params: ZIdParams,
        response: { 200: ZUser },
      },
    },
    async (request) => {
      const user = await findUserById(db, request.params.id);
      if (!user) throw notFound("Không tìm thấy tài khoản.");
      return presentUser(user, (await grantsOfUsers(db, [user.id])).get(user.id) ?? []);
    },
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
      config: { access: { permission: "users.manage", units: unitsOfUserAndNewGrants } },
      schema: {
        tags: ["users"],
        summary: "Sửa tài khoản",
        description: "Sửa họ tên, email, trạng thái; `grants` thay thế toàn bộ vai trò của tài khoản.",
        params: ZIdParams,
        body: ZUpdateUser,
        response: { 200: ZUser },
      },
    },
    async (request) => {
      return updateUser(db, { actor: requireActor(request), userId: request.params.id, input: request.body });
    },
  );

  r.post(
    "/users/:id/reset-password",
    {
      config: { access: { permission: "users.manage", units: unitsOfUser } },
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
}
