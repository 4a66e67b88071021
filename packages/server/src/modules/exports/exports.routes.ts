import type { FastifyInstance } from "fastify";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";

/** Xuất dữ liệu CSV, JSON, XLSX — routes to come. */
export async function exportsRoutes(
  _app: FastifyInstance,
  _modules: { db: Database; config: AppConfig },
): Promise<void> {}
