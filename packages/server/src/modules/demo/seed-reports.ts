import { isAllowed } from "@dtplan/domain/access/access.ts";
import { makeTextPdf } from "@dtplan/domain/extract/read/fixtures.ts";
import { reportingUnits, unitTargets } from "@dtplan/domain/reporting/who-reports.ts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { plans, unitReports, users } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import type { Actor } from "../access/actor.ts";
import { pathIn } from "../access/tree-access.ts";
import { actorOfUser } from "../auth/session.repository.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { attachReportEvidence } from "../reporting/attach-report-evidence.ts";
import { createReport, type ReportScope } from "../reporting/get-report.ts";
import { listPeriods, loadBasis } from "../reporting/reporting.repository.ts";
import { reviewReport } from "../reporting/review-report.ts";
import { saveDraft } from "../reporting/save-draft.ts";
import { submitReport } from "../reporting/submit-report.ts";
import { refreshTargetFigures } from "../summary/target-figures.ts";

export const DEMO_NOTE = "Số liệu mẫu (demo)";

/**
 * Which demo plans have reports, who reviews them, which accounts enter their own unit's
 * report (any other unit — a partner such as VNPT or Bưu điện without an account — has
 * its report entered on its behalf by the focal officer), and for which periods.
 */
const DEMO_REPORTING: readonly {
  planCode: string;
  reviewer: string;
  /** The focal officer who enters ("nhập thay") the reports of units without an account. */
  focal: string;
  reporters: readonly string[];
  periods: readonly string[];
}[] = [
  // History: the district's plan, its first two quarters before the 2025 reform.
  {
    planCode: "chau-thanh-2025",
    reviewer: "vinhlong.daumoi",
    focal: "vinhlong.daumoi",
    reporters: [],
    periods: ["2025-Q1", "2025-Q2"],
  },
  // Today: the province's 2026 plan and the communes' plans that implement it.
  {
    planCode: "vinh-long-2026",
    reviewer: "vinhlong.daumoi",
    focal: "vinhlong.daumoi",
    reporters: ["vinhlong.sonv", "vinhlong.sotc"],
    periods: ["2026-Q1", "2026-Q2", "2026-Q3"],
  },
  {
    planCode: "long-ho-2026",
    reviewer: "longho.lanhdao",
    focal: "longho.daumoi",
    reporters: ["longho.baocao"],
    periods: ["2026-Q1", "2026-Q2", "2026-Q3"],
  },
  {
    planCode: "tra-vinh-2026",
    reviewer: "travinh.daumoi",
    focal: "travinh.daumoi",
    reporters: ["travinh.baocao"],
    periods: ["2026-Q1", "2026-Q2"],
  },
];

async function actorOf(db: Database, username: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) return null;
  return actorOfUser(db, user, "demo-seed");
}

