/**
 * Tài khoản / Thông báo — a person's own channels and private calendar address. Rows live
 * in the person's home tenant; nobody reads or changes another's.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { TCalendarFeed, TNotificationSettings, TNotificationSettingsUpdate } from "@dtplan/contracts";
import { NOTIFICATION_CHANNELS } from "@dtplan/domain/reminders/notifications.ts";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { calendarFeeds, notificationChannels, users } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { channelChoices } from "./notify.ts";

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function notificationSettings(db: Database, actor: Actor): Promise<TNotificationSettings> {
  const [choices, [feed], [me]] = await Promise.all([
    channelChoices(db, [actor]),
    db
      .select({ createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, actor.tenantId), eq(calendarFeeds.userId, actor.id))),
    db
      .select({ language: users.language })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.id))),
  ]);
  return {
    channels: choices.get(actor.id) ?? { in_app: true, email: true, digest: false },
    email: actor.email,
    language: me?.language ?? "vi",
    calendar: { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null },
  };
}

/**
 * Turns the channels given on or off (one statement), the others keeping their setting, and
 * sets the language of the person's e-mails when given.
 */
export async function chooseChannels(
  db: Database,
  actor: Actor,
  input: TNotificationSettingsUpdate,
): Promise<TNotificationSettings> {
  const channels = input.channels ?? {};
  if (input.language) {
    await db
      .update(users)
      .set({ language: input.language })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.id)));
  }
  const rows = NOTIFICATION_CHANNELS.filter((c) => channels[c] !== undefined).map((channel) => ({
    tenantId: actor.tenantId,
    userId: actor.id,
    channel,
    enabled: channels[channel] as boolean,
    updatedAt: new Date(),
  }));
  if (rows.length) {
    await db
      .insert(notificationChannels)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationChannels.tenantId, notificationChannels.userId, notificationChannels.channel],
        set: { enabled: sqlExcluded("enabled"), updatedAt: sqlExcluded("updated_at") },
      });
  }
  return notificationSettings(db, actor);
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * A new private calendar address (the previous one stops working). The token names its
 * user and carries a secret of which only the hash is kept: shown once, like a password.
 */
export async function renewCalendarFeed(
  db: Database,
  actor: Actor,
  publicUrl: string,
): Promise<TCalendarFeed> {
  const secret = randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(calendarFeeds)
    .values({ tenantId: actor.tenantId, userId: actor.id, tokenHash: hash(secret), createdAt: new Date() })
    .onConflictDoUpdate({
      target: [calendarFeeds.tenantId, calendarFeeds.userId],
      set: { tokenHash: hash(secret), createdAt: new Date() },
    })
    .returning();
  return {
    url: `${publicUrl}/api/calendar/${actor.id}.${secret}.ics`,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Thu hồi: the address stops working; a new one can be made later. */
export async function revokeCalendarFeed(db: Database, actor: Actor): Promise<void> {
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, actor.tenantId), eq(calendarFeeds.userId, actor.id)));
}

/** The active user a calendar token belongs to; 404 for a wrong, revoked or replaced token. */
export async function calendarOwner(db: Database, token: string) {
  const [userId, secret] = token.replace(/\.ics$/, "").split(".");
  const gone = () => notFound("Không tìm thấy lịch: địa chỉ đã bị thu hồi hoặc đã được tạo lại.");
  // users is a reference table: found by its globally unique id, then its feed in its home tenant.
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.active) throw gone();
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, user.tenantId), eq(calendarFeeds.userId, user.id)));
  const given = Buffer.from(hash(secret ?? ""), "hex");
  if (!feed || !timingSafeEqual(given, Buffer.from(feed.tokenHash, "hex"))) throw gone();
  return user;
}
