import type { TCreateUser, TGrant, TResetPassword, TUpdateUser, TUser } from "@dtplan/contracts";
import { eq } from "drizzle-orm";
import { oneConnectionPerWorker } from "../../db/citus.ts";
import type { Database } from "../../db/database.ts";
import { type UserRow, users } from "../../db/schema.ts";
import { conflict, forbidden, notFound, pgErrorCode } from "../../errors.ts";
import { grantsOfUsers } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { assertAcceptablePassword, hashPassword } from "../auth/password.ts";
import { deleteUserSessions } from "../auth/session.repository.ts";
import { findUnitsByIds } from "../org/org.repository.ts";
import { auditUser, presentUser } from "./users.presenter.ts";
import { findUserById, replaceGrants } from "./users.repository.ts";

async function resolveGrants(db: Database, grants: readonly TGrant[]) {
  const units = new Map(
    (
      await findUnitsByIds(
        db,
        grants.map((g) => g.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  return grants.map((g) => {
    const unit = units.get(g.unitId);
    if (!unit) throw notFound("Không tìm thấy đơn vị được cấp vai trò.");
    return { tenantId: unit.tenantId, unitId: unit.id, role: g.role };
  });
}

async function present(db: Database, row: UserRow): Promise<TUser> {
  return presentUser(row, (await grantsOfUsers(db, [row.id])).get(row.id) ?? []);
}

/** Only a superadministrator may change a superadministrator's account. */
function assertMayManage(actor: Actor, target: UserRow): void {
  if (target.isSuperadmin && !actor.isSuperadmin) {
    throw forbidden("Chỉ quản trị viên cấp cao nhất mới thay đổi được tài khoản quản trị viên cấp cao nhất.");
  }
}

/** Tạo tài khoản. The route has checked the actor may grant every role asked for. */
export async function createUser(
  db: Database,
  { actor, input }: { actor: Actor; input: TCreateUser },
): Promise<TUser> {
  assertAcceptablePassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      // The grants' units are found across provinces before the account (a reference table) is written.
      await oneConnectionPerWorker(tx);
      const grants = await resolveGrants(tx, input.grants);
      const [row] = await tx
        .insert(users)
        .values({
          tenantId: grants[0].tenantId,
          username: input.username,
          fullName: input.fullName,
          email: input.email ?? null,
          passwordHash,
        })
        .returning();
      await replaceGrants(tx, row.id, grants);
      const user = await present(tx, row);
      await recordAudit(tx, {
        tenantId: row.tenantId,
        actorId: actor.id,
        action: "user.create",
        entity: "user",
        entityId: row.id,
        unitId: grants[0].unitId,
        after: auditUser(user),
      });
      return user;
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict(`Tên đăng nhập "${input.username}" đã được dùng.`);
    throw error;
  }
}

/** Sửa tài khoản: name, e-mail, active, and the grants (replaced as a whole). */
export async function updateUser(
  db: Database,
  { actor, userId, input }: { actor: Actor; userId: string; input: TUpdateUser },
): Promise<TUser> {
  return db.transaction(async (tx) => {
    // The account's grants are read across provinces before the account (a reference table) is written.
    await oneConnectionPerWorker(tx);
    const row = await findUserById(tx, userId);
    if (!row) throw notFound("Không tìm thấy tài khoản.");
    assertMayManage(actor, row);
    const before = await present(tx, row);
    const changes: Partial<UserRow> = {};
    if (input.fullName !== undefined) changes.fullName = input.fullName;
    if (input.email !== undefined) changes.email = input.email;
    if (input.active !== undefined) changes.active = input.active;
    const [updated] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (input.grants) await replaceGrants(tx, userId, await resolveGrants(tx, input.grants));
    if (input.active === false) await deleteUserSessions(tx, row);
    const after = await present(tx, updated);
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: actor.id,
      action: "user.update",
      entity: "user",
      entityId: row.id,
      unitId: after.grants[0]?.unitId ?? before.grants[0]?.unitId ?? null,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
}

/** Đặt lại mật khẩu: the user's sessions end; the log records that it happened, never a hash. */
export async function resetPassword(
  db: Database,
  { actor, userId, input }: { actor: Actor; userId: string; input: TResetPassword },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findUserById(tx, userId);
    if (!row) throw notFound("Không tìm thấy tài khoản.");
    assertMayManage(actor, row);
    assertAcceptablePassword(input.newPassword, row.username, "newPassword");
    const passwordHash = await hashPassword(input.newPassword);
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await deleteUserSessions(tx, row);
    const grants = (await grantsOfUsers(tx, [userId])).get(userId) ?? [];
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: actor.id,
      action: "user.reset_password",
      entity: "user",
      entityId: row.id,
      unitId: grants[0]?.unitId ?? null,
      before: { username: row.username },
      after: { username: row.username, passwordReset: true },
    });
  });
}