/** A stable pseudo-random share in [0, 1) from a text, so demo figures do not change between runs. */
function share(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

/**
 * A led task's reported progress: most tasks due by the period's end are done (100,
 * which completes the task); the others move on each quarter. Stable between runs (from
 * the task's text, not its generated key).
 */
function demoProgress(task: { text: string; deadlineDate: string | null }, periodEnd: string, q: number) {
  const s = share(task.text);
  if (task.deadlineDate !== null && task.deadlineDate <= periodEnd && s < 0.6) return 100;
  return Math.min(95, 20 + q * 30 + Math.round(s * 20));
}

/** Vietnam local time on a day, as a Date. */
const at = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour).padStart(2, "0")}:00:00+07:00`);

/**
 * Báo cáo mẫu — demo plans' units report with demo figures (every note says "Số liệu
 * mẫu (demo)"), through the same operations as the API: the first period all approved,
 * one unit late and one report returned then resubmitted; the second all on time, half
 * approved; a third (when there is one) waiting for review, its first unit (by name) not
 * yet in and its second unit's report returned.
 * Idempotent per plan: skipped once the plan has reports.
 */
export async function seedDemoReports(db: Database, evidence: EvidenceStore | null = null): Promise<number> {
  let count = 0;
  for (const demo of DEMO_REPORTING) count += await seedPlanReports(db, demo, evidence);
  return count;
}

/** A one-page PDF standing for the unit's signed figures (ASCII: the standard fonts have no Vietnamese). */
function demoEvidencePdf(planCode: string, period: string, unitCode: string): Uint8Array {
  return makeTextPdf([
    [
      [72, 770, "dtplan - DU LIEU MAU (demo evidence)"],
      [72, 740, `Bang so lieu ky bao cao ${period} - ke hoach ${planCode}`],
      [72, 720, `Don vi: ${unitCode}`],
      [72, 690, "Tep minh chung mau, khong phai van ban that."],
    ],
  ]);
}

async function seedPlanReports(
  db: Database,
  demo: (typeof DEMO_REPORTING)[number],
  evidence: EvidenceStore | null,
): Promise<number> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(
      acrossTenants(
        "the demo finds its plans by code",
        and(eq(plans.code, demo.planCode), eq(plans.status, "published")),
      ),
    )
    .limit(1);
  if (!plan) return 0;
  const existing = await db
    .select({ id: unitReports.id })
    .from(unitReports)
    .where(and(eq(unitReports.tenantId, plan.tenantId), eq(unitReports.planCode, demo.planCode)))
    .limit(1);
  if (existing.length) return 0;
  const [admin, officer, focalOfficer, ...reporters] = await Promise.all([
    actorOf(db, "admin"),
    actorOf(db, demo.reviewer),
    actorOf(db, demo.focal),
    ...demo.reporters.map((username) => actorOf(db, username)),
  ]);
  if (!admin) return 0;
  const reviewer = officer ?? admin;
  const focal = focalOfficer ?? admin;
  const periods = await listPeriods(db, plan);
  const basis = await loadBasis(db, plan);
  let count = 0;
  for (const [q, key] of demo.periods.entries()) {
    const period = periods.find((p) => p.key === key);
    if (!period) continue;
    const units = [...reportingUnits(basis, period).values()];
    for (const [i, ru] of units.entries()) {
      if (q === 2 && i === 0) continue;
      // A unit with its own reporter reports itself; for the others (VNPT, Bưu điện, a
      // department without an account yet) the focal officer enters the report: nhập thay.
      const own = reporters.find(
        (r) => r && isAllowed(r.grants, "reports.submit", pathIn(basis.units, ru.unit.id)),
      );
      const reporter = own ?? focal;
      const scope = (actor: Actor): ReportScope => ({
        ctx: {
          plan,
          actor,
          canReview: actor === reviewer || actor === admin,
          canManage: actor === focal || actor === admin,
        },
        basis,
        period,
        ru,
        canEdit: true,
        onBehalf: false,
        // Months of replayed history are no news: only the last return below tells its reporters.
        quiet: true,
        // The plan's stored figures are written once below, when its history is in.
        replay: true,
      });
      const mine = { ...scope(reporter), onBehalf: !own };
      const created = await createReport(db, mine, reporter.id);
      // The unit's figures come with a file a leader can open from the dashboard.
      const file = evidence
        ? await attachReportEvidence(db, evidence, {
            scope: mine,
            file: {
              fileName: `Bảng số liệu ${period.label} - ${ru.unit.name} (dữ liệu mẫu).pdf`,
              bytes: demoEvidencePdf(plan.code, key, ru.unit.code),
            },
          })
        : null;
      const evidenceFileIds = file ? [file.id] : [];
      const saved = await saveDraft(db, {
        scope: mine,
        input: {
          version: created.version,
          difficulties: `${DEMO_NOTE}: kinh phí cho chuyển đổi số còn hạn chế; một số cán bộ chưa thành thạo nền tảng số.`,
          proposals: `${DEMO_NOTE}: đề nghị bổ sung kinh phí và tổ chức tập huấn kỹ năng số.`,
          tasks: ru.tasks.map(({ task, role }) => ({
            key: task.key,
            progress: role === "lead" ? demoProgress(task, period.endDate, q) : null,
            note: `${DEMO_NOTE}: đã triển khai theo kế hoạch${role === "coordinator" ? " (phối hợp)" : ""}.`,
          })),
          values: unitTargets(basis, ru).map(({ target, indicator }) => {
            const seed = share(`${target.key}:${ru.unit.id}`);
            const goal = (target.value ?? 100) / 100;
            const reached = Math.min(1, goal * (0.8 + 0.08 * q + 0.15 * seed));
            if (indicator.aggregation === "ratio") {
              const denominator = 20 + Math.round(seed * 80);
              return {
                targetKey: target.key,
                numerator: Math.round(denominator * reached),
                denominator,
                note: DEMO_NOTE,
                evidenceFileIds,
              };
            }
            const value =
              indicator.aggregation === "boolean"
                ? 1
                : Math.round(reached * 1000) / (indicator.unit === "%" ? 10 : 1000);
            return { targetKey: target.key, value, note: DEMO_NOTE, evidenceFileIds };
          }),
        },
      });
      // Q1: the second unit is five days late; otherwise two days before the due date.
      const late = q === 0 && i === 1;
      const submittedOn = late ? at(period.dueDate, 15) : at(period.dueDate, 8);
      if (late) submittedOn.setUTCDate(submittedOn.getUTCDate() + 5);
      else submittedOn.setUTCDate(submittedOn.getUTCDate() - 2);
      await submitReport(db, {
        scope: mine,
        input: { version: saved.version },
        now: submittedOn,
      });
      const later = (days: number) => new Date(submittedOn.getTime() + days * 86_400_000);
      if (q === 0 && i === 0) {
        await reviewReport(db, {
          scope: scope(reviewer),
          decision: "return",
          input: { comment: `${DEMO_NOTE}: bổ sung số liệu hồ sơ trực tuyến và minh chứng.` },
          now: later(1),
        });
        await submitReport(db, { scope: mine, input: {}, now: later(2) });
      }
      if (q === 0 || (q === 1 && i % 2 === 0)) {
        await reviewReport(db, { scope: scope(reviewer), decision: "approve", input: {}, now: later(3) });
      }
      // The third period: the second unit's report is sent back and not yet resubmitted.
      if (q === 2 && i === 1) {
        await reviewReport(db, {
          scope: { ...scope(reviewer), quiet: false },
          decision: "return",
          input: { comment: `${DEMO_NOTE}: số liệu chưa khớp với hệ thống, đề nghị rà soát lại.` },
          now: later(2),
        });
      }
      count++;
    }
  }
  if (count) await refreshTargetFigures(db, { tenantId: plan.tenantId, planCode: plan.code });
  return count;
}
