-- Which table row (and, for a target, which cell) an extracted target or task was
-- read from: {"table": "tbl-1", "row": 3, "column": 4}. The review screen highlights
-- it in the source, and a column the focal officer remaps re-extracts exactly the
-- items of that table. NULL for items from running text or added by hand.
ALTER TABLE plan_targets ADD COLUMN source_cell jsonb;
--> statement-breakpoint
ALTER TABLE plan_tasks ADD COLUMN source_cell jsonb;
