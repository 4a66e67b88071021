import { z } from "zod";

/** Một bản sao lưu in the server's backup directory, as its manifest describes it. */
export const ZBackupItem = z.object({
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  /** False for a file without a manifest (cut short): listed, never offered as whole. */
  complete: z.boolean(),
  schemaVersion: z.string().nullable(),
  databaseKind: z.enum(["pglite", "postgres"]).nullable(),
  tables: z.number().int(),
  rows: z.number().int(),
  evidenceFiles: z.number().int(),
  missingEvidence: z.number().int(),
});
export type TBackupItem = z.infer<typeof ZBackupItem>;

export const ZBackupList = z.object({
  dir: z.string(),
  /** Hours between scheduled backups; 0 when the schedule is off. */
  everyHours: z.number(),
  keep: z.number().int(),
  items: z.array(ZBackupItem),
});
export type TBackupList = z.infer<typeof ZBackupList>;

export const ZBackupName = z.object({
  name: z.string().regex(/^dtplan-backup-\d{8}T\d{6}Z\.tar$/, "Tên bản sao lưu không hợp lệ"),
});
