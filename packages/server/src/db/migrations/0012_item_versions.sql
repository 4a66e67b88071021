-- Optimistic locking for the things two people edit at once (issue 12): a draft plan's
-- targets and tasks, and a plan's budget items. Every save bumps `version` and must name
-- the one it read; a stale save is refused (409) naming who saved last and when.
-- Added columns only: the tables stay distributed by tenant_id as before (DISTRIBUTED.md).
ALTER TABLE plan_targets ADD COLUMN version integer NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE plan_targets ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE plan_targets ADD COLUMN updated_at timestamptz;
--> statement-breakpoint
ALTER TABLE plan_tasks ADD COLUMN version integer NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE plan_tasks ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE plan_tasks ADD COLUMN updated_at timestamptz;
--> statement-breakpoint
ALTER TABLE budget_items ADD COLUMN version integer NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE budget_items ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;
