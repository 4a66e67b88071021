import type { TDtiEntryInput, TDtiNode, TDtiVerificationInput } from "@dtplan/contracts/dti.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { grantsOfUser } from "../auth/session.repository.ts";
import { saveAssessment, submitAssessment, verifyAssessment } from "../dti/assessment.ts";
import { findRoundUnit, frameworkByCodeYear, listRounds } from "../dti/dti.repository.ts";
import type { DtiPowers } from "../dti/dti-access.ts";
import { copyFramework, getFramework } from "../dti/frameworks.ts";
import { createRound, transitionRound } from "../dti/rounds.ts";

/** The province's own framework for departments and communes (seeded into every province). */
const FRAMEWORK_CODE = "dti-so-nganh-xa";
const NOTE = "Dữ liệu mẫu (demo)";
/** Communes, wards, special zones and the province's departments are what a province ranks. */
const ASSESSED_KINDS = ["commune", "ward", "special_zone", "township", "department"];
const MAX_UNITS = 10;

/** A stable share in [0, 1) from a text, so the demo's scores do not change between runs. */
function share(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

const clamp = (v: number) => Math.max(0, Math.min(1, v));

interface DemoUnit {
  id: string;
  code: string;
  name: string;
  /** Has approved reports in 2026 (its automatic criteria have figures). */
  reports2026: boolean;
  /** A reporter of the unit itself, who fills its self-assessment. */
  reporterId: string | null;
}

async function actorOf(db: Database, userId: string): Promise<Actor> {
  const [u] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT id, tenant_id, username, full_name, email, is_superadmin FROM users WHERE id = ${userId}`,
  );
  if (!u) throw new Error(`Demo user ${userId} not found`);
  return {
    id: u.id as string,
    tenantId: u.tenant_id as string,
    username: u.username as string,
    fullName: u.full_name as string,
    email: (u.email as string | null) ?? null,
    isSuperadmin: u.is_superadmin as boolean,
    grants: await grantsOfUser(db, userId),
    session: { id: "demo-seed", tenantId: u.tenant_id as string, csrfToken: "" },
  };
}

/** Who acts for the province: its focal officer (frameworks, rounds, verification) and its administrator. */
async function provincePeople(
  db: Database,
  tenantId: string,
): Promise<{ focal: string | null; admin: string | null }> {
  const rows = await queryRows<{ user_id: string; role: string }>(
    db,
    sql`SELECT g.user_id, g.role FROM role_grants g JOIN users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
         WHERE g.tenant_id = ${tenantId} AND g.unit_id = ${tenantId} AND g.role IN ('focal_officer', 'administrator')
         ORDER BY u.username`,
  );
  return {
    focal: rows.find((r) => r.role === "focal_officer")?.user_id ?? null,
    admin: rows.find((r) => r.role === "administrator")?.user_id ?? null,
  };
}

/**
 * The units a demo round assesses, found by query (the demo's provinces change): units in
 * force of the assessed kinds, those with approved 2026 reports and those with their own
 * reporter first, then by name.
 */
async function assessedUnits(db: Database, tenantId: string): Promise<DemoUnit[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT * FROM (
          SELECT u.id, u.code, u.name,
                 EXISTS (SELECT 1 FROM unit_reports r JOIN reporting_periods p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
                          WHERE r.tenant_id = u.tenant_id AND r.unit_id = u.id AND r.status = 'approved'
                            AND p.end_date >= '2026-01-01' AND p.end_date <= '2026-12-31') AS reports_2026,
                 (SELECT g.user_id FROM role_grants g JOIN users s ON s.tenant_id = g.tenant_id AND s.id = g.user_id
                   WHERE g.tenant_id = u.tenant_id AND g.unit_id = u.id AND g.role = 'unit_reporter'
                   ORDER BY s.username LIMIT 1) AS reporter_id
            FROM org_units u
           WHERE u.tenant_id = ${tenantId} AND u.parent_id IS NOT NULL AND u.valid_to IS NULL
             AND u.kind IN (${sql.join(
               ASSESSED_KINDS.map((k) => sql`${k}`),
               sql`, `,
             )})) AS candidates
         ORDER BY reports_2026 DESC, (reporter_id IS NULL), name
         LIMIT ${MAX_UNITS}`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    reports2026: Boolean(r.reports_2026),
    reporterId: (r.reporter_id as string | null) ?? null,
  }));
}

