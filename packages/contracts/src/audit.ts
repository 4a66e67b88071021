import { AUDIT_ENTITIES } from "@dtplan/domain/audit/audit-words.ts";
import { z } from "zod";

/**
 * Nhật ký — one recorded change: who, when, what, to which named object, before → after.
 * The words come from the domain's closed lists (`describe` on the web, the XLSX on the
 * server); `names` turns the ids inside the values into names.
 */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  /** The object's name (plan title, unit, person, report…), when it is known. */
  subject: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  names: z.record(z.string(), z.string()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditEntity = z.enum(AUDIT_ENTITIES);

export const ZAuditFilter = z.object({
  /** Who did it. */
  actorId: z.uuid().optional(),
  /** The unit it concerns. */
  unitId: z.uuid().optional(),
  entity: ZAuditEntity.optional(),
  entityId: z.string().max(100).optional(),
  /** Calendar days in Vietnam, both included. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** `GET /api/exports/audit`: the log's filters and the language of the words (a download link sends no app language). */
export const ZAuditExportQuery = ZAuditFilter.extend({ lang: z.enum(["vi", "en"]).default("vi") });

export const ZAuditQuery = ZAuditFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZAuditList = z.object({ items: z.array(ZAuditEntry), total: z.number().int() });

/** The people who appear in the log the reader may see (the person filter). */
export const ZAuditPeople = z.object({
  items: z.array(z.object({ id: z.uuid(), fullName: z.string() })),
});
