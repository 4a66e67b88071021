import type { SignInFailureScope } from "@dtplan/domain/access/sign-in.ts";
import { sql } from "drizzle-orm";
import type { SignInLimits } from "../../config.ts";
import { type Database, queryRows } from "../../db/database.ts";

function keysOf(attempt: { username: string; address: string }): [SignInFailureScope, string][] {
  const username = attempt.username.toLowerCase().slice(0, 200);
  return [
    ["pair", `${attempt.address}|${username}`],
    ["account", username],
    ["address", attempt.address],
  ];
}

const LIMIT: Record<SignInFailureScope, (l: SignInLimits) => number> = {
  pair: (l) => l.perAccountAndAddress,
  account: (l) => l.perAccount,
  address: (l) => l.perAddress,
};

const windowInterval = (windowMs: number) => sql`make_interval(secs => ${windowMs / 1000}::double precision)`;

/**
 * Milliseconds until this attempt may be made, or 0 when it may be made now. The count
 * lives in the database (sign_in_failures), so every process sees the same one.
 */
export async function signInRetryAfterMs(
  db: Database,
  attempt: { username: string; address: string },
  limits: SignInLimits,
): Promise<number> {
  const keys = keysOf(attempt);
  const rows = await queryRows<{ scope: SignInFailureScope; failures: number; remaining_ms: number }>(
    db,
    sql`SELECT scope, failures,
          (extract(epoch FROM (window_started_at + ${windowInterval(limits.windowMs)} - now())) * 1000)::float8 AS remaining_ms
        FROM sign_in_failures
        WHERE (scope, key) IN (${sql.join(
          keys.map(([scope, key]) => sql`(${scope}, ${key})`),
          sql`, `,
        )})
          AND window_started_at > now() - ${windowInterval(limits.windowMs)}`,
  );
  let wait = 0;
  for (const row of rows) {
    if (Number(row.failures) >= LIMIT[row.scope](limits)) wait = Math.max(wait, Number(row.remaining_ms));
  }
  return Math.max(0, Math.ceil(wait));
}

/** Counts one failed sign-in in each of its three scopes (a window that has ended starts again). */
export async function recordSignInFailure(
  db: Database,
  attempt: { username: string; address: string },
  windowMs: number,
): Promise<void> {
  const expired = sql`sign_in_failures.window_started_at <= now() - ${windowInterval(windowMs)}`;
  await db.execute(sql`
    INSERT INTO sign_in_failures (scope, key, failures, window_started_at, last_failed_at)
    VALUES ${sql.join(
      keysOf(attempt).map(([scope, key]) => sql`(${scope}, ${key}, 1, now(), now())`),
      sql`, `,
    )}
    ON CONFLICT (scope, key) DO UPDATE SET
      failures = CASE WHEN ${expired} THEN 1 ELSE sign_in_failures.failures + 1 END,
      window_started_at = CASE WHEN ${expired} THEN now() ELSE sign_in_failures.window_started_at END,
      last_failed_at = now()`);
  // Keep the table small: rows whose window ended long ago count for nothing.
  await db.execute(
    sql`DELETE FROM sign_in_failures WHERE window_started_at < now() - ${windowInterval(windowMs * 2)}`,
  );
}

/** A successful sign-in clears its account's counts; the address's budget stays spent. */
export async function clearSignInFailures(
  db: Database,
  attempt: { username: string; address: string },
): Promise<void> {
  const [[, pair], [, account]] = keysOf(attempt);
  await db.execute(
    sql`DELETE FROM sign_in_failures WHERE (scope = 'pair' AND key = ${pair}) OR (scope = 'account' AND key = ${account})`,
  );
}
