import type { TAddComment, TTaskComment } from "@dtplan/contracts";
import { UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import type { Database } from "../../db/database.ts";
import { taskComments } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { notifyPeople, peopleWith } from "../notify/notify.ts";
import { directionText } from "../notify/wording.ts";
import { assertCan, readableTask, workingTask } from "./task-access.ts";
import { presentComment } from "./task-history.ts";

/**
 * Ý kiến or chỉ đạo on a task. A direction needs `reports.review` (a leader or the
 * focal office) over the plan's or the lead unit's; a comment, a part in the task.
 */
export async function addComment(
  db: Database,
  { actor, taskId, input }: { actor: Actor; taskId: string; input: TAddComment },
): Promise<TTaskComment> {
  const ctx = await readableTask(db, actor, taskId);
  if (input.kind === "direction") {
    assertCan(ctx.can.direct, "Chỉ lãnh đạo hoặc chuyên viên đầu mối được cho ý kiến chỉ đạo.");
  } else {
    assertCan(ctx.can.comment, "Bạn không tham gia nhiệm vụ này nên không gửi được ý kiến.");
  }
  const row = await db.transaction(async (tx) => {
    const { task, plan } = await workingTask(tx, ctx);
    const [row] = await tx
      .insert(taskComments)
      .values({
        tenantId: task.tenantId,
        taskKey: task.key,
        taskId: task.id,
        planId: plan.id,
        kind: input.kind,
        authorId: actor.id,
        body: input.body,
      })
      .returning();
    await recordAudit(tx, {
      tenantId: task.tenantId,
      actorId: actor.id,
      action: input.kind === "direction" ? "task.direction" : "task.comment",
      entity: "task",
      entityId: task.key,
      unitId: task.leadUnitId ?? plan.unitId,
      after: { id: row.id, kind: row.kind, body: row.body, planCode: plan.code },
    });
    // A direction is for the unit that leads the task: its reporters are told.
    if (input.kind === "direction" && task.leadUnitId) {
      await notifyPeople(
        tx,
        task.tenantId,
        await peopleWith(tx, {
          tenantId: task.tenantId,
          unitIds: [task.leadUnitId],
          permission: "reports.submit",
          roles: UNIT_STAFF_ROLES,
          except: actor.id,
        }),
        {
          kind: "task.direction",
          eventKey: row.id,
          ...directionText({ actor: actor.fullName, task: task.text, plan: plan.title, body: row.body }),
          link: `/my-tasks?task=${task.id}`,
        },
        row.at,
      );
    }
    return row;
  });
  return presentComment(row, actor);
}
