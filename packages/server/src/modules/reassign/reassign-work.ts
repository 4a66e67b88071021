import type { TReassignmentItem, TReassignmentPreview, TReassignmentRequest } from "@dtplan/contracts";
import { ROLE_LABELS, type Role } from "@dtplan/domain/access/roles.ts";
import { REASSIGN_KINDS, type ReassignKind } from "@dtplan/domain/org/lists.ts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import type { OrgUnitRow, StoredCoordinator } from "../../db/schema.ts";
import { sqlList, todayIso } from "../../db/sql.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudits } from "../audit/audit.repository.ts";
import { tellTasksAssigned } from "../notify/tasks-assigned.ts";
import { findUnitsByIds } from "../org/org.repository.ts";
import { publicDataChanged } from "../plans/plan-summaries.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";

/** Unsubmitted reports: what a successor can carry on writing. Submitted and approved ones stay. */
const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ["draft", "returned"];

interface Move {
  from: OrgUnitRow;
  to: OrgUnitRow;
}

interface TaskRow {
  id: string;
  text: string;
  lead_unit_id: string | null;
  coordinators: StoredCoordinator[];
  plan_id: string;
  plan_title: string;
  plan_status: string;
}

/** A task's lead and coordinators after every move that touches it. */
interface TaskChange {
  id: string;
  lead: string | null;
  coordinators: StoredCoordinator[];
}

interface Work {
  tenantId: string;
  /** The language the preview's lines are written in (the audit keeps Vietnamese). */
  lang: Lang;
  items: TReassignmentItem[];
  tasks: TaskChange[];
  reports: { id: string; toUnitId: string }[];
  assignments: { planId: string; targetKey: string; fromUnitId: string; toUnitId: string }[];
  grants: { userId: string; role: Role; fromUnitId: string; toUnitId: string; duplicate: boolean }[];
  /** Tasks of plans in force that a successor now leads: plan id → its title and each unit's task texts. */
  newLeads: Map<string, { title: string; byUnit: Map<string, string[]> }>;
}

/** What the preview says of each item, in each language; names and texts stay as written. */
const WORDS = {
  vi: {
    lead: "chủ trì",
    coordinating: "phối hợp",
    alreadyReports: (unit: string) => `${unit} đã được giao chỉ tiêu này`,
    plan: "Kế hoạch",
    reportClash: (unit: string) => `${unit} đã có báo cáo kỳ này; báo cáo cũ giữ nguyên tên đơn vị cũ.`,
    roleHeld: (role: string, unit: string) => `${role} — đã có trên ${unit}, quyền cũ được bỏ`,
  },
  en: {
    lead: "lead",
    coordinating: "coordinating",
    alreadyReports: (unit: string) => `${unit} already reports this target`,
    plan: "Plan",
    reportClash: (unit: string) =>
      `${unit} already has a report for this period; the old report keeps the old unit's name.`,
    roleHeld: (role: string, unit: string) => `${role} — already held on ${unit}; the old role is dropped`,
  },
} as const;

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Checks the moves: every source is closed (or closing: it has a last day), every
 * destination in force today, all in one province, no unit moved to itself or twice.
 */
async function loadMoves(db: Database, input: TReassignmentRequest, today: string): Promise<Move[]> {
  const ids = [...new Set(input.moves.flatMap((m) => [m.fromUnitId, m.toUnitId]))];
  const units = new Map((await findUnitsByIds(db, ids)).map((u) => [u.id, u]));
  const sources = new Set<string>();
  return input.moves.map((m, i) => {
    const from = units.get(m.fromUnitId);
    const to = units.get(m.toUnitId);
    if (!from || !to) throw notFound("Không tìm thấy đơn vị cần chuyển công việc.");
    const path = `body.moves.${i}`;
    if (from.tenantId !== to.tenantId || from.tenantId !== units.get(input.moves[0].fromUnitId)?.tenantId) {
      throw new AppError("bad_request", "Chỉ chuyển công việc giữa các đơn vị trong cùng một tỉnh.", [
        { path, message: "Đơn vị thuộc tỉnh khác" },
      ]);
    }
    if (from.id === to.id) {
      throw new AppError("validation_failed", `Đơn vị nhận phải khác "${from.name}".`, [
        { path: `${path}.toUnitId`, message: "Trùng với đơn vị chuyển đi" },
      ]);
    }
    if (sources.has(from.id)) {
      throw new AppError("validation_failed", `Đơn vị "${from.name}" được chọn hai lần.`, [
        { path: `${path}.fromUnitId`, message: "Chọn mỗi đơn vị một lần" },
      ]);
    }
    sources.add(from.id);
    if (from.validTo === null) {
      throw conflict(
        `Đơn vị "${from.name}" vẫn đang hoạt động: chỉ chuyển công việc của đơn vị đã sáp nhập, chia tách hoặc giải thể.`,
      );
    }
    if (to.validTo !== null && to.validTo < today) {
      throw conflict(`Đơn vị nhận "${to.name}" đã ngừng hoạt động; chọn đơn vị đang hoạt động.`);
    }
    if (to.validFrom !== null && to.validFrom > today && to.validFrom > from.validTo) {
      throw conflict(`Đơn vị nhận "${to.name}" chưa có hiệu lực.`);
    }
    return { from, to };
  });
}

