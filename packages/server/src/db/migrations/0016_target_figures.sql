-- Figures are read, not recomputed (issue 15): each target's figure per plan × period,
-- rolled up from the units' reports by the indicator's rule (domain attainment/roll-up.ts
-- periodFigure), twice — over the submitted and approved reports (leaders, the province
-- view) and over the approved ones only (the public page). Rewritten in the transaction
-- that changes a counted report (submit, approve, return, reopen) or a plan's published
-- version (publication, amendment), so a read never lags. (A reassignment moves only
-- unsubmitted reports; who is expected to report stays a rule applied on reading.)
-- The data step fills it for existing reports.
CREATE TABLE target_figures (
  tenant_id uuid NOT NULL,
  plan_code text NOT NULL,
  period_id uuid NOT NULL,
  target_key uuid NOT NULL,
  approved_only boolean NOT NULL,
  value double precision,
  numerator double precision,
  denominator double precision,
  reporting_units integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, period_id, target_key, approved_only),
  CONSTRAINT target_figures_period_fk FOREIGN KEY (tenant_id, period_id)
    REFERENCES reporting_periods (tenant_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
-- A plan's figures over all its periods (the dashboard's trend, the province view).
CREATE INDEX target_figures_plan_idx ON target_figures (tenant_id, plan_code, approved_only);
