import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { orgUnits, plans, planTargets, planTasks, users } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import type { Actor } from "../access/actor.ts";
import { grantsOfUser } from "../auth/session.repository.ts";
import { runExtractJob } from "../plans/extract-job.ts";
import { importPlan } from "../plans/import-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { updateItem } from "../plans/review-items.ts";
import { setTargetUnits } from "../plans/target-units.ts";
import { planDocx } from "./plan-docx.ts";
import { DEMO_ADMIN } from "./seed.ts";
import { confirmDemoCascade } from "./seed-cascade.ts";
import { vlgLocalCode } from "./vinh-long-today.ts";

/**
 * The demo's plans, each imported through the import operation an upload goes through
 * (read the file, extract, import) and published. Today's Vĩnh Long: the province plan
 * for 2026 and two commune plans that implement it, written for the demo in the layouts
 * plans use since the 2025 reform (appendix task table, targets by year, "+ Cơ quan chủ
 * trì" lines) and uploaded as Word files. History: the three dev plans, each issued by its
 * district, closed on 30/6/2025. Tasks whose lead the plan leaves to an annex go to the
 * focal unit, as a focal officer would do in review; a commune's own offices are not units
 * here, so the commune leads its tasks unless a partner does.
 */
interface DemoPlan {
  file: string;
  unitCode: string;
  focalCode: string | null;
  /** Uploaded as a Word file made from the text (tables as Word tables); else as .txt. */
  docx?: boolean;
  /** A commune's plan: tasks its offices lead are the commune's own (partners excepted). */
  commune?: boolean;
  /** Partners outside the issuer's own tree that the plan names as leads (lead text → unit code). */
  partners?: Record<string, string>;
}

const VLG_PARTNERS = {
  "VNPT Vĩnh Long": "VLG-VNPT",
  "Viettel Vĩnh Long": "VLG-VIETTEL",
  "Bưu điện tỉnh Vĩnh Long": "VLG-BUUDIEN",
};

const DEMO_PLANS: readonly DemoPlan[] = [
  { file: "chau-thanh-2025.txt", unitCode: "BTR-CT", focalCode: "BTR-CT-VHTT" },
  { file: "thap-muoi-2024.txt", unitCode: "DTP-TM", focalCode: "DTP-TM-VHTT" },
  { file: "ba-to-2023.txt", unitCode: "QNG-BT", focalCode: "QNG-BT-VHTT" },
  { file: "vinh-long-2026.txt", unitCode: "VLG", focalCode: "VLG-SKHCN", docx: true, partners: VLG_PARTNERS },
  {
    file: "xa-long-ho-2026.txt",
    unitCode: vlgLocalCode("Xã Long Hồ"),
    focalCode: null,
    docx: true,
    commune: true,
    partners: VLG_PARTNERS,
  },
  {
    file: "phuong-tra-vinh-2026.txt",
    unitCode: vlgLocalCode("Phường Trà Vinh"),
    focalCode: null,
    docx: true,
    commune: true,
    partners: VLG_PARTNERS,
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
    const upload = demo.docx
      ? { bytes: await planDocx(text), fileName: demo.file.replace(/\.txt$/, ".docx") }
      : { bytes: new TextEncoder().encode(text), fileName: demo.file };
    const { extract, format } = await runExtractJob(upload);
    const plan = await importPlan(db, {
      actor,
      unitId: issuer.id,
      extract,
      fileName: upload.fileName,
      format,
    });
    const partnerUnits = demo.partners
      ? await db
          .select()
          .from(orgUnits)
          .where(
            and(eq(orgUnits.tenantId, issuer.tenantId), inArray(orgUnits.code, Object.values(demo.partners))),
          )
      : [];
    const tasks = await db
      .select({ id: planTasks.id, leadText: planTasks.leadText, leadUnitId: planTasks.leadUnitId })
      .from(planTasks)
      .where(
        and(
          eq(planTasks.tenantId, plan.tenantId),
          eq(planTasks.planId, plan.id),
          eq(planTasks.leadNone, false),
        ),
      );
    const partnerOf = (leadText: string | null) =>
      partnerUnits.find((u) => leadText && demo.partners?.[leadText] === u.code);
    for (const task of tasks) {
      const partner = partnerOf(task.leadText);
      const lead = partner?.id ?? (demo.commune || !task.leadUnitId ? focalOffice.id : task.leadUnitId);
      if (lead === task.leadUnitId) continue;
      await updateItem(db, {
        actor,
        code: plan.code,
        type: "task",
        id: task.id,
        input: { leadUnitId: lead },
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
    if (demo.commune) await confirmDemoCascade(db, actor, plan.code);
    await publishPlan(db, { actor, code: plan.code, issuingUnitReports: true, quiet: true });
    published.push(plan.code);
  }
  return published;
}