const ref = (u: OrgUnitRow) => ({ id: u.id, name: u.name });

/** Open tasks (not completed) of plans in force or in draft that a source leads or coordinates. */
async function gatherTasks(db: Database, tenantId: string, moves: readonly Move[], work: Work) {
  const fromIds = moves.map((m) => m.from.id);
  const rows = await queryRows<TaskRow>(
    db,
    sql`SELECT t.id, t.text, t.lead_unit_id, t.coordinators, p.id AS plan_id, p.title AS plan_title,
               p.status AS plan_status
          FROM plan_tasks t
          JOIN plans p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
         WHERE t.tenant_id = ${tenantId}
           AND p.status IN ('draft', 'published')
           AND t.completed_at IS NULL
           AND (t.lead_unit_id IN ${sqlList(fromIds)}
                OR EXISTS (SELECT 1 FROM jsonb_array_elements(t.coordinators) AS c
                            WHERE c->>'unitId' IN ${sqlList(fromIds)}))
         ORDER BY p.code, p.version, t.position`,
  );
  const toOf = new Map(moves.map((m) => [m.from.id, m.to]));
  const fromOf = new Map(moves.map((m) => [m.from.id, m.from]));
  for (const row of rows) {
    const change: TaskChange = { id: row.id, lead: row.lead_unit_id, coordinators: [] };
    const leadTo = row.lead_unit_id ? toOf.get(row.lead_unit_id) : undefined;
    if (leadTo && row.lead_unit_id) {
      work.items.push({
        kind: "task",
        id: row.id,
        label: shorten(row.text),
        detail: `${row.plan_title} · ${WORDS[work.lang].lead}`,
        from: ref(fromOf.get(row.lead_unit_id) as OrgUnitRow),
        to: ref(leadTo),
        skipped: null,
      });
      change.lead = leadTo.id;
      if (row.plan_status === "published") {
        const plan = work.newLeads.get(row.plan_id) ?? { title: row.plan_title, byUnit: new Map() };
        plan.byUnit.set(leadTo.id, [...(plan.byUnit.get(leadTo.id) ?? []), row.text]);
        work.newLeads.set(row.plan_id, plan);
      }
    }
    const seen = new Set<string>(change.lead ? [change.lead] : []);
    for (const c of row.coordinators) {
      const to = c.unitId ? toOf.get(c.unitId) : undefined;
      if (to && c.unitId) {
        work.items.push({
          kind: "task",
          id: `${row.id}:${c.unitId}`,
          label: shorten(row.text),
          detail: `${row.plan_title} · ${WORDS[work.lang].coordinating}`,
          from: ref(fromOf.get(c.unitId) as OrgUnitRow),
          to: ref(to),
          skipped: null,
        });
      }
      const unitId = to ? to.id : c.unitId;
      // The successor already leads or coordinates the task: one entry is enough.
      if (unitId && seen.has(unitId)) continue;
      if (unitId) seen.add(unitId);
      change.coordinators.push(to ? { ...c, unitId: to.id, suggestions: [] } : c);
    }
    work.tasks.push(change);
  }
}

/**
 * Targets a source is assigned to report (đơn vị báo cáo chỉ tiêu) in plans in force or in
 * draft: the destination reports them; where it already does, the source's row just goes.
 */
