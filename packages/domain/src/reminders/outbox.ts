/**
 * The state of a message waiting in the outbox. The SQL CHECK constraint holds the same values.
 * `held`: an event's e-mail kept for its recipient's daily digest; `digested`: sent within one.
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "held", "digested"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
