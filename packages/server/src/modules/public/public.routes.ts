import type { FastifyInstance } from "fastify";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";

/** Trang công khai (không cần đăng nhập) — routes to come. */
export async function publicRoutes(
  _app: FastifyInstance,
  _modules: { db: Database; config: AppConfig },
): Promise<void> {}
