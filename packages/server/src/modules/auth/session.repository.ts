import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { SNAPSHOT_COLUMN, type SnapshotCache } from "../../db/data-snapshot.ts";
import type { Database } from "../../db/database.ts";
import { sessions, type UserRow, users } from "../../db/schema.ts";
import { grantsOfUsers } from "../access/access.repository.ts";
import type { Actor, ActorGrant } from "../access/actor.ts";

export const SESSION_COOKIE = "dtplan_session";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The cookie names the tenant so the session is found on its shard: `<tenantId>.<token>`. */
export function parseSessionCookie(
  value: string | undefined,
): { tenantId: string; tokenHash: string } | null {
  if (!value) return null;
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  return { tenantId: match[1], tokenHash: sha256(match[2]) };
}

export async function createSession(
  db: Database,
  input: { tenantId: string; userId: string; idleMs: number },
): Promise<{ cookieValue: string; csrfToken: string; sessionId: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(sessions)
    .values({
      tenantId: input.tenantId,
      userId: input.userId,
      tokenHash: sha256(token),
      csrfToken,
      expiresAt: new Date(Date.now() + input.idleMs),
    })
    .returning({ id: sessions.id });
  return { cookieValue: `${input.tenantId}.${token}`, csrfToken, sessionId: row.id };
}

export async function deleteSession(db: Database, tenantId: string, sessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
}

/** Ends an account's sessions: they live in its home tenant (createSession), like the account. */
export async function deleteUserSessions(
  db: Database,
  user: { tenantId: string; id: string },
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
}

/** Ends an account's other sessions (other devices) and keeps the one in use. */
export async function deleteOtherSessions(
  db: Database,
  user: { tenantId: string; id: string },
  keepSessionId: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)),
    );
}

export async function grantsOfUser(db: Database, userId: string): Promise<ActorGrant[]> {
  return (await grantsOfUsers(db, [userId])).get(userId) ?? [];
}

/**
 * A user acting without a session of theirs (the demo seed replaying their work, the
 * private calendar feed reading what is theirs): their grants, and a session id naming why.
 */
export async function actorOfUser(db: Database, user: UserRow, why: string): Promise<Actor> {
  return {
    id: user.id,
    tenantId: user.tenantId,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    isSuperadmin: user.isSuperadmin,
    grants: await grantsOfUser(db, user.id),
    session: { id: why, tenantId: user.tenantId, csrfToken: "" },
  };
}

/**
 * The signed-in user behind a cookie, or null when the session is unknown, expired
 * or its user deactivated. Slides the expiry forward (at most once a minute).
 */
export async function loadActor(
  db: Database,
  cookie: { tenantId: string; tokenHash: string },
  idleMs: number,
): Promise<Actor | null> {
  return (await loadActorAt(db, cookie, idleMs, null))?.actor ?? null;
}

/**
 * `loadActor` for a request: also the database snapshot the session was read at (a
 * version of all the data, see data-snapshot.ts), and with a cache, the user's grants
 * are read once per snapshot instead of on every request — a changed grant, unit or
 * account is a write, hence a new snapshot, and is seen by the next request.
 */
export async function loadActorAt(
  db: Database,
  cookie: { tenantId: string; tokenHash: string },
  idleMs: number,
  cache: SnapshotCache | null,
): Promise<{ actor: Actor; snapshot: string } | null> {
  const [row] = await db
    .select({ session: sessions, user: users, snapshot: SNAPSHOT_COLUMN })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tenantId, cookie.tenantId),
        eq(sessions.tokenHash, cookie.tokenHash),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + idleMs) })
      .where(and(eq(sessions.tenantId, row.session.tenantId), eq(sessions.id, row.session.id)));
  }
  const grantsKey = `grants:${row.user.id}`;
  let grants = cache?.get<ActorGrant[]>(row.snapshot, grantsKey);
  if (!grants) {
    grants = await grantsOfUser(db, row.user.id);
    cache?.set(row.snapshot, grantsKey, grants, 200 * (grants.length + 1));
  }
  return {
    snapshot: row.snapshot,
    actor: {
      id: row.user.id,
      tenantId: row.user.tenantId,
      username: row.user.username,
      fullName: row.user.fullName,
      email: row.user.email,
      isSuperadmin: row.user.isSuperadmin,
      // A copy: the cached list is shared by the requests of this snapshot.
      grants: grants.map((g) => ({ ...g })),
      session: { id: row.session.id, tenantId: row.session.tenantId, csrfToken: row.session.csrfToken },
      readAt: cache ? { snapshot: row.snapshot, cache } : null,
    },
  };
}
