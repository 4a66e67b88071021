import { readFileSync } from "node:fs";
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { orgUnits, plans, planTasks, users } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { grantsOfUser } from "../auth/session.repository.ts";
import { importPlan } from "../plans/import-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { updateItem } from "../plans/review-items.ts";
import { DEMO_ADMIN } from "./seed.ts";

/**
 * The three dev plans, each issued by its (now historical) district. Tasks whose
 * lead the plan leaves to an annex go to the district's Phòng Văn hóa và Thông tin,
 * the focal office that consolidates the plan — as a focal officer would do in review.
 */
const DEMO_PLANS = [
  { file: "chau-thanh-2025.txt", districtCode: "BTR-CT" },
  { file: "thap-muoi-2024.txt", districtCode: "DTP-TM" },
  { file: "ba-to-2023.txt", districtCode: "QNG-BT" },
] as const;

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
 * Idempotent: a district that already has a plan is left alone.
 */
export async function seedDemoPlans(db: Database): Promise<string[]> {
  const actor = await demoAdminActor(db);
  if (!actor) return [];
  const codes = DEMO_PLANS.map((p) => p.districtCode);
  const districts = await db.select().from(orgUnits).where(inArray(orgUnits.code, codes));
  const published: string[] = [];
  for (const demo of DEMO_PLANS) {
    const district = districts.find((d) => d.code === demo.districtCode);
    if (!district) continue;
    const existing = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.tenantId, district.tenantId), eq(plans.unitId, district.id)))
      .limit(1);
    if (existing.length) continue;
    const [focalOffice] = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, district.tenantId), eq(orgUnits.code, `${demo.districtCode}-VHTT`)));
    const text = readFileSync(new URL(`./plans/${demo.file}`, import.meta.url), "utf8");
    const plan = await importPlan(db, {
      actor,
      unitId: district.id,
      extract: extractPlan(text),
      fileName: demo.file,
      format: "txt",
    });
    const withoutLead = await db
      .select({ id: planTasks.id })
      .from(planTasks)
      .where(
        and(
          eq(planTasks.tenantId, plan.tenantId),
          eq(planTasks.planId, plan.id),
          isNull(planTasks.leadUnitId),
          eq(planTasks.leadNone, false),
        ),
      );
    for (const task of withoutLead) {
      await updateItem(db, {
        actor,
        code: plan.code,
        type: "task",
        id: task.id,
        input: focalOffice ? { leadUnitId: focalOffice.id } : { leadNone: true },
      });
    }
    await publishPlan(db, { actor, code: plan.code });
    published.push(plan.code);
  }
  return published;
}
