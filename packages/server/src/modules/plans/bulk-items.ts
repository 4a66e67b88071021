import type { TBulkEditItems, TBulkEditItemsResult } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import type { PlanTargetRow, PlanTaskRow } from "../../db/schema.ts";
import { inTransactionOrPreview } from "../../db/transaction-preview.ts";
import { AppError, messageIn } from "../../errors.ts";
import type { Lang } from "../../i18n/error-text.ts";
import type { Actor } from "../access/actor.ts";
import { listTenantUnits } from "../org/org.repository.ts";
import { editableDraft, findItem, updateItem } from "./review-items.ts";

type Item = TBulkEditItemsResult["items"][number];

/**
 * Giao chủ trì / xác nhận chỉ số hàng loạt: each chosen item of the draft goes through the
 * single edit (`updateItem`: its checks, its version, its audit entry), all in one
 * transaction. An item already as asked, or one the single edit refuses, is skipped with
 * the reason; a preview runs the same and rolls back.
 */
export async function bulkEditItems(
  db: Database,
  { actor, code, input, lang = "vi" }: { actor: Actor; code: string; input: TBulkEditItems; lang?: Lang },
): Promise<TBulkEditItemsResult> {
  const plan = await editableDraft(db, actor, code);
  const type = input.action === "assign_lead" ? "task" : "target";
  const units = new Map((await listTenantUnits(db, plan.tenantId)).map((u) => [u.id, u.name]));
  const shown = (row: PlanTargetRow | PlanTaskRow | null): string | null => {
    if (!row) return null;
    if (type === "target") return (row as PlanTargetRow).indicatorCode;
    const lead = (row as PlanTaskRow).leadUnitId;
    return lead ? (units.get(lead) ?? null) : null;
  };
  const results: Item[] = [];
  await inTransactionOrPreview(db, input.preview, async (tx) => {
    for (const id of new Set(input.ids)) {
      let before: PlanTargetRow | PlanTaskRow | null = null;
      try {
        before = await findItem(tx, plan, type, id);
        const already =
          input.action === "assign_lead"
            ? (before as PlanTaskRow).leadUnitId === input.leadUnitId && "Nhiệm vụ đã do đơn vị này chủ trì."
            : (before as PlanTargetRow).indicatorConfirmed &&
              (before as PlanTargetRow).indicatorCode !== null &&
              "Chỉ số của chỉ tiêu đã được xác nhận.";
        if (already) throw new AppError("conflict", already);
        await updateItem(tx, {
          actor,
          code,
          type,
          id,
          input:
            input.action === "assign_lead"
              ? { version: before.version, leadUnitId: input.leadUnitId }
              : { version: before.version, indicatorConfirmed: true },
        });
        const after = await findItem(tx, plan, type, id);
        results.push({
          id,
          text: before.text,
          outcome: "changed",
          reason: null,
          before: shown(before),
          after: shown(after),
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({
          id,
          text: before?.text ?? "",
          outcome: "skipped",
          reason: messageIn(lang, error),
          before: shown(before),
          after: shown(before),
        });
      }
    }
  });
  const changed = results.filter((r) => r.outcome === "changed").length;
  return { applied: !input.preview, changed, skipped: results.length - changed, items: results };
}
