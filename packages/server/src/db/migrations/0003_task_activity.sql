-- Task tracking: progress updates, comments and directions, evidence files, and
-- budget line items. History rows reference a task by its stable `key` (the same
-- across plan versions), so it survives amendments. Tenant key first in every
-- primary and foreign key (see DISTRIBUTED.md).

-- Cập nhật tiến độ: one row per change of a task's progress.
CREATE TABLE task_updates (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  task_key uuid NOT NULL,
  task_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  actor_id uuid,
  progress_before integer,
  progress integer NOT NULL,
  note text,
  completed_at date,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT task_updates_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT task_updates_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT task_updates_progress CHECK (progress BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX task_updates_task_idx ON task_updates (tenant_id, task_key, at);
--> statement-breakpoint

-- Ý kiến (comment) and chỉ đạo (direction, from a leader or the focal office).
CREATE TABLE task_comments (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  task_key uuid NOT NULL,
  task_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  kind text NOT NULL,
  author_id uuid,
  body text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT task_comments_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT task_comments_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT task_comments_kind CHECK (kind IN ('comment', 'direction'))
);
--> statement-breakpoint
CREATE INDEX task_comments_task_idx ON task_comments (tenant_id, task_key, at);
--> statement-breakpoint

-- Tệp minh chứng. The stored key is a random id, never the uploaded file name; the
-- owner is a task (by key) now, a periodic report later.
CREATE TABLE evidence_files (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_type text NOT NULL,
  owner_key uuid NOT NULL,
  plan_id uuid,
  original_name text NOT NULL,
  storage_key text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT evidence_files_storage_key_unique UNIQUE (tenant_id, storage_key),
  CONSTRAINT evidence_files_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id),
  CONSTRAINT evidence_files_uploader_fk FOREIGN KEY (uploaded_by) REFERENCES users (id),
  CONSTRAINT evidence_files_owner_type CHECK (owner_type IN ('task', 'report')),
  CONSTRAINT evidence_files_size CHECK (size_bytes >= 0)
);
--> statement-breakpoint
CREATE INDEX evidence_files_owner_idx ON evidence_files (tenant_id, owner_type, owner_key, at);
--> statement-breakpoint

-- Hạng mục kinh phí: a plan's line items, by plan code so they survive amendments;
-- a task by its stable key when the item funds one.
CREATE TABLE budget_items (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_code text NOT NULL,
  task_key uuid,
  title text NOT NULL,
  amount_planned numeric(20, 0) NOT NULL,
  amount_disbursed numeric(20, 0) NOT NULL DEFAULT 0,
  source text,
  year integer,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT budget_items_amounts CHECK (amount_planned >= 0 AND amount_disbursed >= 0),
  CONSTRAINT budget_items_year CHECK (year IS NULL OR year BETWEEN 1900 AND 2200)
);
--> statement-breakpoint
CREATE INDEX budget_items_plan_idx ON budget_items (tenant_id, plan_code);
