import type { FastifyInstance } from "fastify";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";

/** Báo cáo tổng hợp (Decree 30 DOCX, XLSX, PDF) — routes to come. */
export async function consolidatedRoutes(
  _app: FastifyInstance,
  _modules: { db: Database; config: AppConfig },
): Promise<void> {}
