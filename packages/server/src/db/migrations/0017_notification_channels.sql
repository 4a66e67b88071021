-- Notifications people choose: the kinds of notification and of e-mail are closed lists
-- (packages/domain reminders/notifications.ts); each person chooses their channels (the
-- bell, an e-mail per event, or one daily digest instead); an event's e-mail for someone
-- who chose the digest waits in the outbox as `held` until the day's digest takes it
-- (`digested`); a private calendar feed of one's deadlines. Tenant key first (DISTRIBUTED.md).

ALTER TABLE notifications ADD CONSTRAINT notifications_kind CHECK (kind IN (
  'reminder.before_due', 'reminder.overdue', 'reminder.manual',
  'report.submitted', 'report.returned', 'report.approved', 'report.reopened',
  'task.direction', 'task.assigned', 'dti.round_opened'
));
--> statement-breakpoint
ALTER TABLE outbox ADD CONSTRAINT outbox_kind CHECK (kind IN (
  'reminder.before_due', 'reminder.overdue', 'reminder.manual',
  'report.submitted', 'report.returned', 'report.approved', 'report.reopened',
  'task.direction', 'task.assigned', 'dti.round_opened', 'digest'
));
--> statement-breakpoint
ALTER TABLE outbox DROP CONSTRAINT outbox_status;
--> statement-breakpoint
ALTER TABLE outbox ADD CONSTRAINT outbox_status CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held', 'digested'));
--> statement-breakpoint
CREATE INDEX outbox_held_idx ON outbox (tenant_id, user_id) WHERE status = 'held';
--> statement-breakpoint

-- Kênh nhận thông báo: one row per channel a person has chosen on or off, in their home
-- tenant; a channel without a row keeps the default (the bell and each e-mail on).
CREATE TABLE notification_channels (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  channel text NOT NULL,
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, channel),
  CONSTRAINT notification_channels_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT notification_channels_channel CHECK (channel IN ('in_app', 'email', 'digest'))
);
--> statement-breakpoint

-- Lịch hạn: the hash of a person's private feed token (the token itself is shown once);
-- regenerating replaces it, revoking deletes the row.
CREATE TABLE calendar_feeds (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  CONSTRAINT calendar_feeds_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
