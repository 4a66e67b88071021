import { sql } from "drizzle-orm";
import { refreshReportingStatus } from "../../modules/summary/reporting-status.ts";
import { type Database, queryRows } from "../database.ts";

/**
 * Fills each published plan's completeness and timeliness rows from its periods and reports,
 * through the table's one writer (summary/reporting-status.ts) rather than a frozen copy of
 * it: a later change of the table's shape brings its own migration, whose data step refills it.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const tenants = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) await refreshReportingStatus(tx, { tenantId });
}
