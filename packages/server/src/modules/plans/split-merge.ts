import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import type { PlanRow } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { editableDraft, findItem, type ItemType, itemTable, shiftAfter } from "./review-items.ts";

const ENTITY = { target: "plan_target", task: "plan_task" } as const;

/**
 * Tách — one item that holds two becomes two: the text is cut at `at` (an offset
 * into the item's text), the source span is cut at the same place, the second part
 * goes right after the first.
 */
export async function splitItem(
  db: Database,
  { actor, code, type, id, at }: { actor: Actor; code: string; type: ItemType; id: string; at: number },
): Promise<{ plan: PlanRow; ids: [string, string] }> {
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const item = await findItem(tx, plan, type, id);
    const first = item.text.slice(0, at).trim();
    const second = item.text.slice(at).trim();
    if (at >= item.text.length || !first || !second) {
      throw new AppError("bad_request", "Vị trí tách phải nằm giữa nội dung, để lại chữ ở cả hai phần.");
    }
    const table = itemTable(type);
    const cut =
      item.sourceStart !== null && item.sourceEnd !== null
        ? Math.min(item.sourceEnd, item.sourceStart + at)
        : null;
    const [updated] = await tx
      .update(table)
      .set({ text: first, sourceEnd: cut ?? item.sourceEnd, confidence: 1 } as never)
      .where(and(eq(table.tenantId, plan.tenantId), eq(table.id, item.id)))
      .returning();
    await shiftAfter(tx, plan, type, item.position);
    const { id: _id, key: _key, ...copy } = item;
    const [created] = await tx
      .insert(table)
      .values({
        ...copy,
        text: second,
        position: item.position + 1,
        sourceStart: cut ?? item.sourceStart,
        confidence: 1,
      } as never)
      .returning();
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: `plan.${type}.split`,
      entity: ENTITY[type],
      entityId: item.id,
      unitId: plan.unitId,
      before: item,
      after: [updated, created],
    });
    return { plan, ids: [item.id, created.id] };
  });
}

/** Gộp — two items that are one: the second's text joins the first, the span covers both. */
export async function mergeItems(
  db: Database,
  { actor, code, type, ids }: { actor: Actor; code: string; type: ItemType; ids: [string, string] },
): Promise<{ plan: PlanRow; id: string }> {
  return db.transaction(async (tx) => {
    if (ids[0] === ids[1]) throw new AppError("bad_request", "Chọn hai mục khác nhau để gộp.");
    const plan = await editableDraft(tx, actor, code);
    const a = await findItem(tx, plan, type, ids[0]);
    const b = await findItem(tx, plan, type, ids[1]);
    const [keep, drop] = a.position <= b.position ? [a, b] : [b, a];
    const starts = [keep.sourceStart, drop.sourceStart].filter((x): x is number => x !== null);
    const ends = [keep.sourceEnd, drop.sourceEnd].filter((x): x is number => x !== null);
    const table = itemTable(type);
    const [merged] = await tx
      .update(table)
      .set({
        text: `${keep.text} ${drop.text}`.trim(),
        sourceStart: starts.length ? Math.min(...starts) : null,
        sourceEnd: ends.length ? Math.max(...ends) : null,
        confidence: 1,
      } as never)
      .where(and(eq(table.tenantId, plan.tenantId), eq(table.id, keep.id)))
      .returning();
    await tx.delete(table).where(and(eq(table.tenantId, plan.tenantId), eq(table.id, drop.id)));
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: `plan.${type}.merge`,
      entity: ENTITY[type],
      entityId: keep.id,
      unitId: plan.unitId,
      before: [keep, drop],
      after: merged,
    });
    return { plan, id: keep.id };
  });
}
