-- Báo cáo tổng hợp: the narrative of a plan's consolidated report for one period
-- (number, place and date, the written sections, the signature block and the
-- recipients). The tables of the report are never stored: they are built from the
-- data on every download, so only what a person wrote is kept here. One row per
-- (plan code, period key) so it survives plan amendments like the periods do.
-- Tenant key first in every key (see DISTRIBUTED.md).
CREATE TABLE consolidated_reports (
  tenant_id uuid NOT NULL,
  plan_code text NOT NULL,
  period_key text NOT NULL,
  document_number text NOT NULL DEFAULT '',
  place_name text NOT NULL,
  report_date date NOT NULL,
  opening text NOT NULL DEFAULT '',
  assessment text NOT NULL DEFAULT '',
  difficulties text NOT NULL DEFAULT '',
  proposals text NOT NULL DEFAULT '',
  next_tasks text NOT NULL DEFAULT '',
  signature jsonb NOT NULL,
  recipients jsonb NOT NULL DEFAULT '[]',
  -- Optimistic lock: every save bumps it and must name the one it read.
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (tenant_id, plan_code, period_key),
  CONSTRAINT consolidated_reports_period_fk FOREIGN KEY (tenant_id, plan_code, period_key)
    REFERENCES reporting_periods (tenant_id, plan_code, key) ON DELETE CASCADE,
  CONSTRAINT consolidated_reports_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT consolidated_reports_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT consolidated_reports_version CHECK (version >= 1)
);
