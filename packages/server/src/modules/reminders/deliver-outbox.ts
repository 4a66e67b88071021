import { and, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../db/database.ts";
import { type OutboxRow, outbox } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import type { Mailer } from "./mailer.ts";

export type ReminderLog = Pick<FastifyBaseLogger, "info" | "warn" | "error">;

/** A claim older than this is taken to belong to a process that died mid-send. */
export const STALE_CLAIM_MS = 10 * 60_000;
/** After this many failed attempts an e-mail is given up (status `failed`). */
export const MAX_ATTEMPTS = 8;
const BATCH = 50;

/** 1 min, 2, 4 … capped at 6 h. */
export const backoffMs = (attempts: number) =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

export interface DeliveryCounts {
  sent: number;
  failed: number;
  retried: number;
  waiting: number;
}

/**
 * Sends the pending e-mails of the outbox.
 *
 * Sending and recording cannot be one transaction (the SMTP server is not in the
 * database), so each row goes pending → sending (claimed in a short transaction,
 * `FOR UPDATE SKIP LOCKED` so two processes never claim the same row) → send → sent.
 * A row is marked sent only after the server accepted the message. A row left in
 * `sending` by a process that died is released after STALE_CLAIM_MS and sent again:
 * the one way an e-mail can go out twice is a crash between the server's accept and
 * the `sent` update — a window of one UPDATE, accepted over losing mail.
 */
export async function deliverOutbox(
  db: Database,
  mailer: Mailer | null,
  { now = new Date(), log }: { now?: Date; log?: ReminderLog } = {},
): Promise<DeliveryCounts> {
  await releaseStaleClaims(db, now);
  const counts: DeliveryCounts = { sent: 0, failed: 0, retried: 0, waiting: 0 };
  if (!mailer) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(acrossTenants(ONE_QUEUE, eq(outbox.status, "pending")));
    counts.waiting = row?.n ?? 0;
    if (counts.waiting > 0) {
      log?.warn(`Chưa cấu hình máy chủ thư (DTPLAN_SMTP_HOST): ${counts.waiting} thư nhắc đang chờ gửi.`);
    }
    return counts;
  }
  const claimed = await claim(db, now);
  for (const row of claimed) {
    try {
      await mailer.send({ to: row.toAddress, subject: row.subject, text: row.body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: giveUp ? "failed" : "pending",
          claimedAt: null,
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
        })
        .where(and(eq(outbox.tenantId, row.tenantId), eq(outbox.id, row.id)));
      if (giveUp) counts.failed++;
      else counts.retried++;
      log?.warn({ outboxId: row.id, attempts: row.attempts, err: message }, "Gửi thư nhắc không thành công");
      continue;
    }
    await db
      .update(outbox)
      .set({ status: "sent", sentAt: new Date(), claimedAt: null, lastError: null })
      .where(and(eq(outbox.tenantId, row.tenantId), eq(outbox.id, row.id)));
    counts.sent++;
  }
  return counts;
}

/** Why the queue's statements read every province (on Citus: every shard). */
const ONE_QUEUE = "one e-mail queue for every province";

/** Rows stuck in `sending` (their process died) go back to pending. */
export async function releaseStaleClaims(db: Database, now = new Date()): Promise<number> {
  const released = await db
    .update(outbox)
    .set({ status: "pending", claimedAt: null })
    .where(
      acrossTenants(
        ONE_QUEUE,
        and(
          eq(outbox.status, "sending"),
          sql`${outbox.claimedAt} < ${new Date(now.getTime() - STALE_CLAIM_MS)}`,
        ),
      ),
    )
    .returning({ id: outbox.id });
  return released.length;
}

/**
 * Claims due rows in one statement. SKIP LOCKED lets several servers share the queue on
 * PostgreSQL; PGlite is a single connection, where the same SQL simply never skips.
 */
async function claim(db: Database, now: Date): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ tenantId: outbox.tenantId, id: outbox.id })
      .from(outbox)
      // Rows stamped by the database's clock (column default) are due by either clock.
      .where(
        acrossTenants(
          ONE_QUEUE,
          and(
            eq(outbox.status, "pending"),
            sql`${outbox.nextAttemptAt} <= greatest(${now}::timestamptz, now())`,
          ),
        ),
      )
      .orderBy(outbox.nextAttemptAt)
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const rows: OutboxRow[] = [];
    for (const d of due) {
      const [row] = await tx
        .update(outbox)
        .set({ status: "sending", claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.tenantId, d.tenantId), eq(outbox.id, d.id), eq(outbox.status, "pending")))
        .returning();
      if (row) rows.push(row);
    }
    return rows;
  });
}