async function gatherAssignments(db: Database, tenantId: string, moves: readonly Move[], work: Work) {
  const ids = [...new Set(moves.flatMap((m) => [m.from.id, m.to.id]))];
  const rows = await queryRows<{
    plan_id: string;
    target_key: string;
    unit_id: string;
    text: string;
    plan_title: string;
  }>(
    db,
    sql`SELECT a.plan_id, a.target_key, a.unit_id, g.text, p.title AS plan_title
          FROM plan_target_units a
          JOIN plans p ON p.tenant_id = a.tenant_id AND p.id = a.plan_id
          JOIN plan_targets g ON g.tenant_id = a.tenant_id AND g.plan_id = a.plan_id AND g.key = a.target_key
         WHERE a.tenant_id = ${tenantId}
           AND p.status IN ('draft', 'published')
           AND a.unit_id IN ${sqlList(ids)}
         ORDER BY p.code, p.version, g.position`,
  );
  const held = new Set(rows.map((r) => `${r.plan_id}:${r.target_key}:${r.unit_id}`));
  const moveOf = new Map(moves.map((m) => [m.from.id, m]));
  for (const r of rows) {
    const move = moveOf.get(r.unit_id);
    if (!move) continue;
    const already = held.has(`${r.plan_id}:${r.target_key}:${move.to.id}`);
    held.add(`${r.plan_id}:${r.target_key}:${move.to.id}`);
    work.items.push({
      kind: "assignment",
      id: `${r.plan_id}:${r.target_key}:${r.unit_id}`,
      label: shorten(r.text),
      detail: already ? `${r.plan_title} · ${WORDS[work.lang].alreadyReports(move.to.name)}` : r.plan_title,
      from: ref(move.from),
      to: ref(move.to),
      skipped: null,
    });
    work.assignments.push({
      planId: r.plan_id,
      targetKey: r.target_key,
      fromUnitId: move.from.id,
      toUnitId: move.to.id,
    });
  }
}

/**
 * Unsubmitted reports (draft, returned) of periods that end after the source closed:
 * the successor is the unit expected to report them. A period where the successor
 * already has its own report keeps the source's draft (named, not merged).
 */
async function gatherReports(db: Database, tenantId: string, moves: readonly Move[], work: Work) {
  const rows = await queryRows<{
    id: string;
    unit_id: string;
    status: ReportStatus;
    period_id: string;
    period_key: string;
    label: string;
    end_date: string;
    plan_title: string | null;
  }>(
    db,
    sql`SELECT r.id, r.unit_id, r.status, r.period_id, rp.key AS period_key, rp.label,
               rp.end_date::text AS end_date,
               (SELECT p.title FROM plans p
                 WHERE p.tenant_id = r.tenant_id AND p.code = r.plan_code
                 ORDER BY p.version DESC LIMIT 1) AS plan_title
          FROM unit_reports r
          JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
         WHERE r.tenant_id = ${tenantId}
           AND r.unit_id IN ${sqlList(moves.map((m) => m.from.id))}
           AND r.status IN ${sqlList(OPEN_REPORT_STATUSES)}
         ORDER BY rp.end_date, rp.label`,
  );
  const moveOf = new Map(moves.map((m) => [m.from.id, m]));
  const order = new Map(moves.map((m, i) => [m.from.id, i]));
  // When two sources' reports meet in one period, the first move named keeps its report.
  const current = rows
    .filter((r) => r.end_date > (moveOf.get(r.unit_id)?.from.validTo as string))
    .sort((a, b) => (order.get(a.unit_id) ?? 0) - (order.get(b.unit_id) ?? 0));
  const taken = current.length
    ? await queryRows<{ period_id: string; unit_id: string }>(
        db,
        sql`SELECT period_id, unit_id FROM unit_reports
             WHERE tenant_id = ${tenantId}
               AND period_id IN ${sqlList([...new Set(current.map((r) => r.period_id))])}
               AND unit_id IN ${sqlList(moves.map((m) => m.to.id))}`,
      )
    : [];
  const has = new Set(taken.map((t) => `${t.period_id}:${t.unit_id}`));
  for (const r of current) {
    const { from, to } = moveOf.get(r.unit_id) as Move;
    const clash = has.has(`${r.period_id}:${to.id}`);
    work.items.push({
      kind: "report",
      id: r.id,
      label: `${r.plan_title ?? WORDS[work.lang].plan} — ${periodLabel({ key: r.period_key, label: r.label }, work.lang)}`,
      detail: REPORT_STATUS_LABELS[r.status][work.lang],
      from: ref(from),
      to: ref(to),
      skipped: clash ? WORDS[work.lang].reportClash(to.name) : null,
    });
    if (!clash) {
      work.reports.push({ id: r.id, toUnitId: to.id });
      has.add(`${r.period_id}:${to.id}`);
    }
  }
}