async function publishedPlanOf(db: Database, tenantId: string, unitId: string): Promise<string | null> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM plans WHERE tenant_id = ${tenantId} AND unit_id = ${unitId} AND status = 'published'
         ORDER BY code LIMIT 1`,
  );
  return row?.code ?? null;
}

function leavesOf(nodes: readonly TDtiNode[]): TDtiNode[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [n] : leavesOf(n.children)));
}

/**
 * A unit's entry for one criterion: `quality` (0–1) is how far along the unit is, the
 * criterion's own share spreads it, so units differ by index and not only overall.
 */
function demoEntry(
  leaf: TDtiNode,
  quality: number,
  seed: string,
  planCode: string | null,
): TDtiEntryInput | null {
  const q = clamp(quality + (share(`${seed}:${leaf.code}`) - 0.5) * 0.5);
  const evidence = planCode ? [{ kind: "plan" as const, planCode }] : [];
  const base = { code: leaf.code, explanation: `${NOTE}: ${leaf.name.toLowerCase()}.`, evidence };
  const rule = leaf.rule;
  switch (rule.kind) {
    case "levels": {
      const levels = [...rule.levels].sort((a, b) => b.points - a.points);
      const level = levels[Math.min(levels.length - 1, Math.floor((1 - q) * levels.length))];
      return { ...base, level: level?.key ?? null };
    }
    case "ratio": {
      const denominator = 20 + Math.round(share(`${seed}:${leaf.code}:b`) * 180);
      return { ...base, numerator: Math.round(denominator * q), denominator };
    }
    case "boolean":
      return { ...base, achieved: q >= 0.35 };
    case "thresholds": {
      const top = Math.max(1, ...rule.thresholds.map((b) => b.min));
      return { ...base, value: Math.round(top * 1.2 * q) };
    }
    default:
      return null;
  }
}

interface RoundPlan {
  year: 2025 | 2026;
  frameworkId: string;
  name: string;
  startDate: string;
  dueDate: string;
}

/**
 * DTI mẫu — in each demo province, the department-and-commune framework's 2025 round,
 * verified and published (so the ranking, radar and year-on-year change show), and a
 * 2026 round in progress: about half the units submitted (one fully verified, one
 * returned with a comment), some drafts (the unit with approved 2026 reports among
 * them), one not started; its automatic criteria come from the demo's approved 2026
 * reports. Through the same operations as the API.
 * Idempotent: a province that has any DTI round is left alone.
 */
export async function seedDemoDti(db: Database): Promise<number> {
  const tenants = await queryRows<{ id: string }>(
    db,
    sql`SELECT tenant_id AS id FROM org_units WHERE parent_id IS NULL AND id = tenant_id ORDER BY code`,
  );
  let rounds = 0;
  for (const { id: tenantId } of tenants) rounds += await seedProvince(db, tenantId);
  return rounds;
}

async function seedProvince(db: Database, tenantId: string): Promise<number> {
  if ((await listRounds(db, tenantId)).length > 0) return 0;
  const fw2025 = await frameworkByCodeYear(db, tenantId, FRAMEWORK_CODE, 2025);
  const people = await provincePeople(db, tenantId);
  const officerId = people.focal ?? people.admin;
  if (!fw2025 || !officerId || !people.admin) return 0;
  const units = await assessedUnits(db, tenantId);
  if (units.length < 3) return 0;

  const powers: DtiPowers = { tenantId, manage: true, verify: true, readResults: true };
  const officer = await actorOf(db, officerId);
  const admin = await actorOf(db, people.admin);
  const reporters = new Map<string, Actor>();
  const reporterOf = async (u: DemoUnit) => {
    if (!u.reporterId) return admin;
    const known = reporters.get(u.reporterId) ?? (await actorOf(db, u.reporterId));
    reporters.set(u.reporterId, known);
    return known;
  };
  const plans = new Map<string, string | null>();
  for (const u of units) plans.set(u.id, await publishedPlanOf(db, tenantId, u.id));

  const fw2026Id = await copyFramework(db, {
    powers,
    actorId: officer.id,
    id: fw2025.id,
    input: { year: 2026 },
  });
  const leaves2025 = leavesOf((await getFramework(db, tenantId, fw2025.id)).nodes);
  const leaves2026 = leavesOf((await getFramework(db, tenantId, fw2026Id)).nodes);

  const open = async (plan: RoundPlan) => {
    const id = await createRound(db, {
      powers,
      actorId: officer.id,
      input: { ...plan, unitIds: units.map((u) => u.id) },
    });
    await transitionRound(db, { powers, actorId: officer.id, id, action: "open", quiet: true });
    return id;
  };
  const version = async (roundId: string, unitId: string) =>
    (await findRoundUnit(db, tenantId, roundId, unitId))?.version ?? 1;
  /** The unit fills `share` of its criteria (all by default) and, when asked, submits. */
  const fill = async (
    roundId: string,
    leaves: TDtiNode[],
    u: DemoUnit,
    quality: number,
    { submit, part = 1 }: { submit: boolean; part?: number },
  ) => {
    const actor = await reporterOf(u);
    const entries = leaves
      .slice(0, Math.max(1, Math.ceil(leaves.length * part)))
      .map((l) => demoEntry(l, quality, `${roundId}:${u.code}`, plans.get(u.id) ?? null))
      .filter((e): e is TDtiEntryInput => e !== null);
    await saveAssessment(db, {
      actor,
      powers,
      roundId,
      unitId: u.id,
      input: { version: await version(roundId, u.id), entries },
    });
    if (submit) {
      await submitAssessment(db, {
        actor,
        powers,
        roundId,
        unitId: u.id,
        version: await version(roundId, u.id),
      });
    }
  };
  const verify = async (roundId: string, u: DemoUnit, items: TDtiVerificationInput[]) =>
    verifyAssessment(db, {
      actor: officer,
      powers,
      roundId,
      unitId: u.id,
      input: { version: await version(roundId, u.id), items },
    });
  const quality = (u: DemoUnit) => 0.6 + share(u.code) * 0.35;

  // 2025: every unit submits, the province verifies (one criterion adjusted), closes and publishes.
  const r2025 = await open({
    year: 2025,
    frameworkId: fw2025.id,
    name: `Đánh giá chuyển đổi số năm 2025 của các sở, ban, ngành và UBND cấp xã (${NOTE})`,
    startDate: "2025-11-17",
    dueDate: "2025-12-15",
  });
  for (const [i, u] of units.entries()) {
    await fill(r2025, leaves2025, u, quality(u), { submit: true });
    const adjust = i === 1 ? leaves2025.find((l) => l.rule.kind === "levels") : undefined;
    await verify(
      r2025,
      u,
      leaves2025.map((l) =>
        l === adjust
          ? {
              code: l.code,
              outcome: "adjusted" as const,
              points: Math.floor(l.maxPoints / 2),
              comment: "Văn bản minh chứng chưa ghi số hiệu, ngày ban hành; tính ½ số điểm (dữ liệu mẫu).",
            }
          : { code: l.code, outcome: "accepted" as const },
      ),
    );
  }
  await transitionRound(db, { powers, actorId: officer.id, id: r2025, action: "close" });
  await transitionRound(db, { powers, actorId: officer.id, id: r2025, action: "publish" });

  // 2026, in progress: the first unit (the one with approved 2026 reports) is still
  // filling in; then one verified, one returned, the others up to half submitted, then
  // drafts, and the last unit not started.
  const r2026 = await open({
    year: 2026,
    frameworkId: fw2026Id,
    name: `Đánh giá chuyển đổi số năm 2026 của các sở, ban, ngành và UBND cấp xã (${NOTE})`,
    startDate: "2026-11-16",
    dueDate: "2026-12-15",
  });
  const submitted = Math.max(3, Math.ceil(units.length / 2) + 1);
  for (const [i, u] of units.entries()) {
    if (i === units.length - 1) break;
    // A year of work shows: most units do better than in 2025.
    const q = clamp(quality(u) + 0.05 + (share(`${u.code}:2026`) - 0.3) * 0.2);
    if (i === 0 || i >= submitted) {
      await fill(r2026, leaves2026, u, q, { submit: false, part: 0.6 });
      continue;
    }
    await fill(r2026, leaves2026, u, q, { submit: true });
    if (i === 1) {
      await verify(
        r2026,
        u,
        leaves2026.map((l) => ({ code: l.code, outcome: "accepted" as const })),
      );
    } else if (i === 2) {
      const returned = leaves2026.find((l) => l.rule.kind === "ratio") ?? leaves2026[0];
      if (returned) {
        await verify(r2026, u, [
          {
            code: returned.code,
            outcome: "returned",
            comment:
              "Đề nghị bổ sung danh sách máy tính và biên bản kiểm tra kết nối làm căn cứ số a, số b (dữ liệu mẫu).",
          },
        ]);
      }
    }
  }
  return 2;
}
