import { randomUUID } from "node:crypto";
import { ROLE_LABELS } from "@dtplan/domain/access/roles.ts";
import { count, eq, inArray } from "drizzle-orm";
import { oneConnectionPerWorker } from "../../db/citus.ts";
import type { Database } from "../../db/database.ts";
import { orgUnitLineage, orgUnits, roleGrants, users } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { hashPassword } from "../auth/password.ts";
import { ensureDtiFrameworks } from "../dti-seed/framework-rows.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { ensureCatalogue } from "../indicators/indicators.repository.ts";
import { DEMO_TENANTS } from "./demo-data.ts";
import { seedDemoDti } from "./seed-dti.ts";
import { seedDemoPlans } from "./seed-plans.ts";
import { seedDemoReports } from "./seed-reports.ts";

export const DEMO_ADMIN = "admin";

export interface DemoAccount {
  username: string;
  fullName: string;
  /** "Chuyên viên đầu mối — Huyện Châu Thành" */
  role: string;
}

/** The accounts the demo data creates, for `dtplan serve --demo` to print. */
export function demoAccounts(): DemoAccount[] {
  const names = new Map(DEMO_TENANTS.flatMap((t) => t.units.map((u) => [u.key, u.name] as const)));
  return [
    {
      username: DEMO_ADMIN,
      fullName: "Quản trị hệ thống (mẫu)",
      role: "Quản trị viên cấp cao nhất — cả ba tỉnh",
    },
    ...DEMO_TENANTS.flatMap((t) =>
      t.users.map((u) => ({
        username: u.username,
        fullName: u.fullName,
        role: [
          ...u.grants.map((g) => `${ROLE_LABELS[g.role].vi} — ${names.get(g.unit)}`),
          ...(u.workplace ? [u.workplace] : []),
        ].join("; "),
      })),
    ),
  ];
}

/** Whether the database has any org unit at all (demo data loads only into an empty one on start). */
export async function hasAnyUnit(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(orgUnits);
  return n > 0;
}

export async function hasDemoAdmin(db: Database): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_ADMIN)).limit(1);
  return rows.length > 0;
}

/** The parts of the demo load, in order (the accounts only into a database without them). */
export type DemoStep = "accounts" | "plans" | "reports" | "dti";

/**
 * Loads the demo provinces, their units, lineage and accounts, then imports and
 * publishes the demo plans and writes their reports — all in one transaction, so a
 * load interrupted (kill -9, power cut) leaves nothing behind and the next start
 * loads it whole. Idempotent: with the demo administrator there it only tops up what
 * a demo database from an older dtplan lacks (the demo plans and reports), also in
 * one transaction. Hashes the demo password once for every account.
 * Evidence files are written to the store as the reports are; an interrupted load
 * leaves those files without rows, which nothing reads.
 */
export async function seedDemo(
  db: Database,
  {
    password,
    evidence = null,
    onStep = () => {},
  }: {
    password: string;
    evidence?: EvidenceStore | null;
    /** Told as each part of the load begins (`dtplan demo` prints it). */
    onStep?: (step: DemoStep) => void;
  },
): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const passwordHash = (await hasDemoAdmin(db)) ? null : await hashPassword(password);
  return db.transaction(async (tx) => {
    // Demo codes are checked across provinces before the accounts (a reference table) are written.
    await oneConnectionPerWorker(tx);
    const created = passwordHash !== null && !(await hasDemoAdmin(tx));
    if (created) {
      onStep("accounts");
      await seedDemoAccounts(tx, passwordHash);
    }
    onStep("plans");
    await seedDemoPlans(tx);
    onStep("reports");
    await seedDemoReports(tx, evidence);
    onStep("dti");
    await seedDemoDti(tx);
    return { created, accounts: demoAccounts() };
  });
}

/** The demo provinces, their units, lineage and accounts (inside the caller's transaction). */
async function seedDemoAccounts(tx: Database, passwordHash: string): Promise<void> {
  const rootCodes = DEMO_TENANTS.map((t) => t.units[0].code);
  const clash = await tx
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(
      acrossTenants("no province may already use a demo province's code", inArray(orgUnits.code, rootCodes)),
    );
  if (clash.length) {
    throw new Error(`Đã có đơn vị trùng mã với dữ liệu mẫu (${clash.map((c) => c.code).join(", ")}).`);
  }
  const adminId = randomUUID();
  let adminInserted = false;
  for (const tenant of DEMO_TENANTS) {
    const ids = new Map(tenant.units.map((u) => [u.key, randomUUID()]));
    const tenantId = ids.get(tenant.units[0].key) as string;
    await tx.insert(orgUnits).values(
      tenant.units.map((u) => ({
        tenantId,
        id: ids.get(u.key) as string,
        parentId: u.parent ? (ids.get(u.parent) as string) : null,
        code: u.code,
        name: u.name,
        shortName: u.shortName ?? null,
        kind: u.kind,
        validFrom: u.validFrom ?? null,
        validTo: u.validTo ?? null,
      })),
    );
    await ensureCatalogue(tx, tenantId);
    await ensureDtiFrameworks(tx, tenantId);
    await tx.insert(orgUnitLineage).values(
      tenant.lineage.flatMap((l) =>
        l.from.map((from) => ({
          tenantId,
          predecessorId: ids.get(from) as string,
          successorId: ids.get(l.to) as string,
          event: l.event,
          effectiveDate: l.effectiveDate,
        })),
      ),
    );
    if (!adminInserted) {
      await tx.insert(users).values({
        tenantId,
        id: adminId,
        username: DEMO_ADMIN,
        fullName: "Quản trị hệ thống (mẫu)",
        passwordHash,
        isSuperadmin: true,
      });
      adminInserted = true;
    }
    const accounts = tenant.users.map((u) => ({ ...u, id: randomUUID() }));
    await tx.insert(users).values(
      accounts.map((u) => ({
        tenantId,
        id: u.id,
        username: u.username,
        fullName: u.fullName,
        passwordHash,
      })),
    );
    await tx.insert(roleGrants).values([
      { tenantId, userId: adminId, unitId: tenantId, role: "administrator" as const },
      ...accounts.flatMap((u) =>
        u.grants.map((g) => ({
          tenantId,
          userId: u.id,
          unitId: ids.get(g.unit) as string,
          role: g.role,
        })),
      ),
    ]);
    await recordAudit(tx, {
      tenantId,
      actorId: null,
      action: "demo.seed",
      entity: "org_unit",
      entityId: tenantId,
      unitId: tenantId,
      after: { units: tenant.units.length, users: accounts.length, lineage: tenant.lineage.length },
    });
  }
}
