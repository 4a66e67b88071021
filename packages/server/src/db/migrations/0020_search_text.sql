-- Tìm kiếm (Ctrl+K) at province size: each thing searched keeps its text folded as the
-- domain folds it (text/fold.ts FOLD_TRANSLATION: decomposed, lower case, đ → d, the marks
-- Vietnamese letters carry dropped), so a search compares stored words instead of folding
-- every row it reads (a province's 4,000 reports and 5,000 tasks: ~40 µs a row). Generated
-- columns: every write, the import's and the bench's bulk inserts among them, keeps them true
-- without a line of application code; a restore recomputes them. search-text.test.ts holds
-- the letters below to FOLD_TRANSLATION.
-- plans: title, code and document number.
ALTER TABLE plans ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(title, '') || ' ' || coalesce(code, '') || ' ' || coalesce(document_number, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
--> statement-breakpoint
-- plan_targets: wording.
ALTER TABLE plan_targets ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(text, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
--> statement-breakpoint
-- plan_tasks: wording and the lead unit as the plan writes it.
ALTER TABLE plan_tasks ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(text, '') || ' ' || coalesce(lead_text, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
--> statement-breakpoint
-- org_units: name, short name and code.
ALTER TABLE org_units ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(code, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
--> statement-breakpoint
-- reporting_periods: label.
ALTER TABLE reporting_periods ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(label, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
--> statement-breakpoint
-- users: name, username and e-mail.
ALTER TABLE users ADD COLUMN search_text text GENERATED ALWAYS AS (
  translate(lower(normalize(coalesce(full_name, '') || ' ' || coalesce(username, '') || ' ' || coalesce(email, ''), NFD)), E'\u0111\u0110\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323', 'dd')
) STORED;
