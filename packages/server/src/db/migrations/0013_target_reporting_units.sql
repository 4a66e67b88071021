-- Đơn vị báo cáo chỉ tiêu (issue 13): which units report each target is stored, chosen in
-- review and amended after publication, instead of being inferred from the units whose
-- tasks share the target's pillar. One row per (plan version, target, unit): an amendment
-- copies its version's rows like the targets themselves. The data step fills the rows of
-- every existing plan from the old rule, so nothing changes for existing data.
-- A target's key is unique within its plan version; the assignments reference it.
CREATE UNIQUE INDEX plan_targets_plan_key_idx ON plan_targets (tenant_id, plan_id, key);
--> statement-breakpoint
CREATE TABLE plan_target_units (
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  target_key uuid NOT NULL,
  unit_id uuid NOT NULL,
  assigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, plan_id, target_key, unit_id),
  CONSTRAINT plan_target_units_target_fk FOREIGN KEY (tenant_id, plan_id, target_key)
    REFERENCES plan_targets (tenant_id, plan_id, key) ON DELETE CASCADE,
  CONSTRAINT plan_target_units_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id)
);
--> statement-breakpoint
-- A unit's targets across plans (its report form, the reassignment of a closed unit's work).
CREATE INDEX plan_target_units_unit_idx ON plan_target_units (tenant_id, unit_id);
--> statement-breakpoint
-- Nhập thay (issue 13): the focal officer who filled and submitted the report of a unit
-- without an account (a partner, a commune without staff yet); null when the unit's own
-- reporter did.
ALTER TABLE unit_reports ADD COLUMN on_behalf_by uuid REFERENCES users (id) ON DELETE SET NULL;
