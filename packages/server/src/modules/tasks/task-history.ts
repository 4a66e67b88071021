import type {
  TEvidenceFile,
  TTaskComment,
  TTaskDetail,
  TTaskHistoryEntry,
  TTaskUpdate,
} from "@dtplan/contracts";
import { reportNoteIn } from "@dtplan/domain/reporting/period-label.ts";
import { TASK_STATUS_LABELS } from "@dtplan/domain/tasks/status.ts";
import { formatDate, type Lang } from "@dtplan/domain/text/format.ts";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  evidenceFiles,
  orgUnits,
  type TaskCommentRow,
  taskComments,
  taskUpdates,
  users,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import type { Actor } from "../access/actor.ts";
import { presentTask } from "../plans/plans.presenter.ts";
import { readableTask, type TaskContext } from "./task-access.ts";
import { statusOfTask } from "./task-status.ts";

const person = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? "" } : null;
const vnDate = formatDate;

export function presentEvidence(
  row: typeof evidenceFiles.$inferSelect,
  names: Map<string, string>,
): TEvidenceFile {
  return {
    id: row.id,
    name: row.originalName,
    contentType: row.contentType,
    size: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: person(row.uploadedBy, names),
    at: row.at.toISOString(),
    url: `/api/evidence/${row.id}`,
  };
}

/** A comment or direction just written, by the actor. */
/** Evidence files of a province by id, as the screens show them (with who uploaded each). */
export async function presentedEvidenceFiles(
  db: Database,
  tenantId: string,
  fileIds: readonly string[],
): Promise<Map<string, TEvidenceFile>> {
  if (fileIds.length === 0) return new Map();
  const files = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), inArray(evidenceFiles.id, [...fileIds])));
  const uploaders = [...new Set(files.flatMap((f) => (f.uploadedBy ? [f.uploadedBy] : [])))];
  const people = uploaders.length
    ? await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, uploaders))
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return new Map(files.map((f) => [f.id, presentEvidence(f, names)]));
}

export function presentComment(row: TaskCommentRow, author: Pick<Actor, "id" | "fullName">): TTaskComment {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    author: { id: author.id, name: author.fullName },
    at: row.at.toISOString(),
  };
}

/**
 * Lịch sử nhiệm vụ — the task with its computed status and everything that happened
 * to it (by its stable key, so across plan versions), newest first.
 */
/** Chi tiết nhiệm vụ for whoever reads the task (404 otherwise). */
export async function readTaskDetail(
  db: Database,
  { actor, taskId, lang = "vi" }: { actor: Actor; taskId: string; lang?: Lang },
): Promise<TTaskDetail> {
  return taskDetail(db, await readableTask(db, actor, taskId), lang);
}

/** What each line of a task's history says, in the reader's language (notes and names as written). */
const HISTORY_WORDS = {
  vi: {
    progress: (from: number, to: number) => `Cập nhật tiến độ ${from}% → ${to}%`,
    completed: (date: string) => `, hoàn thành ngày ${date}`,
    direction: "Chỉ đạo",
    comment: "Ý kiến",
    evidence: (name: string) => `Gửi minh chứng "${name}"`,
  },
  en: {
    progress: (from: number, to: number) => `Progress updated ${from}% → ${to}%`,
    completed: (date: string) => `, completed on ${date}`,
    direction: "Direction",
    comment: "Comment",
    evidence: (name: string) => `Evidence sent: "${name}"`,
  },
} as const;

export async function taskDetail(db: Database, ctx: TaskContext, lang: Lang = "vi"): Promise<TTaskDetail> {
  const words = HISTORY_WORDS[lang];
  const { task, plan } = ctx;
  const [updates, comments, evidence] = await Promise.all([
    db
      .select()
      .from(taskUpdates)
      .where(and(eq(taskUpdates.tenantId, task.tenantId), eq(taskUpdates.taskKey, task.key)))
      .orderBy(desc(taskUpdates.at), desc(taskUpdates.id)),
    db
      .select()
      .from(taskComments)
      .where(and(eq(taskComments.tenantId, task.tenantId), eq(taskComments.taskKey, task.key)))
      .orderBy(asc(taskComments.at), asc(taskComments.id)),
    db
      .select()
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.tenantId, task.tenantId),
          eq(evidenceFiles.ownerType, "task"),
          eq(evidenceFiles.ownerKey, task.key),
        ),
      )
      .orderBy(desc(evidenceFiles.at)),
  ]);
  const userIds = [
    ...new Set(
      [
        ...updates.map((u) => u.actorId),
        ...comments.map((c) => c.authorId),
        ...evidence.map((e) => e.uploadedBy),
      ].filter((x): x is string => Boolean(x)),
    ),
  ];
  const unitIds = [task.leadUnitId, ...task.coordinators.map((c) => c.unitId)].filter((x): x is string =>
    Boolean(x),
  );
  const [people, units] = await Promise.all([
    userIds.length
      ? db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, userIds))
      : [],
    unitIds.length
      ? db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(and(eq(orgUnits.tenantId, task.tenantId), inArray(orgUnits.id, unitIds)))
      : [],
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const presentedUpdates: TTaskUpdate[] = updates.map((u) => ({
    id: u.id,
    at: u.at.toISOString(),
    actor: person(u.actorId, names),
    progressBefore: u.progressBefore,
    progress: u.progress,
    note: u.note,
    completedAt: u.completedAt,
  }));
  const presentedComments: TTaskComment[] = comments.map((c) => ({
    id: c.id,
    kind: c.kind,
    body: c.body,
    author: person(c.authorId, names),
    at: c.at.toISOString(),
  }));
  const presentedEvidence = evidence.map((e) => presentEvidence(e, names));
  const history: TTaskHistoryEntry[] = [
    ...presentedUpdates.map((u) => ({
      type: "progress" as const,
      id: u.id,
      at: u.at,
      actor: u.actor,
      summary:
        words.progress(u.progressBefore ?? 0, u.progress) +
        (u.completedAt ? words.completed(vnDate(u.completedAt)) : "") +
        (u.note ? `: ${reportNoteIn(u.note, lang)}` : ""),
    })),
    ...presentedComments.map((c) => ({
      type: c.kind,
      id: c.id,
      at: c.at,
      actor: c.author,
      summary: `${c.kind === "direction" ? words.direction : words.comment}: ${c.body}`,
    })),
    ...presentedEvidence.map((e) => ({
      type: "evidence" as const,
      id: e.id,
      at: e.at,
      actor: e.uploadedBy,
      summary: words.evidence(e.name),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const status = statusOfTask(task, todayIso());
  const presented = presentTask(
    { ...task, leadSuggestions: [], coordinators: task.coordinators.map((c) => ({ ...c, suggestions: [] })) },
    { unitNames: new Map(units.map((u) => [u.id, u.name])), indicators: new Map() },
  );
  return {
    ...presented,
    plan: { id: plan.id, code: plan.code, title: plan.title, version: plan.version, status: plan.status },
    status,
    statusLabel: TASK_STATUS_LABELS[status][lang],
    lastUpdateId: updates[0]?.id ?? null,
    comments: presentedComments.filter((c) => c.kind === "comment"),
    directions: presentedComments.filter((c) => c.kind === "direction"),
    evidence: presentedEvidence,
    updates: presentedUpdates,
    history,
    can: ctx.can,
  };
}
