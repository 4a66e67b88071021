import { eq } from "drizzle-orm";
import type { SignInLimits } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { verifyPassword } from "./password.ts";
import { createSession, loadActor, parseSessionCookie } from "./session.repository.ts";
import { clearSignInFailures, recordSignInFailure, signInRetryAfterMs } from "./sign-in-throttle.ts";

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

/** 429 with Retry-After: also what a password change answers once its guesses are spent. */
export function tooManyFailures(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const error = new AppError(
    "rate_limited",
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
  return Object.assign(error, { headers: { "retry-after": String(Math.ceil(retryAfterMs / 1000)) } });
}

/**
 * Đăng nhập. A wrong username, a wrong password and a deactivated account all get
 * the same answer after the same amount of hashing work. Only failures count towards
 * the limits (per account and address, per account, per address across usernames);
 * a success clears its account's count. A failure on a known account is in its
 * province's audit log.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; idleMs: number; ip: string; limits: SignInLimits },
): Promise<{ cookieValue: string; actor: Actor }> {
  const attempt = { username: input.username, address: input.ip };
  const wait = await signInRetryAfterMs(db, attempt, input.limits);
  if (wait > 0) throw tooManyFailures(wait);
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.username, input.username.toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      await recordSignInFailure(tx, attempt, input.limits.windowMs);
      if (user) {
        await recordAudit(tx, {
          tenantId: user.tenantId,
          actorId: null,
          action: "auth.login_failed",
          entity: "user",
          entityId: user.id,
          after: { username: user.username, ip: input.ip, reason: ok ? "inactive" : "wrong_password" },
        });
      }
    });
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  const session = await db.transaction(async (tx) => {
    await clearSignInFailures(tx, attempt);
    const session = await createSession(tx, {
      tenantId: user.tenantId,
      userId: user.id,
      idleMs: input.idleMs,
    });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: user.id,
      action: "auth.login",
      entity: "session",
      entityId: session.sessionId,
      after: { username: user.username, ip: input.ip },
    });
    return session;
  });
  // The session as every later request will see it (roles, province, CSRF token).
  const cookie = parseSessionCookie(session.cookieValue);
  const actor = cookie && (await loadActor(db, cookie, input.idleMs));
  if (!actor) throw new AppError("internal");
  return { cookieValue: session.cookieValue, actor };
}
