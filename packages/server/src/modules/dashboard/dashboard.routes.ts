import type { FastifyInstance } from "fastify";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";

/** Bảng điều hành của lãnh đạo — routes to come. */
export async function dashboardRoutes(
  _app: FastifyInstance,
  _modules: { db: Database; config: AppConfig },
): Promise<void> {}
