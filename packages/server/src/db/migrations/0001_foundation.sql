-- Foundation: organisation tree, accounts, sessions, audit log.
-- Every tenant table carries tenant_id (the top-level org unit) in its primary key
-- and in its foreign keys, so each can be distributed by tenant_id (see DISTRIBUTED.md).
-- Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18): nothing newer than 15 here.

CREATE TABLE org_units (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id uuid,
  code text NOT NULL,
  name text NOT NULL,
  short_name text,
  kind text NOT NULL,
  valid_from date,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT org_units_code_unique UNIQUE (tenant_id, code),
  CONSTRAINT org_units_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES org_units (tenant_id, id),
  -- A top-level unit is its own tenant; every other unit has a parent.
  CONSTRAINT org_units_root_is_tenant CHECK ((parent_id IS NULL) = (id = tenant_id)),
  CONSTRAINT org_units_valid_range CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
--> statement-breakpoint
CREATE INDEX org_units_parent_idx ON org_units (tenant_id, parent_id);
--> statement-breakpoint
CREATE INDEX org_units_id_idx ON org_units (id);
--> statement-breakpoint

-- successor carries on the history of predecessor from effective_date.
CREATE TABLE org_unit_lineage (
  tenant_id uuid NOT NULL,
  predecessor_id uuid NOT NULL,
  successor_id uuid NOT NULL,
  event text NOT NULL,
  effective_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, predecessor_id, successor_id),
  CONSTRAINT org_unit_lineage_event CHECK (event IN ('merge', 'split')),
  CONSTRAINT org_unit_lineage_not_self CHECK (predecessor_id <> successor_id),
  CONSTRAINT org_unit_lineage_predecessor_fk FOREIGN KEY (tenant_id, predecessor_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT org_unit_lineage_successor_fk FOREIGN KEY (tenant_id, successor_id) REFERENCES org_units (tenant_id, id)
);
--> statement-breakpoint
CREATE INDEX org_unit_lineage_successor_idx ON org_unit_lineage (tenant_id, successor_id);
--> statement-breakpoint

-- Accounts are few and looked up by username at login, before any tenant is known:
-- on a distributed engine this is a reference table (replicated), so usernames stay
-- globally unique and the tenant tables may reference it.
CREATE TABLE users (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  username text NOT NULL,
  full_name text NOT NULL,
  email text,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  is_superadmin boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT users_id_unique UNIQUE (id),
  CONSTRAINT users_username_unique UNIQUE (username)
);
--> statement-breakpoint

-- A role held on a unit and its subtree; keyed by the unit's tenant, so one user may
-- hold grants in several provinces.
CREATE TABLE role_grants (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, unit_id, role),
  CONSTRAINT role_grants_role CHECK (role IN ('administrator', 'focal_officer', 'unit_reporter', 'leader', 'province_viewer')),
  CONSTRAINT role_grants_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  CONSTRAINT role_grants_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX role_grants_user_idx ON role_grants (user_id);
--> statement-breakpoint

-- The cookie holds "<tenant_id>.<token>"; only a SHA-256 of the token is stored.
CREATE TABLE sessions (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT sessions_token_unique UNIQUE (tenant_id, token_hash),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX sessions_user_idx ON sessions (user_id);
--> statement-breakpoint

-- Nhật ký: every change, written in the same transaction as the change itself.
CREATE TABLE audit_log (
  tenant_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  -- The org unit the change concerns, so officers see the changes within their reach.
  unit_id uuid,
  before jsonb,
  after jsonb,
  PRIMARY KEY (tenant_id, id)
);
--> statement-breakpoint
CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity, entity_id);
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at DESC);
