// `dtplan migrate` on a Citus coordinator, run for real on PostgreSQL 15 and PGlite: Citus is
// not installable here, so its two placement functions are stood in by functions that record
// each call and refuse what Citus refuses — distributing a table that a local table
// references, or one that references a table not yet on the cluster; a reference table that
// references anything but a reference table; co-locating with a table not yet distributed.
// The statements dtplan issues and their order are then the ones a real coordinator receives.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CITUS_PLACEMENT, citusPlacementStatements, tablesCreatedBy } from "../src/db/citus.ts";
import { queryRows } from "../src/db/database.ts";
import { MIGRATIONS, migrateToLatest } from "../src/db/migrate.ts";
import { DATABASE_KINDS, openTestDatabase } from "./helpers.ts";

const FAKE_CITUS = `
CREATE TABLE citus_placements (position serial PRIMARY KEY, table_name text NOT NULL, kind text NOT NULL, colocated_with text);
CREATE FUNCTION citus_unplaced_neighbours(t regclass, outgoing boolean) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(other::text, ', ') FROM (
    SELECT CASE WHEN outgoing THEN c.confrelid ELSE c.conrelid END::regclass AS other
      FROM pg_constraint c
     WHERE c.contype = 'f' AND (CASE WHEN outgoing THEN c.conrelid ELSE c.confrelid END) = t
  ) o
  WHERE other <> t AND other::text NOT IN (SELECT table_name FROM citus_placements)
$$;
CREATE FUNCTION create_reference_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = t AND c.confrelid <> t
              AND c.confrelid::regclass::text NOT IN (SELECT table_name FROM citus_placements WHERE kind = 'reference')) THEN
    RAISE EXCEPTION 'reference table % references a non-reference table', t;
  END IF;
  INSERT INTO citus_placements (table_name, kind) VALUES (t::text, 'reference');
END $$;
CREATE FUNCTION create_distributed_table(t regclass, col text, colocate_with text DEFAULT 'default') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF citus_unplaced_neighbours(t, true) IS NOT NULL THEN
    RAISE EXCEPTION 'cannot distribute %: it references local table(s) %', t, citus_unplaced_neighbours(t, true);
  END IF;
  IF citus_unplaced_neighbours(t, false) IS NOT NULL THEN
    RAISE EXCEPTION 'cannot distribute %: local table(s) % reference it', t, citus_unplaced_neighbours(t, false);
  END IF;
  IF colocate_with <> 'default' AND NOT EXISTS (
       SELECT 1 FROM citus_placements WHERE table_name = create_distributed_table.colocate_with AND kind = 'distributed') THEN
    RAISE EXCEPTION 'cannot co-locate % with %: not distributed', t, colocate_with;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = col AND NOT attisdropped) THEN
    RAISE EXCEPTION 'no column % in %', col, t;
  END IF;
  INSERT INTO citus_placements (table_name, kind, colocated_with) VALUES (t::text, 'distributed', colocate_with);
END $$`;

describe("the placement of tables on a Citus cluster", () => {
  it("distributes org_units by tenant_id and co-locates every other tenant table with it", () => {
    expect(citusPlacementStatements("org_units")).toEqual([
      "SELECT create_distributed_table('org_units', 'tenant_id')",
    ]);
    expect(citusPlacementStatements("plans")).toEqual([
      "SELECT create_distributed_table('plans', 'tenant_id', colocate_with => 'org_units')",
    ]);
    expect(citusPlacementStatements("users")).toEqual(["SELECT create_reference_table('users')"]);
    expect(citusPlacementStatements("sign_in_failures")).toEqual([]);
    expect(() => citusPlacementStatements("a_new_table")).toThrow(/CITUS_PLACEMENT/);
  });

  it("finds the tables a migration statement creates", () => {
    expect(
      tablesCreatedBy(
        '-- CREATE TABLE not_this\nCREATE TABLE IF NOT EXISTS "a" (x int);\ncreate table b (y int)',
      ),
    ).toEqual(["a", "b"]);
  });
});

describe.each(DATABASE_KINDS)("dtplan migrate on a Citus coordinator (%s)", (kind) => {
  it("places each table right after it is created, in an order the foreign keys allow", async () => {
    const { db, close } = await openTestDatabase(kind, { migrate: false });
    try {
      for (const statement of FAKE_CITUS.split(/;\n(?=CREATE )/)) await db.execute(sql.raw(statement));
      const { applied } = await migrateToLatest(db, { citus: true });
      expect(applied).toEqual([...MIGRATIONS]);
      const placed = await queryRows<{ table_name: string; kind: string; colocated_with: string | null }>(
        db,
        sql`SELECT table_name, kind, colocated_with FROM citus_placements ORDER BY position`,
      );
      const expected = Object.entries(CITUS_PLACEMENT).filter(([, k]) => k !== "local");
      expect(placed.map((p) => [p.table_name, p.kind])).toEqual(expected);
      expect(
        placed
          .filter((p) => p.kind === "distributed" && p.table_name !== "org_units")
          .map((p) => p.colocated_with),
      ).toEqual(expected.filter(([t, k]) => k === "distributed" && t !== "org_units").map(() => "org_units"));

      // Every table of the schema has its placement, and every tenant table but users is distributed.
      const tables = await queryRows<{ name: string; tenant: boolean }>(
        db,
        sql`SELECT c.relname AS name,
                   EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') AS tenant
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
             WHERE c.relkind = 'r' AND c.relname NOT IN ('schema_migrations', 'citus_placements')`,
      );
      const placement = CITUS_PLACEMENT as Record<string, string>;
      expect(tables.filter((t) => !placement[t.name]).map((t) => t.name)).toEqual([]);
      expect(
        tables
          .filter((t) => t.tenant && t.name !== "users" && placement[t.name] !== "distributed")
          .map((t) => t.name),
      ).toEqual([]);
    } finally {
      await close();
    }
  }, 240_000); // every migration from empty, with a placement check per table: minutes on a loaded machine
});
