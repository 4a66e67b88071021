import { ZErrorResponse, ZLoginRequest, ZOk, ZSessionResponse } from "@dtplan/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { presentSession } from "./auth.presenter.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { SESSION_COOKIE } from "./session.repository.ts";

export async function authRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.cookieSecure,
      path: "/",
      maxAge: maxAgeSeconds,
    });

  r.post(
    "/auth/login",
    {
      config: {
        access: "public",
        // Failed sign-ins are limited in the database (login.ts), shared by every process.
      },
      schema: {
        tags: ["auth"],
        summary: "Đăng nhập",
        description: "Đăng nhập bằng tên đăng nhập và mật khẩu; đặt cookie phiên và trả về mã CSRF.",
        body: ZLoginRequest,
        response: { 200: ZSessionResponse, 401: ZErrorResponse, 429: ZErrorResponse },
      },
    },
    async (request, reply) => {
      const { cookieValue, actor } = await login(db, {
        username: request.body.username,
        password: request.body.password,
        idleMs: config.sessionIdleMs,
        ip: request.ip,
        limits: config.signIn,
      });
      setCookie(reply, cookieValue, Math.floor(config.sessionIdleMs / 1000));
      return presentSession(actor, { evidenceMaxBytes: config.evidence.maxBytes });
    },
  );

  r.post(
    "/auth/logout",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Đăng xuất",
        description: "Kết thúc phiên làm việc hiện tại.",
        response: { 200: ZOk },
      },
    },
    async (request, reply) => {
      await logout(db, requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/auth/me",
    {
      // Read by every page: sent as presented (checked in tests, response-check.ts).
      config: { access: "authenticated", trustedResponse: true },
      schema: {
        tags: ["auth"],
        summary: "Người dùng hiện tại",
        description: "Người dùng đang đăng nhập, các vai trò của họ và mã CSRF của phiên.",
        response: { 200: ZSessionResponse },
      },
    },
    async (request) => presentSession(requireActor(request), { evidenceMaxBytes: config.evidence.maxBytes }),
  );
}
