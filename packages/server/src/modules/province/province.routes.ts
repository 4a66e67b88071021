import type { FastifyInstance } from "fastify";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";

/** Toàn tỉnh: các địa phương so sánh — routes to come. */
export async function provinceRoutes(
  _app: FastifyInstance,
  _modules: { db: Database; config: AppConfig },
): Promise<void> {}
