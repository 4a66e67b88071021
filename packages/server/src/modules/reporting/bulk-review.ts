import type { TBulkReview, TBulkReviewResult } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { inTransactionOrPreview } from "../../db/transaction-preview.ts";
import { AppError, messageIn } from "../../errors.ts";
import type { Lang } from "../../i18n/error-text.ts";
import type { Actor } from "../access/actor.ts";
import { reportScopes } from "./get-report.ts";
import { reportingPlan } from "./reporting.guards.ts";
import { findReport, loadUnits } from "./reporting.repository.ts";
import { assertReviewer, reviewReport } from "./review-report.ts";

type Item = TBulkReviewResult["items"][number];

/**
 * Duyệt / trả lại hàng loạt: each chosen unit's report of the period goes through the
 * single act (`reviewReport`: its checks, its history line, its audit entry and its
 * notice), all in one transaction. A report the single act refuses is skipped with its
 * reason and the others go on. A preview runs exactly the same and rolls back, so what it
 * says will change is what the confirmation changes (given the versions it returned).
 */
export async function bulkReviewReports(
  db: Database,
  {
    actor,
    code,
    key,
    input,
    now = new Date(),
    lang = "vi",
  }: { actor: Actor; code: string; key: string; input: TBulkReview; now?: Date; lang?: Lang },
): Promise<TBulkReviewResult> {
  const ctx = await reportingPlan(db, actor, code);
  assertReviewer({ ctx }, "Chỉ chuyên viên đầu mối hoặc lãnh đạo được duyệt hoặc trả lại báo cáo.");
  const items = [...new Map(input.items.map((i) => [i.unitId, i])).values()];
  const scopes = await reportScopes(
    db,
    ctx,
    key,
    items.map((i) => i.unitId),
  );
  const refused = [...scopes.values()].some((s) => s instanceof AppError);
  const units = refused ? await loadUnits(db, ctx.plan.tenantId) : null;

  const results: Item[] = [];
  const act = async (tx: Database) => {
    for (const item of items) {
      const scope = scopes.get(item.unitId);
      if (!scope || scope instanceof AppError) {
        const name = units?.get(item.unitId)?.name ?? "";
        results.push({
          unit: { id: item.unitId, name },
          outcome: "skipped",
          reason: scope ? messageIn(lang, scope) : null,
          status: null,
          version: null,
        });
        continue;
      }
      const unit = { id: scope.ru.unit.id, name: scope.ru.unit.name };
      try {
        const row = await reviewReport(tx, {
          scope,
          decision: input.action,
          input: { version: item.version, comment: input.comment ?? "" },
          now,
        });
        results.push({
          unit,
          outcome: "changed",
          reason: null,
          status: row.status,
          version: row.version - 1,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const report = await findReport(tx, scope.period, unit.id);
        results.push({
          unit,
          outcome: "skipped",
          reason: messageIn(lang, error),
          status: report?.status ?? null,
          version: report?.version ?? null,
        });
      }
    }
  };
  await inTransactionOrPreview(db, input.preview, act);
  const changed = results.filter((r) => r.outcome === "changed").length;
  return { applied: !input.preview, changed, skipped: results.length - changed, items: results };
}
