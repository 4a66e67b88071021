/**
 * Giao nhiệm vụ: a unit now leads tasks of a plan in force (at the plan's publication, or
 * when a closed unit's work passes to its successor): its own staff (not the administrators
 * above it) hear of them once, in the app and by e-mail as they chose.
 */
import { UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { notifyPeople, peopleWith } from "./notify.ts";
import { tasksAssignedText } from "./wording.ts";

export async function tellTasksAssigned(
  tx: Database,
  input: {
    tenantId: string;
    actor: Pick<Actor, "id" | "fullName">;
    plan: { id: string; title: string };
    /** Each unit with the texts of the tasks it now leads. */
    byUnit: ReadonlyMap<string, readonly string[]>;
    /** What makes this assignment one event (with the plan and the unit). */
    occasion: string;
    now: Date;
  },
): Promise<void> {
  const { tenantId, actor, plan, now } = input;
  for (const [unitId, texts] of input.byUnit) {
    const people = await peopleWith(tx, {
      tenantId,
      unitIds: [unitId],
      permission: "reports.submit",
      roles: UNIT_STAFF_ROLES,
      except: actor.id,
    });
    await notifyPeople(
      tx,
      tenantId,
      people,
      {
        kind: "task.assigned",
        eventKey: `${plan.id}:${unitId}${input.occasion}`,
        ...tasksAssignedText({ actor: actor.fullName, plan: plan.title, tasks: texts }),
        link: "/my-tasks",
      },
      now,
    );
  }
}
