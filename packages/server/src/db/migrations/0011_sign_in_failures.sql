-- Failed sign-ins, counted in the database so every server process shares one count
-- and a restart keeps it. One row per (scope, key) and fixed window:
--   scope 'pair'    key '<address>|<username>'  — one client guessing one account;
--   scope 'account' key '<username>'            — one account guessed from many addresses;
--   scope 'address' key '<address>'             — one address trying many usernames (spraying).
-- A successful sign-in clears the 'pair' and 'account' rows of that account; the
-- address's budget is not refilled by signing in to an account one holds.
-- Not a tenant table: the username tried may name no account, so there is no tenant
-- (see DISTRIBUTED.md: a local table on the coordinator).
CREATE TABLE sign_in_failures (
  scope text NOT NULL CHECK (scope IN ('pair', 'account', 'address')),
  key text NOT NULL,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  last_failed_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
--> statement-breakpoint
CREATE INDEX sign_in_failures_window_idx ON sign_in_failures (window_started_at);
