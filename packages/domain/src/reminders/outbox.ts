/** The state of a message waiting in the outbox. The SQL CHECK constraint holds the same values. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
