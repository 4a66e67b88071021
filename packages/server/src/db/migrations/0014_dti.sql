-- DTI (Chỉ số chuyển đổi số): frameworks as trees of scored nodes, versioned by year;
-- assessment rounds of a framework over a set of units; each unit's self-assessment per
-- criterion with its verification. Tenant key first in every primary and foreign key
-- (see DISTRIBUTED.md). The code step (0014_dti.ts) seeds the frameworks into every
-- existing province, as province creation does from now on.

-- Bộ chỉ số of one year. `version` is the optimistic lock of edits.
CREATE TABLE dti_frameworks (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  year integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  subject text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  copied_from_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT dti_frameworks_code_year_unique UNIQUE (tenant_id, code, year),
  CONSTRAINT dti_frameworks_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_frameworks_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_frameworks_subject CHECK (subject IN ('province', 'units')),
  CONSTRAINT dti_frameworks_version CHECK (version >= 1)
);
--> statement-breakpoint

-- A node of a framework's tree (pillar, main index, sub-index, criterion), by code within
-- its framework. `max_points` is as written (null on aggregates that compute it); the
-- rule's parameters are in `rule`, its kind also in `rule_kind` so SQL can hold it closed.
CREATE TABLE dti_nodes (
  tenant_id uuid NOT NULL,
  framework_id uuid NOT NULL,
  code text NOT NULL,
  parent_code text,
  position integer NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  max_points numeric,
  weight numeric,
  rule_kind text NOT NULL,
  rule jsonb NOT NULL,
  evidence_required text NOT NULL DEFAULT '',
  guidance text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, framework_id, code),
  CONSTRAINT dti_nodes_framework_fk FOREIGN KEY (tenant_id, framework_id) REFERENCES dti_frameworks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT dti_nodes_kind CHECK (kind IN ('pillar', 'main_index', 'sub_index', 'criterion')),
  CONSTRAINT dti_nodes_rule_kind CHECK (rule_kind IN ('levels', 'ratio', 'boolean', 'thresholds', 'indicator', 'sum', 'average', 'weighted')),
  CONSTRAINT dti_nodes_points CHECK ((max_points IS NULL OR max_points >= 0) AND (weight IS NULL OR weight >= 0))
);
--> statement-breakpoint

-- Đợt đánh giá: a framework applied to a year's data of some units.
CREATE TABLE dti_rounds (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL,
  year integer NOT NULL,
  name text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  start_date date NOT NULL,
  due_date date NOT NULL,
  opened_at timestamptz,
  closed_at timestamptz,
  published_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT dti_rounds_framework_fk FOREIGN KEY (tenant_id, framework_id) REFERENCES dti_frameworks (tenant_id, id),
  CONSTRAINT dti_rounds_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_rounds_status CHECK (status IN ('draft', 'open', 'closed', 'published')),
  CONSTRAINT dti_rounds_dates CHECK (due_date >= start_date)
);
--> statement-breakpoint
CREATE INDEX dti_rounds_framework_idx ON dti_rounds (tenant_id, framework_id);
--> statement-breakpoint

-- A unit assessed in a round, with its self-assessment's state. `id` names it as the
-- owner of its evidence files; `version` is the optimistic lock of its saves and verifications.
CREATE TABLE dti_round_units (
  tenant_id uuid NOT NULL,
  round_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  status text,
  version integer NOT NULL DEFAULT 1,
  submitted_at timestamptz,
  submitted_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (tenant_id, round_id, unit_id),
  CONSTRAINT dti_round_units_id_unique UNIQUE (tenant_id, id),
  CONSTRAINT dti_round_units_round_fk FOREIGN KEY (tenant_id, round_id) REFERENCES dti_rounds (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT dti_round_units_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT dti_round_units_submitted_by_fk FOREIGN KEY (submitted_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_round_units_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_round_units_status CHECK (status IN ('draft', 'submitted', 'returned')),
  CONSTRAINT dti_round_units_version CHECK (version >= 1)
);
--> statement-breakpoint
CREATE INDEX dti_round_units_unit_idx ON dti_round_units (tenant_id, unit_id);
--> statement-breakpoint

-- One criterion of a unit's self-assessment and its verification. `self_points` is computed
-- from the entry by the framework's rule on every save (never typed); `auto_source` is the
-- report figure an automatic criterion took, frozen when the round closes.
CREATE TABLE dti_entries (
  tenant_id uuid NOT NULL,
  round_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  node_code text NOT NULL,
  value numeric,
  level text,
  numerator numeric,
  denominator numeric,
  achieved boolean,
  explanation text NOT NULL DEFAULT '',
  evidence jsonb NOT NULL DEFAULT '[]',
  self_points numeric,
  auto_source jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  verification_outcome text,
  verified_points numeric,
  verification_comment text,
  verified_by uuid,
  verified_at timestamptz,
  PRIMARY KEY (tenant_id, round_id, unit_id, node_code),
  CONSTRAINT dti_entries_round_unit_fk FOREIGN KEY (tenant_id, round_id, unit_id) REFERENCES dti_round_units (tenant_id, round_id, unit_id) ON DELETE CASCADE,
  CONSTRAINT dti_entries_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_entries_verified_by_fk FOREIGN KEY (verified_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT dti_entries_verification_outcome CHECK (verification_outcome IN ('accepted', 'adjusted', 'returned')),
  CONSTRAINT dti_entries_points CHECK ((self_points IS NULL OR self_points >= 0) AND (verified_points IS NULL OR verified_points >= 0))
);
--> statement-breakpoint

-- A unit's self-assessment keeps its evidence files in the evidence module.
ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_owner_type;
--> statement-breakpoint
ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_owner_type CHECK (owner_type IN ('task', 'report', 'dti'));
