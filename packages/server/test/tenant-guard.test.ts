// The tenant guard itself (tenant-guard.ts), on PostgreSQL 15 where it runs: it must refuse
// the statements Citus cannot route to one shard and let the routed ones through — else the
// data-layer suites passing under it would prove nothing.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientDatabase, type Database, queryRows, readOnlyPool } from "../src/db/database.ts";
import { buildTenant, openTestDatabase } from "./helpers.ts";
import { tenantGuardViolations } from "./tenant-guard.ts";

describe("the tenant guard of the PostgreSQL tests", () => {
  /** The application's connections, which the guard watches. */
  let db: Database;
  let testDb: Database;
  let close: () => Promise<void>;
  let tenantId: string;
  let unitId: string;
  beforeAll(async () => {
    const opened = await openTestDatabase("postgres");
    ({ appDb: db, db: testDb, close } = opened);
    const tenant = await buildTenant(testDb);
    tenantId = tenant.province.tenantId;
    unitId = tenant.communeA.id;
  });
  afterAll(async () => {
    await close();
    // The statements refused here on purpose are not a suite's failure.
    tenantGuardViolations.length = 0;
  });

  /** drizzle wraps a driver's error as "Failed query: …" with the guard's error as its cause. */
  const guardError = (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error);
  const refused = async (statement: ReturnType<typeof sql>) => {
    const error = await db.execute(statement).then(
      () => null,
      (e: unknown) => e,
    );
    expect(guardError(error), String(statement.queryChunks[0])).toMatch(/^Citus/);
  };

  it("refuses a look-up by id alone, a join with no filtered side and an update without tenant_id", async () => {
    await refused(sql`SELECT name FROM org_units WHERE id = ${unitId}`);
    await refused(
      sql`SELECT g.role, u.name FROM role_grants g JOIN org_units u ON u.tenant_id = g.tenant_id AND u.id = g.unit_id
           WHERE g.user_id = ${randomUUID()}`,
    );
    await refused(sql`UPDATE org_units SET name = name WHERE id = ${unitId}`);
    await refused(sql`DELETE FROM sessions WHERE user_id = ${randomUUID()}`);
    await refused(
      sql`SELECT count(*) FROM plans p WHERE EXISTS (SELECT 1 FROM plan_tasks t WHERE t.plan_id = p.id)`,
    );
  });

  it("refuses a recursive CTE whose recursive term filters by a join on tenant_id only", async () => {
    await refused(
      sql`WITH RECURSIVE down AS (
            SELECT tenant_id, id FROM org_units WHERE tenant_id = ${tenantId} AND id = ${unitId}
            UNION
            SELECT u.tenant_id, u.id FROM org_units u JOIN down d ON u.tenant_id = d.tenant_id AND u.parent_id = d.id
          ) SELECT id FROM down`,
    );
  });

  it("leaves the test's own look-ups alone (they go through the suite's other connection pool)", async () => {
    await testDb.execute(sql`SELECT name FROM org_units WHERE id = ${unitId}`);
  });

  it("lets statements filtered by tenant_id through, joins and recursive CTEs included", async () => {
    await db.execute(sql`SELECT name FROM org_units WHERE tenant_id = ${tenantId} AND id = ${unitId}`);
    await db.execute(sql`SELECT name FROM org_units WHERE tenant_id IN (${tenantId}, ${randomUUID()})`);
    await db.execute(
      sql`SELECT u.name, p.code FROM org_units u JOIN plans p ON p.tenant_id = u.tenant_id AND p.unit_id = u.id
           WHERE u.tenant_id = ${tenantId}`,
    );
    await db.execute(
      sql`WITH RECURSIVE down AS (
            SELECT id FROM org_units WHERE tenant_id = ${tenantId} AND id = ${unitId}
            UNION
            SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id WHERE u.tenant_id = ${tenantId}
          ) SELECT id FROM down`,
    );
    await db.execute(sql`UPDATE org_units SET name = name WHERE tenant_id = ${tenantId} AND id = ${unitId}`);
    await db.execute(sql`SELECT count(*) FROM org_units WHERE /* all tenants: a reason */ parent_id IS NULL`);
    await db.execute(sql`SELECT count(*) FROM users`);
  });

  it("refuses a write to users after a statement across provinces in one transaction, unless it asked for one connection per worker", async () => {
    const across = sql`SELECT count(*) FROM org_units WHERE /* all tenants: a reason */ parent_id IS NULL`;
    const write = sql`UPDATE users SET full_name = full_name WHERE id = ${randomUUID()}`;
    const error = await db
      .transaction(async (tx) => {
        await tx.execute(across);
        await tx.execute(write);
      })
      .catch((e: unknown) => e);
    expect(guardError(error)).toMatch(/^Citus: ghi bảng tham chiếu users/);
    await db.transaction(async (tx) => {
      await tx.execute(write);
      await tx.execute(across);
    });
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`);
      await tx.execute(across);
      await tx.execute(write);
    });
  });

  it("watches the public pages' read-only pool too, which can only read", async () => {
    const pool = readOnlyPool(db, 5_000);
    if (!pool) throw new Error("PostgreSQL has a read-only pool");
    const client = await pool.connect();
    try {
      const readOnly = clientDatabase(client);
      const error = await readOnly.execute(sql`SELECT name FROM org_units WHERE id = ${unitId}`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(guardError(error)).toMatch(/^Citus/);
      const [row] = await queryRows(
        readOnly,
        sql`SELECT current_setting('statement_timeout') AS timeout, current_setting('transaction_read_only') AS ro`,
      );
      expect(row).toEqual({ timeout: "5s", ro: "on" });
      const write = await readOnly
        .execute(sql`UPDATE org_units SET name = name WHERE tenant_id = ${tenantId} AND id = ${unitId}`)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(String((write as { cause?: Error }).cause?.message)).toMatch(/read-only transaction/);
    } finally {
      client.release();
    }
  });
});
