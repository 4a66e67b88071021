-- Completeness and timeliness are read, not recomputed (issue 15): one row per plan ×
-- period × unit — each unit that must report in the period (the domain's who-reports
-- rule, reporting/who-reports.ts: its role, how many tasks and targets it answers for) and
-- each unit whose report is kept there though it is no longer expected (`expected` false),
-- with its report's status and, once first submitted, its days late against the period's
-- due date (0: on time; domain reporting/timeliness.ts). A report's transition or creation
-- rewrites its row; a plan's publication or amendment, a period's new due date or an
-- ad-hoc period, a change of who reports (reporting units of targets, a reassignment, an
-- org reform) rewrites the plan's or the period's rows — each in the transaction that
-- makes the change. Missing or not yet due is the only part left to reading: it depends
-- on today. The data step fills it for existing plans.
CREATE TABLE reporting_status (
  tenant_id uuid NOT NULL,
  plan_code text NOT NULL,
  period_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  expected boolean NOT NULL,
  role text NOT NULL,
  task_count integer NOT NULL,
  target_count integer NOT NULL,
  report_id uuid,
  status text,
  first_submitted_at timestamptz,
  days_late integer,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, period_id, unit_id),
  CONSTRAINT reporting_status_period_fk FOREIGN KEY (tenant_id, period_id)
    REFERENCES reporting_periods (tenant_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
-- A plan's rows over all its periods (the dashboard's timeliness, the plan refresh).
CREATE INDEX reporting_status_plan_idx ON reporting_status (tenant_id, plan_code);
