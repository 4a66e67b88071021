/**
 * Thông báo khi công việc chuyển bước: a workflow event (a report submitted, returned,
 * approved or reopened; a direction posted on a task) tells the people concerned, in the
 * app and by e-mail through the outbox, in the caller's transaction (one idempotency key
 * per event and person, so a retried request never tells anyone twice).
 */
import { type Permission, ROLES, roleGrants as roleHas } from "@dtplan/domain/access/roles.ts";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { notifications, outbox, roleGrants, users } from "../../db/schema.ts";

export interface Recipient {
  id: string;
  tenantId: string;
  fullName: string;
  email: string | null;
}

/**
 * Active users holding `permission` on one of `unitIds` (a unit and its ancestors, for
 * "whoever may review this unit's report"), the actor left out: nobody is told of their own act.
 */
export async function peopleWith(
  db: Database,
  input: { tenantId: string; unitIds: string[]; permission: Permission; except: string },
): Promise<Recipient[]> {
  if (input.unitIds.length === 0) return [];
  const roles = ROLES.filter((r) => roleHas(r, input.permission));
  return db
    .selectDistinct({ id: users.id, tenantId: users.tenantId, fullName: users.fullName, email: users.email })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId)))
    .where(
      and(
        eq(roleGrants.tenantId, input.tenantId),
        inArray(roleGrants.unitId, input.unitIds),
        inArray(roleGrants.role, roles),
        eq(users.active, true),
        ne(users.id, input.except),
      ),
    );
}

export interface WorkflowMessage {
  /** `report.submitted`, `report.returned`, `task.direction` … */
  kind: string;
  /** Unique per event: the same event never notifies twice. */
  eventKey: string;
  title: string;
  body: string;
  /** Path in the web app. */
  link: string;
}

/** One notification per recipient in the app, and one e-mail for each who has an address. */
export async function notifyPeople(
  tx: Database,
  tenantId: string,
  recipients: Recipient[],
  message: WorkflowMessage,
  now: Date,
): Promise<void> {
  if (recipients.length === 0) return;
  const key = (r: Recipient) => `${message.kind}:${message.eventKey}:${r.id}`;
  await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        tenantId: r.tenantId,
        userId: r.id,
        kind: message.kind,
        idempotencyKey: key(r),
        title: message.title,
        body: message.body,
        link: message.link,
      })),
    )
    .onConflictDoNothing();
  const mailable = recipients.filter((r) => r.email);
  if (mailable.length === 0) return;
  await tx
    .insert(outbox)
    .values(
      mailable.map((r) => ({
        tenantId,
        idempotencyKey: key(r),
        kind: message.kind,
        userId: r.id,
        toAddress: r.email as string,
        subject: `[dtplan] ${message.title}`,
        body: `Kính gửi ${r.fullName},\n\n${message.body}\n\nĐăng nhập dtplan và mở mục Thông báo (biểu tượng chuông) để xem chi tiết.\n\n— dtplan`,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing();
}
