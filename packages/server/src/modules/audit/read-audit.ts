import type { TAuditEntry, TAuditFilter } from "@dtplan/contracts";
import { auditSubjectOfValues, auditValueIds } from "@dtplan/domain/audit/audit-words.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { presentAuditEntry } from "./audit.presenter.ts";
import {
  type AuditListRow,
  type AuditScope,
  listAudit,
  listAuditPeople,
  nameAuditObjects,
} from "./audit.repository.ts";

async function scopeOf(db: Database, actor: Actor): Promise<AuditScope> {
  const reach = await reachOf(db, actor, "audit.read");
  return { wholeTenants: [...reach.wholeTenants], unitIds: [...reach.unitIds], tenants: [...reach.tenants] };
}

/** Entries with the names of what they are about and of the ids in their values. */
async function named(
  db: Database,
  scope: AuditScope,
  rows: AuditListRow[],
  lang: Lang,
): Promise<TAuditEntry[]> {
  const valueIds = [...new Set(rows.flatMap((r) => auditValueIds(r.before, r.after)))];
  const objects = rows.flatMap((r) => (r.entityId ? [{ entity: r.entity, id: r.entityId }] : []));
  const { subjects, names } = await nameAuditObjects(db, scope.tenants, objects, valueIds, lang);
  return rows.map((row) => {
    const subject =
      (row.entityId ? subjects.get(`${row.entity}:${row.entityId}`) : undefined) ??
      auditSubjectOfValues(row.before, row.after);
    const own = auditValueIds(row.before, row.after).flatMap((id) => {
      const name = names.get(id);
      return name ? [[id, name] as const] : [];
    });
    return presentAuditEntry(row, { subject: subject ?? null, names: Object.fromEntries(own) });
  });
}

/** Nhật ký thay đổi within the actor's `audit.read` reach (the whole province or their units), filtered. */
export async function listVisibleAudit(
  db: Database,
  {
    actor,
    query,
    lang = "vi",
  }: { actor: Actor; query: TAuditFilter & { limit: number; offset: number }; lang?: Lang },
): Promise<{ items: TAuditEntry[]; total: number }> {
  const scope = await scopeOf(db, actor);
  const { rows, total } = await listAudit(db, scope, query);
  return { items: await named(db, scope, rows, lang), total };
}

/** The most entries one XLSX export holds; a wider range is narrowed with the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** Every entry the filters select (newest first, up to AUDIT_EXPORT_MAX_ROWS), read page by page. */
export async function allVisibleAudit(
  db: Database,
  { actor, filter, lang = "vi" }: { actor: Actor; filter: TAuditFilter; lang?: Lang },
): Promise<{ items: TAuditEntry[]; total: number }> {
  const scope = await scopeOf(db, actor);
  const items: TAuditEntry[] = [];
  let total = 0;
  for (let offset = 0; offset < AUDIT_EXPORT_MAX_ROWS; offset += 500) {
    const page = await listAudit(db, scope, { ...filter, limit: 500, offset });
    total = page.total;
    items.push(...(await named(db, scope, page.rows, lang)));
    if (page.rows.length < 500) break;
  }
  return { items, total };
}

/** The people in the part of the log the actor may read (the person filter's choices). */
export async function listVisibleAuditPeople(db: Database, { actor }: { actor: Actor }) {
  return { items: await listAuditPeople(db, await scopeOf(db, actor)) };
}
