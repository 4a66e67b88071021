import { ZHealth } from "@dtplan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import { type Database, databaseKind, queryRows } from "../../db/database.ts";
import { migrationStatus } from "../../db/migrate.ts";
import { SERVER_VERSION } from "../../version.ts";
import { loadActor, parseSessionCookie, SESSION_COOKIE } from "../auth/session.repository.ts";

export async function healthRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Tình trạng máy chủ",
        description:
          "Loại cơ sở dữ liệu, phiên bản lược đồ hiện tại và mới nhất; phiên bản dtplan và máy chủ CSDL chỉ khi đã đăng nhập.",
        response: { 200: ZHealth },
      },
    },
    async (request) => {
      const migration = await migrationStatus(db);
      const database = {
        kind: databaseKind(db),
        migration: { current: migration.current, latest: migration.latest, upToDate: migration.upToDate },
      };
      const status = migration.upToDate ? ("ok" as const) : ("degraded" as const);
      const cookie = parseSessionCookie(request.cookies[SESSION_COOKIE]);
      const actor = cookie ? await loadActor(db, cookie, config.sessionIdleMs) : null;
      if (!actor) return { status, database };
      const [{ version }] = await queryRows<{ version: string }>(db, sql`SELECT version()`);
      return { status, version: SERVER_VERSION, database: { ...database, serverVersion: version } };
    },
  );
}
