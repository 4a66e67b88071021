/**
 * Before → after of an audit entry, as readable lines: which fields changed and
 * how to show their values. Pure, so it is tested in Node.
 */
import { ROLE_LABELS, type Role } from "@dtplan/domain/access/roles.ts";
import { unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { formatDate, formatDateTime, type Lang } from "../../lib/format.ts";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type EntryShape = "created" | "deleted" | "changed" | "event";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ; for a creation every field set, for a deletion every field there was. */
export function diffAudit(before: unknown, after: unknown): { shape: EntryShape; changes: FieldChange[] } {
  if (before == null && after == null) return { shape: "event", changes: [] };
  if (before == null) {
    const changes = isRecord(after)
      ? Object.entries(after)
          .filter(([, v]) => v !== null && v !== undefined && v !== "")
          .map(([field, v]) => ({ field, before: null, after: v }))
      : [{ field: "", before: null, after }];
    return { shape: "created", changes };
  }
  if (after == null) {
    const changes = isRecord(before)
      ? Object.entries(before).map(([field, v]) => ({ field, before: v, after: null }))
      : [{ field: "", before, after: null }];
    return { shape: "deleted", changes };
  }
  if (isRecord(before) && isRecord(after)) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = fields
      .filter((f) => !same(before[f], after[f]))
      .map((field) => ({ field, before: before[field], after: after[field] }));
    return { shape: "changed", changes };
  }
  return { shape: "changed", changes: same(before, after) ? [] : [{ field: "", before, after }] };
}

export interface ValueContext {
  lang: Lang;
  /** Names of units (and users) by id, to show names rather than identifiers. */
  names: ReadonlyMap<string, string>;
  yes: string;
  no: string;
  /** A field's label in the interface language (nested objects use it too). */
  label?: (field: string) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as a person reads it: dates dd/mm/yyyy, unit names instead of ids, kind and role labels. */
export function formatAuditValue(field: string, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? ctx.yes : ctx.no;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (field === "kind") return unitKindLabel(value, ctx.lang);
    if (field === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as Role][ctx.lang];
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_DATETIME.test(value)) return formatDateTime(value);
    if (UUID.test(value)) return ctx.names.get(value) ?? `${value.slice(0, 8)}…`;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value.map((item) => formatAuditValue(field === "grants" ? "grant" : field, item, ctx)).join("; ");
  }
  if (isRecord(value)) {
    if (typeof value.role === "string" && typeof value.unitId === "string") {
      const role = formatAuditValue("role", value.role, ctx);
      const unit =
        typeof value.unitName === "string" ? value.unitName : formatAuditValue("unitId", value.unitId, ctx);
      return `${role} — ${unit}`;
    }
    return Object.entries(value)
      .map(([k, v]) => `${ctx.label ? ctx.label(k) : k}: ${formatAuditValue(k, v, ctx)}`)
      .join("; ");
  }
  return String(value);
}

/** The name of the thing an entry is about, from whichever side has one. */
export function auditSubject(before: unknown, after: unknown): string | null {
  for (const side of [after, before]) {
    if (!isRecord(side)) continue;
    for (const key of ["name", "fullName", "username"]) {
      const v = side[key];
      if (typeof v === "string" && v) return v;
    }
  }
  return null;
}
