import type { TNotification, TNotificationList } from "@dtplan/contracts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type NotificationRow, notifications } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";

/** In the reader's interface language: English when it was written in English too (since migration 0018). */
export function presentNotification(row: NotificationRow, lang: Lang): TNotification {
  const english = lang === "en" && row.titleEn !== null;
  return {
    id: row.id,
    kind: row.kind,
    title: english ? (row.titleEn as string) : row.title,
    body: english ? (row.bodyEn ?? row.body) : row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

// A user's notifications live in their home tenant.
const mine = (actor: Actor) =>
  and(eq(notifications.tenantId, actor.tenantId), eq(notifications.userId, actor.id));

export async function listNotifications(
  db: Database,
  actor: Actor,
  limit: number,
  lang: Lang,
): Promise<TNotificationList> {
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(mine(actor))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine(actor), isNull(notifications.readAt))),
  ]);
  return { items: rows.map((row) => presentNotification(row, lang)), unread: unread?.n ?? 0 };
}

/** Marks one of the caller's notifications read; 404 for anyone else's. */
export async function markRead(db: Database, actor: Actor, id: string, lang: Lang): Promise<TNotification> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(actor), eq(notifications.id, id)))
    .returning();
  if (!row) throw notFound("Không tìm thấy thông báo.");
  return presentNotification(row, lang);
}

export async function markAllRead(db: Database, actor: Actor): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
