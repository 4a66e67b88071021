-- The indicator catalogue is written when a province is created, never by a read; the
-- search over it runs in SQL on a folded copy of each indicator's code and name. This
-- file adds that column; the code step (0010_indicator_catalogue.ts) folds the existing
-- rows and copies the national catalogue into every province that lacks it.
ALTER TABLE indicators ADD COLUMN search_text text NOT NULL DEFAULT '';
--> statement-breakpoint
CREATE INDEX indicators_pillar_idx ON indicators (tenant_id, pillar, code);
