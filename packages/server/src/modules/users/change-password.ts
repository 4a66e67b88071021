import type { TChangePassword } from "@dtplan/contracts";
import { eq } from "drizzle-orm";
import type { SignInLimits } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { tooManyFailures } from "../auth/login.ts";
import { assertAcceptablePassword, fieldRefusal, hashPassword, verifyPassword } from "../auth/password.ts";
import { deleteOtherSessions } from "../auth/session.repository.ts";
import { recordSignInFailure, signInRetryAfterMs } from "../auth/sign-in-throttle.ts";

/**
 * Đổi mật khẩu of the signed-in user. A wrong current password counts as a failed sign-in
 * (same limits, same waiting time), so a stolen session cannot be used to guess it. The
 * new password follows the same rules as any other; the other devices' sessions end, the
 * one in use stays; the log records that it happened, never a hash.
 */
export async function changeOwnPassword(
  db: Database,
  { actor, input, ip, limits }: { actor: Actor; input: TChangePassword; ip: string; limits: SignInLimits },
): Promise<void> {
  const attempt = { username: actor.username, address: ip };
  const wait = await signInRetryAfterMs(db, attempt, limits);
  if (wait > 0) throw tooManyFailures(wait);
  const [row] = await db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw notFound("Không tìm thấy tài khoản.");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await db.transaction(async (tx) => {
      await recordSignInFailure(tx, attempt, limits.windowMs);
      await recordAudit(tx, {
        tenantId: row.tenantId,
        actorId: actor.id,
        action: "user.change_password_failed",
        entity: "user",
        entityId: row.id,
        unitId: actor.grants[0]?.unitId ?? null,
        after: { username: row.username, ip },
      });
    });
    throw fieldRefusal("currentPassword", {
      vi: "Mật khẩu hiện tại không đúng",
      en: "The current password is wrong",
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw fieldRefusal("newPassword", {
      vi: "Mật khẩu mới phải khác mật khẩu hiện tại",
      en: "The new password must differ from the current one",
    });
  }
  assertAcceptablePassword(input.newPassword, row.username, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.id));
    await deleteOtherSessions(tx, row, actor.session.id);
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: actor.id,
      action: "user.change_password",
      entity: "user",
      entityId: row.id,
      unitId: actor.grants[0]?.unitId ?? null,
      after: { username: row.username, otherSessionsEnded: true },
    });
  });
}