/** Grants on the sources (optionally of some users only) move to the destination with the same role. */
async function gatherGrants(
  db: Database,
  tenantId: string,
  moves: readonly Move[],
  userIds: readonly string[] | undefined,
  work: Work,
) {
  const unitIds = [...new Set(moves.flatMap((m) => [m.from.id, m.to.id]))];
  const rows = await queryRows<{
    user_id: string;
    unit_id: string;
    role: Role;
    full_name: string;
    username: string;
  }>(
    db,
    sql`SELECT g.user_id, g.unit_id, g.role, u.full_name, u.username
          FROM role_grants g
          JOIN users u ON u.id = g.user_id
         WHERE g.tenant_id = ${tenantId} AND g.unit_id IN ${sqlList(unitIds)}
           ${userIds?.length ? sql`AND g.user_id IN ${sqlList(userIds)}` : sql``}
         ORDER BY u.full_name, g.role`,
  );
  const held = new Set(rows.map((r) => `${r.user_id}:${r.unit_id}:${r.role}`));
  const moveOf = new Map(moves.map((m) => [m.from.id, m]));
  for (const r of rows) {
    const move = moveOf.get(r.unit_id);
    if (!move) continue;
    const key = `${r.user_id}:${move.to.id}:${r.role}`;
    const duplicate = held.has(key);
    held.add(key);
    work.items.push({
      kind: "grant",
      id: `${r.user_id}:${r.unit_id}:${r.role}`,
      label: `${r.full_name} (${r.username})`,
      detail: duplicate
        ? WORDS[work.lang].roleHeld(ROLE_LABELS[r.role][work.lang], move.to.name)
        : ROLE_LABELS[r.role][work.lang],
      from: ref(move.from),
      to: ref(move.to),
      skipped: null,
    });
    work.grants.push({
      userId: r.user_id,
      role: r.role,
      fromUnitId: move.from.id,
      toUnitId: move.to.id,
      duplicate,
    });
  }
}

async function gatherWork(
  db: Database,
  input: TReassignmentRequest,
  today: string,
  lang: Lang = "vi",
): Promise<Work> {
  if (input.userIds?.length && input.kinds?.some((k) => k !== "grant")) {
    throw new AppError("validation_failed", "Chọn người dùng chỉ áp dụng cho việc chuyển quyền.", [
      { path: "body.userIds", message: 'Chỉ dùng với kinds: ["grant"]' },
    ]);
  }
  const moves = await loadMoves(db, input, today);
  const tenantId = moves[0].from.tenantId;
  const kinds = new Set<ReassignKind>(input.kinds ?? REASSIGN_KINDS);
  const work: Work = {
    tenantId,
    lang,
    items: [],
    tasks: [],
    assignments: [],
    reports: [],
    grants: [],
    newLeads: new Map(),
  };
  if (kinds.has("task")) await gatherTasks(db, tenantId, moves, work);
  if (kinds.has("assignment")) await gatherAssignments(db, tenantId, moves, work);
  if (kinds.has("report")) await gatherReports(db, tenantId, moves, work);
  if (kinds.has("grant")) await gatherGrants(db, tenantId, moves, input.userIds, work);
  return work;
}

function presentWork(work: Work): TReassignmentPreview {
  const counts = Object.fromEntries(REASSIGN_KINDS.map((k) => [k, 0])) as Record<ReassignKind, number>;
  let skipped = 0;
  for (const item of work.items) {
    if (item.skipped) skipped++;
    else counts[item.kind]++;
  }
  return { items: work.items, counts, skipped };
}

/** Xem trước: what would move to whom, and what cannot; changes nothing. */
export async function previewReassignment(
  db: Database,
  { input, now = new Date(), lang = "vi" }: { input: TReassignmentRequest; now?: Date; lang?: Lang },
): Promise<TReassignmentPreview> {
  return presentWork(await gatherWork(db, input, todayIso(now), lang));
}

/**
 * Chuyển công việc — in one transaction: the sources' open tasks (as lead or coordinator),
 * unsubmitted reports of current periods and users' grants pass to the chosen successors,
 * one audit entry per item. Completed tasks and submitted reports keep the old unit:
 * history reads under the name it was done under.
 */
