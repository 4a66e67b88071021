import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { deleteSession } from "./session.repository.ts";

/** Đăng xuất: the session row goes, so the cookie is worthless even if kept. */
export async function logout(db: Database, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, actor.session.tenantId, actor.session.id);
    await recordAudit(tx, {
      tenantId: actor.session.tenantId,
      actorId: actor.id,
      action: "auth.logout",
      entity: "session",
      entityId: actor.session.id,
      before: { username: actor.username },
    });
  });
}
