import type { TUpdateUser, TUser, TUserList, TUserListQuery } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";
import { grantsOfUsers } from "../access/access.repository.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { presentUser } from "./users.presenter.ts";
import { findUserById, listUsers } from "./users.repository.ts";

/** Danh sách tài khoản: accounts holding a role within the actor's `users.read` reach. */
export async function listVisibleUsers(
  db: Database,
  { actor, query }: { actor: Actor; query: TUserListQuery },
): Promise<TUserList> {
  const reach = await reachOf(db, actor, "users.read");
  const { rows, total } = await listUsers(db, {
    unitIds: [...reach.unitIds],
    wholeTenants: [...reach.wholeTenants],
    tenants: [...reach.tenants],
    ...query,
  });
  const grants = await grantsOfUsers(
    db,
    rows.map((u) => u.id),
  );
  // An account listed because it holds a role here shows only the roles within reach
  // (a superadministrator's grants in other provinces are not this administrator's business).
  const visible = (g: { unitId: string }) => actor.isSuperadmin || reach.unitIds.has(g.unitId);
  return { items: rows.map((u) => presentUser(u, (grants.get(u.id) ?? []).filter(visible))), total };
}

/** Chi tiết tài khoản (the route has checked the actor reaches one of its units). */
export async function getUser(db: Database, { userId }: { userId: string }): Promise<TUser> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound("Không tìm thấy tài khoản.");
  return presentUser(user, (await grantsOfUsers(db, [user.id])).get(user.id) ?? []);
}

/** A user belongs to the units they hold roles on (or, with none, to their home province); null if unknown. */
export async function unitsOfUser(db: Database, userId: string): Promise<string[] | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const grants = (await grantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return grants.length ? grants.map((g) => g.unitId) : [user.tenantId];
}

/** An edit touches the user's current units and the units of the grants it gives. */
export async function unitsOfUserAndNewGrants(
  db: Database,
  userId: string,
  input: TUpdateUser,
): Promise<string[] | null> {
  const current = (await unitsOfUser(db, userId)) ?? [];
  const next = input.grants?.map((g) => g.unitId) ?? [];
  return current.length ? [...current, ...next] : null;
}
