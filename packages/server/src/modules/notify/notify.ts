/**
 * Thông báo khi công việc chuyển bước: a workflow event (a report submitted, returned,
 * approved or reopened; a direction posted on a task; tasks assigned; a DTI round opened)
 * tells the people concerned, in the caller's transaction, through the channels each chose:
 * the bell, an e-mail per event through the outbox, or the daily digest (the event's e-mail
 * waits in the outbox as `held`). One idempotency key per event and person, so a retried
 * request never tells anyone twice.
 */
import { type Permission, ROLES, roleGrants as roleHas } from "@dtplan/domain/access/roles.ts";
import {
  type ChannelChoice,
  channelChoice,
  deliveryOf,
  type NotificationChannel,
  type NotificationKind,
} from "@dtplan/domain/reminders/notifications.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { and, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { notificationChannels, notifications, outbox, users } from "../../db/schema.ts";

export interface Recipient {
  id: string;
  /** The recipient's home tenant, where their notifications and choices live. */
  tenantId: string;
  fullName: string;
  email: string | null;
  /** The language their e-mails are written in (Tài khoản / Thông báo). */
  language: Lang;
  /** Their channel choices, when read with them (peopleWith, for those whose home is the event's province). */
  choice?: ChannelChoice;
}

/** The columns of `users` that make a Recipient, to select with a query's own. */
export const RECIPIENT_COLUMNS = {
  id: users.id,
  tenantId: users.tenantId,
  fullName: users.fullName,
  email: users.email,
  language: users.language,
};

/** One text in each language of the app: the bell shows the interface's, an e-mail the recipient's. */
export type InLanguages = Record<Lang, string>;

/** Who hears of an event: the holders of `permission` on one of `unitIds`, but `except`. */
export interface Audience {
  tenantId: string;
  unitIds: string[];
  permission: Permission;
  except: string;
  /** Only these roles (e.g. a unit's own staff, not the administrators above it). */
  roles?: readonly (typeof ROLES)[number][];
}

/** The roles of `audience` that hold its permission: the grants that make someone hear of it. */
export const audienceRoles = (audience: Pick<Audience, "permission" | "roles">): string[] =>
  (audience.roles ?? ROLES).filter((r) => roleHas(r, audience.permission));

/**
 * Active users holding one of `roles` on one of `unitIds` (a unit and its ancestors, for
 * "whoever may review this unit's report"), `except` left out: nobody is told of their own act.
 * A grant may lie outside its holder's home province (an official of the ministry, an
 * inter-province committee): users are a reference table joined by id alone, and each
 * recipient keeps their home tenant, where their notifications live. With their channel
 * choices, for those whose home (where the choices live) is this province — nearly everyone;
 * deliver reads the others'. A part of a statement (readTogether, preparedRead: each value
 * may be a placeholder, `unitIds` a uuid[] and `roles` a text[]); peopleFromJson reads it.
 */
export function peoplePart(audience: {
  tenantId: SQLWrapper;
  unitIds: SQLWrapper;
  roles: SQLWrapper;
  except: SQLWrapper;
}): SQL {
  const t = audience.tenantId;
  return sql`(SELECT coalesce(json_agg(json_build_array(u.id, u.tenant_id, u.full_name, u.email, u.language,
               CASE WHEN u.tenant_id = ${t} THEN coalesce(
                 (SELECT json_agg(json_build_object('channel', c.channel, 'enabled', c.enabled))
                    FROM notification_channels c WHERE c.tenant_id = ${t} AND c.user_id = u.id), '[]') END)), '[]')
          FROM users u
         WHERE u.active AND u.id <> ${audience.except}
           AND u.id IN (SELECT g.user_id FROM role_grants g
                         WHERE g.tenant_id = ${t} AND g.unit_id = ANY(${audience.unitIds})
                           AND g.role = ANY(${audience.roles})))`;
}

/** peoplePart's answer as recipients. */
export function peopleFromJson(value: unknown): Recipient[] {
  return (
    value as [
      string,
      string,
      string,
      string | null,
      Lang,
      { channel: NotificationChannel; enabled: boolean }[] | null,
    ][]
  ).map(([id, tenantId, fullName, email, language, channels]) => ({
    id,
    tenantId,
    fullName,
    email,
    language,
    ...(channels ? { choice: channelChoice(channels) } : {}),
  }));
}

/** peoplePart's values for an audience in hand. */
const audienceValues = (audience: Audience) => ({
  tenantId: sql`${audience.tenantId}::uuid`,
  // One array parameter each (a bare array would be spread into a list of parameters).
  unitIds: sql`${sql.param(audience.unitIds)}::uuid[]`,
  roles: sql`${sql.param(audienceRoles(audience))}::text[]`,
  except: sql`${audience.except}::uuid`,
});

/** The people who hear of an event (peoplePart), in one statement. */
export async function peopleWith(db: Database, audience: Audience): Promise<Recipient[]> {
  if (audience.unitIds.length === 0) return [];
  const [row] = await queryRows<{ people: unknown }>(
    db,
    sql`SELECT ${peoplePart(audienceValues(audience))} AS people`,
  );
  return peopleFromJson(row.people);
}

export interface WorkflowMessage {
  kind: NotificationKind;
  /** Unique per event: the same event never notifies twice. */
  eventKey: string;
  title: InLanguages;
  body: InLanguages;
  /** Path in the web app. */
  link: string;
}

/** One message for one person: what the bell shows and what the e-mail says. */
export interface Delivery {
  recipient: Recipient;
  kind: NotificationKind;
  /** Unique per event and person. */
  key: string;
  title: InLanguages;
  summary: InLanguages;
  link: string;
  /** The e-mail in each language; the recipient's is sent. */
  email: Record<Lang, { subject: string; body: string }>;
}

