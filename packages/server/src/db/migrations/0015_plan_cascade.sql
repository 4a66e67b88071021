-- Kế hoạch tỉnh → kế hoạch xã (issue 13 item 4). The plan a commune plan implements is read
-- from its legal basis at import ("Căn cứ Kế hoạch số 285/KH-UBND …" → plans.implements_plan_code);
-- the focal officer confirms or changes it in review, recorded here.
ALTER TABLE plans ADD COLUMN implements_confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE plans ADD COLUMN implements_confirmed_at timestamptz;
--> statement-breakpoint
-- Chỉ tiêu tương ứng confirmed by the focal officer: which target of the higher plan a target of
-- the implementing plan serves (null: none). By plan code and target key, which every version
-- of a plan keeps, so a link outlives amendments of either plan. Without a row, a target on
-- the same catalogue indicator as a higher target counts as its match, unconfirmed.
CREATE TABLE plan_target_links (
  tenant_id uuid NOT NULL,
  plan_code text NOT NULL,
  target_key uuid NOT NULL,
  higher_plan_code text NOT NULL,
  higher_target_key uuid,
  confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, plan_code, target_key)
);
--> statement-breakpoint
-- The province plan's cascade reads the links into it.
CREATE INDEX plan_target_links_higher_idx ON plan_target_links (tenant_id, higher_plan_code);
