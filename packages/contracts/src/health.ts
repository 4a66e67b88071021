import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    serverVersion: z.string(),
    migration: z.object({ current: z.string().nullable(), latest: z.string(), upToDate: z.boolean() }),
  }),
});
export type THealth = z.infer<typeof ZHealth>;
