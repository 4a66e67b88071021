// The schema rules a Citus cluster needs, checked on the migrated schema itself: foreign keys
// between tenant tables carry tenant_id on both sides (a co-located join, on one shard), and
// every primary key and unique constraint of a tenant table includes tenant_id (Citus refuses
// to distribute a table whose uniqueness it cannot check on one shard).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import { DATABASE_KINDS, openTestDatabase } from "./helpers.ts";

/** `users` carries tenant_id (its home province) but is a reference table, replicated to every node. */
const REFERENCE_TABLES = ["users"];

describe.each(DATABASE_KINDS)("the schema keeps Citus's rules (%s)", (kind) => {
  it("makes every foreign key between tenant tables include tenant_id on both sides", async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      const rows = await queryRows<{ name: string; from_table: string; to_table: string; def: string }>(
        db,
        sql`SELECT c.conname AS name, c.conrelid::regclass::text AS from_table,
                   c.confrelid::regclass::text AS to_table, pg_get_constraintdef(c.oid) AS def
              FROM pg_constraint c
              JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
             WHERE c.contype = 'f'
               AND c.conrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'tenant_id' AND NOT attisdropped)
               AND c.confrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'tenant_id' AND NOT attisdropped)`,
      );
      const between = rows.filter(
        (r) => !REFERENCE_TABLES.includes(r.from_table) && !REFERENCE_TABLES.includes(r.to_table),
      );
      expect(between.length).toBeGreaterThan(10);
      // `FOREIGN KEY (tenant_id, plan_id) REFERENCES plans(tenant_id, id)`: tenant_id first on both sides.
      const loose = between.filter(
        (r) => !/^FOREIGN KEY \(tenant_id,.*REFERENCES \w+\(tenant_id,/.test(r.def),
      );
      expect(loose.map((r) => `${r.from_table}.${r.name}: ${r.def}`)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("puts tenant_id in every primary key and unique constraint of a tenant table", async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      const rows = await queryRows<{ table_name: string; index_name: string; def: string }>(
        db,
        sql`SELECT i.indrelid::regclass::text AS table_name, i.indexrelid::regclass::text AS index_name,
                   pg_get_indexdef(i.indexrelid) AS def
              FROM pg_index i
              JOIN pg_class t ON t.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
             WHERE i.indisunique
               AND i.indrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'tenant_id' AND NOT attisdropped)`,
      );
      const loose = rows.filter(
        (r) =>
          !REFERENCE_TABLES.includes(r.table_name) &&
          !/\(tenant_id[,)]/.test(r.def.replace(/.*USING \w+ /, "")),
      );
      expect(loose.map((r) => r.def)).toEqual([]);
    } finally {
      await close();
    }
  });
});
