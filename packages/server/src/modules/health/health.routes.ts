import { ZHealth } from "@dtplan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Database, databaseKind, queryRows } from "../../db/database.ts";
import { migrationStatus } from "../../db/migrate.ts";
import { SERVER_VERSION } from "../../version.ts";

export async function healthRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Tình trạng máy chủ",
        description: "Loại cơ sở dữ liệu, phiên bản máy chủ CSDL, phiên bản lược đồ hiện tại và mới nhất.",
        response: { 200: ZHealth },
      },
    },
    async () => {
      const [{ version }] = await queryRows<{ version: string }>(db, sql`SELECT version()`);
      const migration = await migrationStatus(db);
      return {
        status: migration.upToDate ? ("ok" as const) : ("degraded" as const),
        version: SERVER_VERSION,
        database: {
          kind: databaseKind(db),
          serverVersion: version,
          migration: { current: migration.current, latest: migration.latest, upToDate: migration.upToDate },
        },
      };
    },
  );
}
