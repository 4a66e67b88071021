import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@dtplan/domain/access/roles.ts";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { SNAPSHOT_COLUMN, type SnapshotCache } from "../../db/data-snapshot.ts";
import type { Database } from "../../db/database.ts";
import { preparedRead } from "../../db/json-rows.ts";
import { sessions, type UserRow, users } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import { GRANTS_SPAN_PROVINCES, grantsOfUsers } from "../access/access.repository.ts";
import type { Actor, ActorGrant, GrantReach } from "../access/actor.ts";

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
  return (await loadActorAt(db, cookie, idleMs, { cache: null }))?.actor ?? null;
}

/** A session's row as the one statement of `loadActorAt` returns it. */
interface SessionActorRow {
  session_id: string;
  session_tenant_id: string;
  csrf_token: string;
  /** Last seen over a minute ago: its expiry slides forward. */
  stale: boolean;
  user_id: string;
  user_tenant_id: string;
  username: string;
  full_name: string;
  email: string | null;
  is_superadmin: boolean;
  snapshot: string;
  grants: {
    unit_id: string;
    role: Role;
    tenant_id: string;
    unit_name: string;
    unit_valid_to: string | null;
  }[];
  below: Record<string, string[]> | null;
  above: Record<string, string[]> | null;
}

/** The session, its user and their grants (with their units' names): what every request reads afresh. */
const sessionAndGrants = () => sql`
    s AS (
      SELECT s.id AS session_id, s.tenant_id AS session_tenant_id, s.csrf_token,
             s.last_seen_at < now() - interval '60 seconds' AS stale,
             u.id AS user_id, u.tenant_id AS user_tenant_id, u.username, u.full_name, u.email, u.is_superadmin
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.tenant_id = ${sql.placeholder("tenant")} AND s.token_hash = ${sql.placeholder("token")}
         AND s.expires_at > now() AND u.active
       LIMIT 1
    ),
    g AS (
      SELECT g.unit_id, g.role, g.tenant_id, o.name AS unit_name, o.valid_to AS unit_valid_to
        FROM s JOIN role_grants g ON g.user_id = s.user_id
        JOIN org_units o ON o.tenant_id = g.tenant_id AND o.id = g.unit_id
       WHERE ${acrossTenants(GRANTS_SPAN_PROVINCES, sql`g.tenant_id = o.tenant_id`)}
    )`;

const sessionParts = () => ({
  session: sql`(SELECT row_to_json(s) FROM s)`,
  snapshot: SNAPSHOT_COLUMN,
  grants: sql`coalesce((SELECT json_agg(g ORDER BY g.unit_name, g.role) FROM g), '[]')`,
});

/**
 * The session behind a cookie, its user, their grants and where those reach (each grant's
 * subtree and its path up), in one statement. The grants span the provinces the account
 * works in, so it reads every shard; the recursive terms stay within each grant's province
 * (tenant_id carried down and up). The session, the account and the grants are read afresh on
 * every request: a session signed out or expired, an account deactivated, a grant given or
 * taken, a unit moved — each takes effect at the next request, on this server and on any other
 * server process using the same database (no cache to invalidate across processes). Only the
 * walks of the tree are left out (readSessionOnly) while the database still shows the snapshot
 * at which the session's reach was read and kept (data-snapshot.ts): no row it came from differs.
 * Its text never changes: a named statement, parsed and planned once per connection.
 */
const readSessionActor = preparedRead(() => ({
  with: sql`
    WITH RECURSIVE ${sessionAndGrants()},
    roots AS (SELECT DISTINCT tenant_id, unit_id FROM g),
    down AS (
      SELECT tenant_id, unit_id AS root_id, unit_id AS id FROM roots
      UNION
      SELECT d.tenant_id, d.root_id, u.id
        FROM org_units u JOIN down d ON u.tenant_id = d.tenant_id AND u.parent_id = d.id
    ),
    up AS (
      SELECT r.tenant_id, r.unit_id AS root_id, o.id, o.parent_id, 0 AS depth
        FROM roots r JOIN org_units o ON o.tenant_id = r.tenant_id AND o.id = r.unit_id
      UNION ALL
      SELECT up.tenant_id, up.root_id, o.id, o.parent_id, up.depth + 1
        FROM org_units o JOIN up ON o.tenant_id = up.tenant_id AND o.id = up.parent_id
       WHERE up.depth < 64
    )`,
  parts: {
    ...sessionParts(),
    below: sql`(SELECT json_object_agg(root_id, ids)
                  FROM (SELECT root_id, json_agg(id) AS ids FROM down GROUP BY root_id) b)`,
    above: sql`(SELECT json_object_agg(root_id, ids)
                  FROM (SELECT root_id, json_agg(id ORDER BY depth) AS ids FROM up GROUP BY root_id) a)`,
  },
}));

