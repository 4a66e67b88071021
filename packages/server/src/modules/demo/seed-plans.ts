import { readFileSync } from "node:fs";
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { orgUnits, plans, planTargets, planTasks, users } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import type { Actor } from "../access/actor.ts";
import { grantsOfUser } from "../auth/session.repository.ts";
import { importPlan } from "../plans/import-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { updateItem } from "../plans/review-items.ts";
import { setTargetUnits } from "../plans/target-units.ts";
import { DEMO_ADMIN } from "./seed.ts";

/**
 * The three dev plans, each issued by its (now historical) district, and a 2026 plan of
 * the commune formed by the 2025 merger (demo text written for dtplan, marked so).
 * Tasks whose lead the plan leaves to an annex go to the district's Phòng Văn hóa và
 * Thông tin, the focal office that consolidates the plan — as a focal officer would do
 * in review; a commune's own offices are not units here, so its tasks stay with it.
 */
interface DemoPlan {
  file: string;
  unitCode: string;
  focalCode: string | null;
  /** Partners outside the issuer's own tree that the plan names as leads (lead text → unit code). */
  partners?: Record<string, string>;
}

const DEMO_PLANS: readonly DemoPlan[] = [
  { file: "chau-thanh-2025.txt", unitCode: "BTR-CT", focalCode: "BTR-CT-VHTT" },
  { file: "thap-muoi-2024.txt", unitCode: "DTP-TM", focalCode: "DTP-TM-VHTT" },
  { file: "ba-to-2023.txt", unitCode: "QNG-BT", focalCode: "QNG-BT-VHTT" },
  {
    file: "phu-tuc-2026.txt",
    unitCode: "VLG-X-PHUTUC",
    focalCode: null,
    partners: {
      "VNPT Vĩnh Long": "VLG-VNPT",
      "Viettel Vĩnh Long": "VLG-VIETTEL",
      "Bưu điện tỉnh Vĩnh Long": "VLG-BUUDIEN",
    },
  },
];

async function demoAdminActor(db: Database): Promise<Actor | null> {
  const [admin] = await db.select().from(users).where(eq(users.username, DEMO_ADMIN)).limit(1);
  if (!admin) return null;
  return {
    id: admin.id,
    tenantId: admin.tenantId,
    username: admin.username,
    fullName: admin.fullName,
    email: admin.email,
    isSuperadmin: admin.isSuperadmin,
    grants: await grantsOfUser(db, admin.id),
    session: { id: "demo-seed", tenantId: admin.tenantId, csrfToken: "" },
  };
}

/**
 * Nạp kế hoạch mẫu — imports and publishes the dev plans through the same operations
 * an officer uses (import → review → publish), so the demo shows real extraction.
 * Idempotent: a unit that already has a plan is left alone.
 */
export async function seedDemoPlans(db: Database): Promise<string[]> {
  const actor = await demoAdminActor(db);
  if (!actor) return [];
  const codes = DEMO_PLANS.map((p) => p.unitCode);
  const issuers = await db
    .select()
    .from(orgUnits)
    .where(acrossTenants("the demo finds its issuing units by code", inArray(orgUnits.code, codes)));
  const published: string[] = [];
  for (const demo of DEMO_PLANS) {
    const issuer = issuers.find((d) => d.code === demo.unitCode);
    if (!issuer) continue;
    const existing = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.tenantId, issuer.tenantId), eq(plans.unitId, issuer.id)))
      .limit(1);
    if (existing.length) continue;
    const [focalOffice = issuer] = demo.focalCode
      ? await db
          .select()
          .from(orgUnits)
          .where(and(eq(orgUnits.tenantId, issuer.tenantId), eq(orgUnits.code, demo.focalCode)))
      : [];
    const text = readFileSync(new URL(`./plans/${demo.file}`, import.meta.url), "utf8");
    const plan = await importPlan(db, {
      actor,
      unitId: issuer.id,
      extract: extractPlan(text),
      fileName: demo.file,
      format: "txt",
    });
    const partnerUnits = demo.partners
      ? await db
          .select()
          .from(orgUnits)
          .where(
            and(eq(orgUnits.tenantId, issuer.tenantId), inArray(orgUnits.code, Object.values(demo.partners))),
          )
      : [];
    const withoutLead = await db
      .select({ id: planTasks.id, leadText: planTasks.leadText })
      .from(planTasks)
      .where(
        and(
          eq(planTasks.tenantId, plan.tenantId),
          eq(planTasks.planId, plan.id),
          isNull(planTasks.leadUnitId),
          eq(planTasks.leadNone, false),
        ),
      );
    const partnerOf = (leadText: string | null) =>
      partnerUnits.find((u) => leadText && demo.partners?.[leadText] === u.code);
    for (const task of withoutLead) {
      await updateItem(db, {
        actor,
        code: plan.code,
        type: "task",
        id: task.id,
        input: { leadUnitId: partnerOf(task.leadText)?.id ?? focalOffice.id },
      });
    }
    // Đơn vị báo cáo: each target's suggestions; the issuing unit reports the rest itself.
    const targets = await db
      .select({ key: planTargets.key })
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, plan.tenantId), eq(planTargets.planId, plan.id)));
    if (targets.length)
      await setTargetUnits(db, {
        actor,
        code: plan.code,
        input: { targetKeys: targets.map((t) => t.key), mode: "suggested", unitIds: [], preview: false },
      });
    await publishPlan(db, { actor, code: plan.code, issuingUnitReports: true });
    published.push(plan.code);
  }
  return published;
}
