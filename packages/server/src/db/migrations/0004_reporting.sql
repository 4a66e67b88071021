-- Reporting: periods of a plan (from its reporting rules, by plan code so they
-- survive amendments), each unit's report per period with its task progress and
-- indicator figures, and the history of every transition. Tenant key first in every
-- primary and foreign key (see DISTRIBUTED.md).

-- Kỳ báo cáo. `key` is the calendar's (`2025-Q2`) or an ad hoc one (`2025-A1`).
CREATE TABLE reporting_periods (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_code text NOT NULL,
  key text NOT NULL,
  label text NOT NULL,
  frequency text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  due_date date NOT NULL,
  adhoc boolean NOT NULL DEFAULT false,
  adjusted_by uuid,
  adjusted_at timestamptz,
  adjust_reason text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT reporting_periods_key_unique UNIQUE (tenant_id, plan_code, key),
  CONSTRAINT reporting_periods_adjusted_by_fk FOREIGN KEY (adjusted_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT reporting_periods_frequency CHECK (frequency IN ('monthly', 'quarterly', 'semiannual', 'annual', 'adhoc')),
  CONSTRAINT reporting_periods_dates CHECK (start_date <= end_date AND due_date >= start_date)
);
--> statement-breakpoint
CREATE INDEX reporting_periods_plan_idx ON reporting_periods (tenant_id, plan_code, due_date);
--> statement-breakpoint

-- Báo cáo của đơn vị for one period. `version` is the optimistic lock: every write
-- bumps it and must name the one it read.
CREATE TABLE unit_reports (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  period_id uuid NOT NULL,
  plan_code text NOT NULL,
  unit_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  difficulties text NOT NULL DEFAULT '',
  proposals text NOT NULL DEFAULT '',
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid,
  reviewed_at timestamptz,
  reviewed_by uuid,
  return_comment text,
  locked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT unit_reports_period_unit_unique UNIQUE (tenant_id, period_id, unit_id),
  CONSTRAINT unit_reports_period_fk FOREIGN KEY (tenant_id, period_id) REFERENCES reporting_periods (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT unit_reports_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT unit_reports_submitted_by_fk FOREIGN KEY (submitted_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT unit_reports_reviewed_by_fk FOREIGN KEY (reviewed_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT unit_reports_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT unit_reports_status CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  CONSTRAINT unit_reports_version CHECK (version >= 1)
);
--> statement-breakpoint
CREATE INDEX unit_reports_unit_idx ON unit_reports (tenant_id, unit_id);
--> statement-breakpoint

-- Tiến độ nhiệm vụ trong báo cáo: a task by its stable key.
CREATE TABLE unit_report_tasks (
  tenant_id uuid NOT NULL,
  report_id uuid NOT NULL,
  task_key uuid NOT NULL,
  progress integer,
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, report_id, task_key),
  CONSTRAINT unit_report_tasks_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES unit_reports (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT unit_report_tasks_progress CHECK (progress IS NULL OR progress BETWEEN 0 AND 100)
);
--> statement-breakpoint

-- Số liệu chỉ tiêu: a target by its stable key, with the indicator it was reported against.
CREATE TABLE unit_report_values (
  tenant_id uuid NOT NULL,
  report_id uuid NOT NULL,
  target_key uuid NOT NULL,
  indicator_code text NOT NULL,
  numerator numeric,
  denominator numeric,
  value numeric,
  note text,
  evidence_file_ids jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, report_id, target_key),
  CONSTRAINT unit_report_values_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES unit_reports (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT unit_report_values_indicator_fk FOREIGN KEY (tenant_id, indicator_code) REFERENCES indicators (tenant_id, code),
  CONSTRAINT unit_report_values_ratio CHECK (
    (numerator IS NULL OR numerator >= 0) AND (denominator IS NULL OR denominator >= 0)
    AND (numerator IS NULL OR denominator IS NULL OR numerator <= denominator))
);
--> statement-breakpoint

-- Lịch sử báo cáo: every transition, oldest first. Reminders (later) read it with
-- the periods' due dates to know who has not submitted.
CREATE TABLE report_events (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL,
  period_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  comment text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT report_events_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES unit_reports (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT report_events_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT report_events_action CHECK (action IN ('created', 'submitted', 'returned', 'approved', 'reopened'))
);
--> statement-breakpoint
CREATE INDEX report_events_report_idx ON report_events (tenant_id, report_id, at);
--> statement-breakpoint
CREATE INDEX report_events_period_idx ON report_events (tenant_id, period_id, at);