export async function reassignWork(
  db: Database,
  { actor, input, now = new Date() }: { actor: Actor; input: TReassignmentRequest; now?: Date },
): Promise<TReassignmentPreview> {
  return db.transaction(async (tx) => {
    const work = await gatherWork(tx, input, todayIso(now));
    const { tenantId } = work;
    if (work.tasks.length) {
      await tx.execute(
        sql`UPDATE plan_tasks t
               SET lead_unit_id = v.lead, coordinators = v.coordinators,
                   version = t.version + 1, updated_by = ${actor.id}, updated_at = now()
              FROM jsonb_to_recordset(${JSON.stringify(work.tasks)}::jsonb) AS v(id uuid, lead uuid, coordinators jsonb)
             WHERE t.tenant_id = ${tenantId} AND t.id = v.id`,
      );
      await publicDataChanged(tx, tenantId);
    }
    if (work.assignments.length) {
      const rows = JSON.stringify(
        work.assignments.map((a) => ({
          plan_id: a.planId,
          target_key: a.targetKey,
          from_unit: a.fromUnitId,
          to_unit: a.toUnitId,
        })),
      );
      const shape = sql`jsonb_to_recordset(${rows}::jsonb) AS v(plan_id uuid, target_key uuid, from_unit uuid, to_unit uuid)`;
      await tx.execute(
        sql`DELETE FROM plan_target_units a USING ${shape}
             WHERE a.tenant_id = ${tenantId} AND a.plan_id = v.plan_id
               AND a.target_key = v.target_key AND a.unit_id = v.from_unit`,
      );
      await tx.execute(
        sql`INSERT INTO plan_target_units (tenant_id, plan_id, target_key, unit_id, assigned_by)
            SELECT DISTINCT ${tenantId}::uuid, v.plan_id, v.target_key, v.to_unit, ${actor.id}::uuid FROM ${shape}
            ON CONFLICT DO NOTHING`,
      );
    }
    if (work.reports.length) {
      await tx.execute(
        sql`UPDATE unit_reports r
               SET unit_id = v.to_unit, updated_at = now(), updated_by = ${actor.id}
              FROM jsonb_to_recordset(${JSON.stringify(work.reports.map((r) => ({ id: r.id, to_unit: r.toUnitId })))}::jsonb)
                   AS v(id uuid, to_unit uuid)
             WHERE r.tenant_id = ${tenantId} AND r.id = v.id`,
      );
    }
    if (work.grants.length) {
      const rows = JSON.stringify(
        work.grants.map((g) => ({
          user_id: g.userId,
          role: g.role,
          from_unit: g.fromUnitId,
          to_unit: g.toUnitId,
        })),
      );
      await tx.execute(
        sql`DELETE FROM role_grants g
             USING jsonb_to_recordset(${rows}::jsonb) AS v(user_id uuid, role text, from_unit uuid, to_unit uuid)
             WHERE g.tenant_id = ${tenantId} AND g.user_id = v.user_id AND g.unit_id = v.from_unit AND g.role = v.role`,
      );
      await tx.execute(
        sql`INSERT INTO role_grants (tenant_id, user_id, unit_id, role)
            SELECT DISTINCT ${tenantId}::uuid, v.user_id, v.to_unit, v.role
              FROM jsonb_to_recordset(${rows}::jsonb) AS v(user_id uuid, role text, from_unit uuid, to_unit uuid)
            ON CONFLICT DO NOTHING`,
      );
    }
    // Tasks, targets' reporting units or reports passed on: who reports changes in the plans.
    if (work.tasks.length || work.assignments.length || work.reports.length)
      await refreshReportingStatus(tx, { tenantId });
    const ENTITY = {
      task: "plan_task",
      assignment: "plan_target_unit",
      report: "unit_report",
      grant: "role_grant",
    } as const;
    await recordAudits(
      tx,
      work.items
        .filter((item) => !item.skipped)
        .map((item) => ({
          tenantId,
          actorId: actor.id,
          action: `org.reassign.${item.kind}`,
          entity: ENTITY[item.kind],
          entityId: item.kind === "report" || item.kind === "assignment" ? item.id : item.id.split(":")[0],
          unitId: item.to.id,
          before: { unit: item.from, label: item.label, detail: item.detail },
          after: { unit: item.to, label: item.label, detail: item.detail },
        })),
    );
    // The successors' own staff hear of the tasks they now lead (plans in force only).
    for (const [planId, plan] of work.newLeads)
      await tellTasksAssigned(tx, {
        tenantId,
        actor,
        plan: { id: planId, title: plan.title },
        byUnit: plan.byUnit,
        occasion: `:reassigned:${now.toISOString()}`,
        now,
      });
    return presentWork(work);
  });
}
