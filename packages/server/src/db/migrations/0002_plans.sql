-- Plans: the indicator catalogue, plans (one row per version), their targets, tasks,
-- legal bases, reporting rules and budget, and the frozen snapshot of each published
-- version. Tenant key first in every primary and foreign key (see DISTRIBUTED.md).

-- Chỉ số: the national catalogue is copied into each tenant on first use, beside the
-- tenant's own local indicators, so targets reference (tenant_id, code) on one shard.
CREATE TABLE indicators (
  tenant_id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL,
  pillar text NOT NULL,
  aggregation text NOT NULL,
  direction text NOT NULL,
  numerator_label text,
  denominator_label text,
  keywords jsonb NOT NULL DEFAULT '[]',
  scope_keywords jsonb NOT NULL DEFAULT '[]',
  origin text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code),
  CONSTRAINT indicators_aggregation CHECK (aggregation IN ('ratio', 'sum', 'average', 'latest', 'boolean')),
  CONSTRAINT indicators_direction CHECK (direction IN ('increase', 'decrease')),
  CONSTRAINT indicators_origin CHECK (origin IN ('national', 'local'))
);
--> statement-breakpoint

-- Kế hoạch: one row per version; rows of one plan share `code`. Only the newest
-- version may be a draft; publishing it supersedes the one before.
CREATE TABLE plans (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'draft',
  title text NOT NULL,
  kind text NOT NULL,
  unit_id uuid NOT NULL,
  period_start integer,
  period_end integer,
  vision_year integer,
  parent_plan_code text,
  implements_plan_code text,
  document_number text,
  issued_date date,
  signer_name text,
  signer_title text,
  issuer text,
  locality text,
  objectives jsonb NOT NULL DEFAULT '[]',
  source_text text NOT NULL DEFAULT '',
  source_file_name text,
  source_format text,
  extraction jsonb,
  amendment_reason text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT plans_code_version_unique UNIQUE (tenant_id, code, version),
  CONSTRAINT plans_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT plans_kind CHECK (kind IN ('multi_year', 'annual')),
  CONSTRAINT plans_status CHECK (status IN ('draft', 'published', 'superseded')),
  CONSTRAINT plans_code_format CHECK (code ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE INDEX plans_unit_idx ON plans (tenant_id, unit_id);
--> statement-breakpoint
CREATE INDEX plans_document_number_idx ON plans (tenant_id, document_number);
--> statement-breakpoint

-- The frozen plan of each published version, with what changed from the one before.
CREATE TABLE plan_versions (
  tenant_id uuid NOT NULL,
  code text NOT NULL,
  version integer NOT NULL,
  plan_id uuid NOT NULL,
  snapshot jsonb NOT NULL,
  diff jsonb,
  reason text,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid,
  PRIMARY KEY (tenant_id, code, version),
  CONSTRAINT plan_versions_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id)
);
--> statement-breakpoint

-- Chỉ tiêu. `key` stays the same across versions, so amendments can be diffed.
CREATE TABLE plan_targets (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  key uuid NOT NULL DEFAULT gen_random_uuid(),
  position integer NOT NULL,
  pillar text NOT NULL,
  section text,
  text text NOT NULL,
  value numeric,
  unit text,
  comparator text,
  year integer,
  scope text,
  indicator_code text,
  indicator_score real,
  indicator_confirmed boolean NOT NULL DEFAULT false,
  indicator_suggestions jsonb NOT NULL DEFAULT '[]',
  source_start integer,
  source_end integer,
  confidence real NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT plan_targets_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT plan_targets_indicator_fk FOREIGN KEY (tenant_id, indicator_code) REFERENCES indicators (tenant_id, code),
  CONSTRAINT plan_targets_comparator CHECK (comparator IS NULL OR comparator IN ('>=', '>', '<=', '<'))
);
--> statement-breakpoint
CREATE INDEX plan_targets_plan_idx ON plan_targets (tenant_id, plan_id, position);
--> statement-breakpoint

-- Nhiệm vụ. Coordinators are a JSON list of {text, unitId, score}; progress and
-- completed_at are filled by task tracking later.
CREATE TABLE plan_tasks (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  key uuid NOT NULL DEFAULT gen_random_uuid(),
  position integer NOT NULL,
  pillar text NOT NULL,
  section text,
  kind text NOT NULL DEFAULT 'task',
  text text NOT NULL,
  lead_unit_id uuid,
  lead_text text,
  lead_score real,
  lead_none boolean NOT NULL DEFAULT false,
  lead_suggestions jsonb NOT NULL DEFAULT '[]',
  coordinators jsonb NOT NULL DEFAULT '[]',
  deadline_text text,
  deadline_date date,
  recurring boolean NOT NULL DEFAULT false,
  cadence text,
  source_start integer,
  source_end integer,
  confidence real NOT NULL DEFAULT 1,
  progress integer,
  completed_at date,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT plan_tasks_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT plan_tasks_lead_fk FOREIGN KEY (tenant_id, lead_unit_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT plan_tasks_kind CHECK (kind IN ('task', 'solution')),
  CONSTRAINT plan_tasks_progress CHECK (progress IS NULL OR progress BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX plan_tasks_plan_idx ON plan_tasks (tenant_id, plan_id, position);
--> statement-breakpoint
CREATE INDEX plan_tasks_lead_idx ON plan_tasks (tenant_id, lead_unit_id);
--> statement-breakpoint

-- Căn cứ: linked_plan_code when the number is a plan already in dtplan.
CREATE TABLE plan_legal_bases (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  position integer NOT NULL,
  type text NOT NULL,
  number text,
  date date,
  issuer text,
  text text NOT NULL,
  linked_plan_code text,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT plan_legal_bases_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE
);
--> statement-breakpoint

CREATE TABLE plan_reporting_rules (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  position integer NOT NULL,
  frequency text NOT NULL,
  due_day integer,
  due_month integer,
  due_last_of_period boolean NOT NULL DEFAULT false,
  text text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT plan_reporting_rules_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT plan_reporting_rules_frequency CHECK (frequency IN ('monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'))
);
--> statement-breakpoint

-- Kinh phí: the plan's total and sources; line items come later.
CREATE TABLE plan_budget (
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  total bigint,
  currency text NOT NULL DEFAULT 'VND',
  sources jsonb NOT NULL DEFAULT '[]',
  text text,
  PRIMARY KEY (tenant_id, plan_id),
  CONSTRAINT plan_budget_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE
);
