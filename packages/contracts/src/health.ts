import { z } from "zod";

/**
 * Tình trạng máy chủ. Anyone sees the status, the database kind and the migration;
 * the dtplan version and the database server's version string only a signed-in user
 * (an anonymous caller learns nothing that narrows down which vulnerabilities to try).
 */
export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string().optional(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    serverVersion: z.string().optional(),
    migration: z.object({ current: z.string().nullable(), latest: z.string(), upToDate: z.boolean() }),
  }),
});
export type THealth = z.infer<typeof ZHealth>;