/**
 * readSessionActor without the walks of the tree, for a session whose reach is kept: a much
 * shorter statement (PGlite parses and plans every statement anew: ~1 ms less a request).
 */
const readSessionOnly = preparedRead(() => ({
  with: sql`WITH ${sessionAndGrants()}`,
  parts: sessionParts(),
}));

/** The grants' reach from the statement's subtrees and paths. */
function grantReach(row: Pick<SessionActorRow, "below" | "above">): GrantReach {
  const under = new Map<string, string[]>();
  for (const [root, ids] of Object.entries(row.below ?? {})) {
    for (const id of ids) {
      const roots = under.get(id);
      if (roots) roots.push(root);
      else under.set(id, [root]);
    }
  }
  return { under, above: new Map(Object.entries(row.above ?? {})) };
}

/**
 * `loadActor` for a request: also the database snapshot the session was read at (a
 * version of all the data, see data-snapshot.ts). One statement reads the session, the
 * user, their grants and where they reach (sessionActorStatement). On a Citus coordinator
 * (`citus`) the grants are read by a statement of their own, which reads every shard, and
 * the reach is looked up when a check needs it: a recursive CTE must stay on one shard there.
 */
export async function loadActorAt(
  db: Database,
  cookie: { tenantId: string; tokenHash: string },
  idleMs: number,
  options: { cache: SnapshotCache | null; citus?: boolean },
): Promise<{ actor: Actor; snapshot: string } | null> {
  const found = options.citus
    ? await sessionActorOnCitus(db, cookie)
    : await sessionActor(db, cookie, options.cache);
  if (!found) return null;
  const { row, grants, reach } = found;
  if (row.stale) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + idleMs) })
      .where(and(eq(sessions.tenantId, row.session_tenant_id), eq(sessions.id, row.session_id)));
  }
  const { cache } = options;
  return {
    snapshot: row.snapshot,
    actor: {
      id: row.user_id,
      tenantId: row.user_tenant_id,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
      isSuperadmin: row.is_superadmin,
      grants,
      session: { id: row.session_id, tenantId: row.session_tenant_id, csrfToken: row.csrf_token },
      reach,
      readAt: cache ? { snapshot: row.snapshot, cache } : null,
    },
  };
}

type FoundSession = {
  row: Omit<SessionActorRow, "grants" | "below" | "above">;
  grants: ActorGrant[];
  reach: GrantReach | null;
};

async function sessionActor(
  db: Database,
  cookie: { tenantId: string; tokenHash: string },
  cache: SnapshotCache | null,
): Promise<FoundSession | null> {
  const values = { tenant: cookie.tenantId, token: cookie.tokenHash };
  // The reach this session's grants had at the newest snapshot seen, if it was kept then:
  // while the database still shows that snapshot, the session and grants are read alone.
  const reachKey = `sessionReach|${cookie.tenantId}|${cookie.tokenHash}`;
  const known = cache?.latest;
  const kept = known === undefined ? undefined : cache?.get<GrantReach>(known, reachKey);
  if (kept) {
    const read = await readSessionOnly(db, values);
    if (!read.session) return null;
    const row = sessionRow(read);
    if (row.snapshot === known) return { row, grants: grantsOf(row), reach: kept };
  }
  const read = await readSessionActor(db, values);
  if (!read.session) return null;
  const row = sessionRow(read);
  const reach = grantReach(row);
  // Kept for the next requests at the same snapshot; shared, so never changed once made.
  cache?.set(row.snapshot, reachKey, reach, 200 + 100 * reach.under.size);
  return { row, grants: grantsOf(row), reach };
}

const sessionRow = (read: Record<string, unknown>) =>
  ({ ...(read.session as object), ...read }) as unknown as SessionActorRow;

const grantsOf = (row: Pick<SessionActorRow, "grants">): ActorGrant[] =>
  row.grants.map((g) => ({
    unitId: g.unit_id,
    role: g.role,
    tenantId: g.tenant_id,
    unitName: g.unit_name,
    unitValidTo: g.unit_valid_to,
  }));

async function sessionActorOnCitus(
  db: Database,
  cookie: { tenantId: string; tokenHash: string },
): Promise<FoundSession | null> {
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
  return {
    row: {
      session_id: row.session.id,
      session_tenant_id: row.session.tenantId,
      csrf_token: row.session.csrfToken,
      stale: Date.now() - row.session.lastSeenAt.getTime() > 60_000,
      user_id: row.user.id,
      user_tenant_id: row.user.tenantId,
      username: row.user.username,
      full_name: row.user.fullName,
      email: row.user.email,
      is_superadmin: row.user.isSuperadmin,
      snapshot: row.snapshot,
    },
    grants: await grantsOfUser(db, row.user.id),
    reach: null,
  };
}
