import { sql } from "drizzle-orm";
import { type Database, isDatabaseItself, queryRows } from "./database.ts";

/**
 * What the database shows at one moment, as PostgreSQL names it: `pg_current_snapshot()`
 * (`xmin:xmax:in-progress ids`) says exactly which transactions' writes a statement sees.
 * Every transaction that writes takes an id, so two equal snapshots see the same rows in
 * every table, and any committed write anywhere (this server, another server on the same
 * database, `dtplan` on the command line, psql) gives a different one. That makes it a
 * version of the whole database that costs one column in a statement a request makes anyway
 * (the session look-up) — on PostgreSQL and on PGlite alike. On a Citus coordinator the
 * snapshot does not cover the workers' own transactions, so nothing is cached there.
 */
export const SNAPSHOT_COLUMN = sql<string>`pg_current_snapshot()::text`;

export async function currentSnapshot(db: Database): Promise<string> {
  const rows = await queryRows<{ snapshot: string }>(db, sql`SELECT ${SNAPSHOT_COLUMN} AS snapshot`);
  return rows[0].snapshot;
}

interface Entry {
  value: unknown;
  bytes: number;
}

/**
 * Answers computed from the database, each kept under the snapshot it was read at and given
 * only to a request that reads at that same snapshot: a write anywhere means a new snapshot,
 * so an answer can never outlive the data it came from (no time-to-live, no invalidation
 * list to forget). A value must be computed from database rows alone plus what its key says
 * (who asks, the Vietnam date, the URL); it is handed out as is, so it must not be mutated.
 * Bounded: the few most recent snapshots, and a byte budget across them.
 */
export class SnapshotCache {
  private readonly bySnapshot = new Map<string, Map<string, Entry>>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxSnapshots = 4,
  ) {}

  get<T>(snapshot: string, key: string): T | undefined {
    return this.bySnapshot.get(snapshot)?.get(key)?.value as T | undefined;
  }

  /** Keeps `value` (about `bytes` large) for requests that read at `snapshot`. */
  set(snapshot: string, key: string, value: unknown, bytes = 256): void {
    if (bytes > this.maxBytes / 4) return;
    let entries = this.bySnapshot.get(snapshot);
    if (!entries) {
      entries = new Map();
      this.bySnapshot.set(snapshot, entries);
      // Map keeps insertion order: the first snapshots are the oldest seen.
      for (const [old, oldEntries] of this.bySnapshot) {
        if (this.bySnapshot.size <= this.maxSnapshots) break;
        this.drop(old, oldEntries);
      }
    }
    const previous = entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    entries.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      const [old, oldEntries] = this.bySnapshot.entries().next().value as [string, Map<string, Entry>];
      if (old === snapshot) {
        // Over budget within the newest snapshot: drop its oldest answers.
        const [first, entry] = oldEntries.entries().next().value as [string, Entry];
        oldEntries.delete(first);
        this.bytes -= entry.bytes;
      } else this.drop(old, oldEntries);
    }
  }

  delete(snapshot: string, key: string): void {
    const entries = this.bySnapshot.get(snapshot);
    const entry = entries?.get(key);
    if (!entries || !entry) return;
    entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** The snapshot something was last kept under for the first time: the newest one seen. */
  get latest(): string | undefined {
    let last: string | undefined;
    for (const snapshot of this.bySnapshot.keys()) last = snapshot;
    return last;
  }

  /** Bytes held (an estimate: what `set` was told). */
  get size(): number {
    return this.bytes;
  }

  clear(): void {
    this.bySnapshot.clear();
    this.bytes = 0;
  }

  private drop(snapshot: string, entries: Map<string, Entry>): void {
    for (const e of entries.values()) this.bytes -= e.bytes;
    this.bySnapshot.delete(snapshot);
  }
}

/** The snapshot a request's session was read at, with the cache of that server (read-cache.ts). */
export interface RequestSnapshot {
  snapshot: string;
  cache: SnapshotCache;
}

/**
 * `compute()` once per snapshot for `key`: what several requests at the same snapshot read
 * is read once (concurrent ones share the same promise; a failure is not kept). Only on the
 * database itself: a transaction reads afresh, it may have written. The value is shared —
 * callers must not mutate it.
 */
export async function atSnapshot<T>(
  db: Database,
  at: RequestSnapshot | null | undefined,
  key: string,
  compute: () => Promise<T>,
  bytes = 4096,
): Promise<T> {
  if (!at || !isDatabaseItself(db)) return compute();
  const kept = at.cache.get<Promise<T>>(at.snapshot, key);
  if (kept) return kept;
  const computing = compute();
  at.cache.set(at.snapshot, key, computing, bytes);
  computing.catch(() => at.cache.delete(at.snapshot, key));
  return computing;
}
