import type { TNotification, TNotificationList } from "@dtplan/contracts";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type NotificationRow, notifications } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";

export function presentNotification(row: NotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
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
  return { items: rows.map(presentNotification), unread: unread?.n ?? 0 };
}

/** Marks one of the caller's notifications read; 404 for anyone else's. */
export async function markRead(db: Database, actor: Actor, id: string): Promise<TNotification> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(actor), eq(notifications.id, id)))
    .returning();
  if (!row) throw notFound("Không tìm thấy thông báo.");
  return presentNotification(row);
}

export async function markAllRead(db: Database, actor: Actor): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
