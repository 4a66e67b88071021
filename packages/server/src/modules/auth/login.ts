import { eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./session.repository.ts";

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

/**
 * Đăng nhập. A wrong username, a wrong password and a deactivated account all get
 * the same answer after the same amount of hashing work.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; idleMs: number; ip: string },
): Promise<{ cookieValue: string; csrfToken: string; userId: string }> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.username, input.username.toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  return db.transaction(async (tx) => {
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
    return { cookieValue: session.cookieValue, csrfToken: session.csrfToken, userId: user.id };
  });
}