/** Each person's channel choices, keyed by user id (one statement). */
export async function channelChoices(db: Database, people: readonly Pick<Recipient, "id" | "tenantId">[]) {
  const ids = [...new Set(people.map((p) => p.id))];
  const rows = ids.length
    ? await db
        .select()
        .from(notificationChannels)
        .where(
          and(
            inArray(notificationChannels.tenantId, [...new Set(people.map((p) => p.tenantId))]),
            inArray(notificationChannels.userId, ids),
          ),
        )
    : [];
  return new Map(ids.map((id) => [id, channelChoice(rows.filter((r) => r.userId === id))]));
}

/**
 * Writes the deliveries by each recipient's channels: a notification in their home tenant;
 * an e-mail in the outbox of `tenantId` (the event's province), due now or held for the
 * digest. Returns what was newly written (a repeated key adds nothing).
 */
export async function deliver(
  tx: Database,
  tenantId: string,
  deliveries: readonly Delivery[],
  now: Date,
): Promise<{ notifications: number; emails: number }> {
  if (deliveries.length === 0) return { notifications: 0, emails: 0 };
  const choices = await channelChoices(
    tx,
    deliveries.map((d) => d.recipient).filter((r) => !r.choice),
  );
  const rows = deliveryRows(
    tenantId,
    deliveries,
    (r) => r.choice ?? choices.get(r.id) ?? channelChoice([]),
    now,
  );
  const written = rows.notifications.length
    ? await tx
        .insert(notifications)
        .values(rows.notifications)
        .onConflictDoNothing()
        .returning({ id: notifications.id })
    : [];
  const queued = rows.emails.length
    ? await tx.insert(outbox).values(rows.emails).onConflictDoNothing().returning({ id: outbox.id })
    : [];
  return { notifications: written.length, emails: queued.length };
}

/** The rows deliver writes: a notification per delivery shown in the app, an e-mail per one mailed. */
function deliveryRows(
  tenantId: string,
  deliveries: readonly Delivery[],
  choiceOf: (recipient: Recipient) => ChannelChoice,
  now: Date,
): { notifications: (typeof notifications.$inferInsert)[]; emails: (typeof outbox.$inferInsert)[] } {
  const how = (d: Delivery) => deliveryOf(choiceOf(d.recipient), Boolean(d.recipient.email));
  return {
    notifications: deliveries
      .filter((d) => how(d).inApp)
      .map((d) => ({
        tenantId: d.recipient.tenantId,
        userId: d.recipient.id,
        kind: d.kind,
        idempotencyKey: d.key,
        title: d.title.vi,
        body: d.summary.vi,
        titleEn: d.title.en,
        bodyEn: d.summary.en,
        link: d.link,
      })),
    emails: deliveries
      .filter((d) => how(d).email !== "none")
      .map((d) => ({
        tenantId,
        idempotencyKey: d.key,
        kind: d.kind,
        userId: d.recipient.id,
        toAddress: d.recipient.email as string,
        subject: d.email[d.recipient.language].subject,
        body: d.email[d.recipient.language].body,
        status: how(d).email === "digest" ? ("held" as const) : ("pending" as const),
        nextAttemptAt: now,
      })),
  };
}

/**
 * deliver's writes as parts of the caller's own statement (data-modifying WITH terms), for
 * the deliveries that can go there: those whose recipient's choices are in hand (peoplePart)
 * and whose home is the event's province (one statement stays on one shard under Citus);
 * `rest` must still go through deliver.
 */
export function deliveryWrites(
  tx: Database,
  tenantId: string,
  deliveries: readonly Delivery[],
  now: Date,
): { writes: SQL[]; rest: Delivery[] } {
  const here: Delivery[] = [];
  const rest: Delivery[] = [];
  for (const d of deliveries) (d.recipient.choice && d.recipient.tenantId === tenantId ? here : rest).push(d);
  const rows = deliveryRows(tenantId, here, (r) => r.choice ?? channelChoice([]), now);
  return {
    writes: [
      ...(rows.notifications.length
        ? [tx.insert(notifications).values(rows.notifications).onConflictDoNothing().getSQL()]
        : []),
      ...(rows.emails.length ? [tx.insert(outbox).values(rows.emails).onConflictDoNothing().getSQL()] : []),
    ],
    rest,
  };
}

/** A workflow event as the delivery to each recipient: the bell's text and the e-mail in each language. */
export function deliveriesOf(recipients: readonly Recipient[], message: WorkflowMessage): Delivery[] {
  return recipients.map((r) => ({
    recipient: r,
    kind: message.kind,
    key: `${message.kind}:${message.eventKey}:${r.id}`,
    title: message.title,
    summary: message.body,
    link: message.link,
    email: {
      vi: {
        subject: `[dtplan] ${message.title.vi}`,
        body: `Kính gửi ${r.fullName},\n\n${message.body.vi}\n\nĐăng nhập dtplan và mở mục Thông báo (biểu tượng chuông) để xem chi tiết.\n\n— dtplan`,
      },
      en: {
        subject: `[dtplan] ${message.title.en}`,
        body: `Dear ${r.fullName},\n\n${message.body.en}\n\nSign in to dtplan and open Notifications (the bell) for the details.\n\n— dtplan`,
      },
    },
  }));
}

/** A workflow event told to each recipient, in the app and by e-mail as they chose. */
export async function notifyPeople(
  tx: Database,
  tenantId: string,
  recipients: Recipient[],
  message: WorkflowMessage,
  now: Date,
): Promise<void> {
  await deliver(tx, tenantId, deliveriesOf(recipients, message), now);
}
