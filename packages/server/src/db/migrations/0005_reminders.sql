-- Reminders: in-app notifications and an outbox of e-mails. A reminder is written
-- once (its idempotency key is unique per tenant, inserts use ON CONFLICT DO NOTHING)
-- and an e-mail is sent from the outbox by whichever process claims it, so a restart
-- neither loses nor repeats one. Tenant key first in every key (see DISTRIBUTED.md).

-- Thông báo trong ứng dụng, kept in the recipient's home tenant so a user's list is one shard.
CREATE TABLE notifications (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  kind text NOT NULL,
  idempotency_key text,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT notifications_idempotency_unique UNIQUE (tenant_id, idempotency_key),
  CONSTRAINT notifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at DESC);
--> statement-breakpoint

-- Hộp thư đi: pending → sending (claimed by one process) → sent, or back to pending
-- with a later next_attempt_at after a failure, and failed after too many attempts.
CREATE TABLE outbox (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  idempotency_key text NOT NULL,
  kind text NOT NULL,
  user_id uuid,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT outbox_idempotency_unique UNIQUE (tenant_id, idempotency_key),
  CONSTRAINT outbox_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT outbox_status CHECK (status IN ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
