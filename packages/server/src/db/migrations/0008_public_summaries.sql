-- Trang công khai at national size: the public list is paged and filtered in SQL and
-- reads each plan's headline figures from a stored summary instead of counting every
-- task of every plan on each request (issue: 56 s for 3,355 plans).

-- A plan's task figures that do not change with the calendar (see domain
-- tasks/summary.ts): finished on time / late, started, progress sum, and the
-- unfinished tasks by deadline, from which "overdue on day D" is counted. Written in
-- the same transaction as every change to the plan's tasks or targets.
CREATE TABLE plan_summaries (
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  target_count integer NOT NULL DEFAULT 0,
  task_total integer NOT NULL DEFAULT 0,
  task_done integer NOT NULL DEFAULT 0,
  task_done_late integer NOT NULL DEFAULT 0,
  task_started integer NOT NULL DEFAULT 0,
  progress_sum integer NOT NULL DEFAULT 0,
  due_dates jsonb NOT NULL DEFAULT '[]',
  -- Folded (domain text/fold.ts) words a visitor may search by: title, code, number, issuing unit,
  -- province; and the folded title to order by. Folding in SQL at read time cost 0.5 ms a row.
  search_text text NOT NULL DEFAULT '',
  title_key text NOT NULL DEFAULT '',
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, plan_id),
  CONSTRAINT plan_summaries_plan_fk FOREIGN KEY (tenant_id, plan_id)
    REFERENCES plans (tenant_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
-- What the public may see of a province changed (a plan published or amended, a
-- report approved or reopened, task progress): public answers cached under an older
-- version are stale. One row per province, so every dtplan process sees the change.
CREATE TABLE public_data_versions (
  tenant_id uuid NOT NULL PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Published plans, the only ones the public list reads.
CREATE INDEX plans_published_idx ON plans (tenant_id, unit_id) WHERE status = 'published';
--> statement-breakpoint
-- The provinces (root units), looked up by code from a public URL.
CREATE INDEX org_units_roots_idx ON org_units (code) WHERE id = tenant_id;
