// "This column is the lead unit": the focal officer fixes a column's role once and every
// row of the table follows. The plan's source text is extracted again (in the worker
// pool) with the column roles fixed so far; the draft's items that came from that table
// are updated row by row (keeping their id and key), rows that now give no item lose
// theirs, new ones are added in the table's place, and every other item stays as the
// officer left it. One transaction, audited.
import type { TRemapTableColumns } from "@dtplan/contracts";
import type {
  ExtractedTable,
  PlanExtract,
  TableCellRef,
  TableColumnRole,
} from "@dtplan/domain/extract/types.ts";
import type { UnitCandidate } from "@dtplan/domain/org/match-units.ts";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type PlanTargetRow, type PlanTaskRow, plans } from "../../db/schema.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { ensureCatalogue, tenantIndicators, toDomainIndicator } from "../indicators/indicators.repository.ts";
import { listTenantUnits } from "../org/org.repository.ts";
import type { ExtractPool } from "./extract-pool.ts";
import { extractStored, matchDateOf, targetValues, taskValues } from "./import-plan.ts";
import { editableDraft, type ItemType, itemTable } from "./review-items.ts";

/** What `plans.extraction` keeps: the extract without its source text, and the roles fixed so far. */
type StoredExtraction = Omit<PlanExtract, "sourceText"> & {
  columnRoles?: Record<string, Record<number, TableColumnRole>>;
};

const cellKey = (cell: TableCellRef) => `${cell.row}:${cell.column ?? ""}`;

export async function remapTableColumns(
  db: Database,
  pool: ExtractPool,
  { actor, code, tableId, input }: { actor: Actor; code: string; tableId: string; input: TRemapTableColumns },
): Promise<PlanRow> {
  // Extraction takes CPU time: done first, outside the transaction and off the event loop.
  const draft = await editableDraft(db, actor, code);
  const stored = (draft.extraction ?? {}) as StoredExtraction;
  const table = stored.tables?.find((t) => t.id === tableId);
  if (!table || draft.sourceText === null) throw notFound(`Không tìm thấy bảng ${tableId} trong kế hoạch.`);
  input.columns.forEach((c, i) => {
    if (c.index >= table.columns.length) {
      throw new AppError(
        "validation_failed",
        `Bảng chỉ có ${table.columns.length} cột; không có cột thứ ${c.index + 1}.`,
        [{ path: `body.columns.${i}.index`, message: "Không có cột này" }],
      );
    }
  });
  const roles = { ...stored.columnRoles?.[tableId] };
  for (const c of input.columns) roles[c.index] = c.role;
  const columnRoles = { ...stored.columnRoles, [tableId]: roles };
  const extract = await extractStored(pool, draft.sourceText, { columnRoles });
  const next = extract.tables?.find((t) => t.id === tableId);
  if (!next) {
    throw conflict(
      `Với vai trò cột đã chọn, không đọc được bảng ${tableId} nữa; hãy chọn lại vai trò (cần một cột nội dung).`,
    );
  }

  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    if (plan.id !== draft.id)
      throw conflict("Kế hoạch vừa được điều chỉnh sang phiên bản khác; hãy tải lại.");
    await ensureCatalogue(tx, plan.tenantId);
    const catalogue = (await tenantIndicators(tx, plan.tenantId)).map(toDomainIndicator);
    const candidates: UnitCandidate[] = await listTenantUnits(tx, plan.tenantId);
    const asOf = matchDateOf(extract);
    const counts = { updated: 0, added: 0, removed: 0 };

    for (const type of ["target", "task"] as const satisfies ItemType[]) {
      const t = itemTable(type);
      const rows = (await tx
        .select()
        .from(t)
        .where(and(eq(t.tenantId, plan.tenantId), eq(t.planId, plan.id)))
        .orderBy(asc(t.position))) as (PlanTargetRow | PlanTaskRow)[];
      const fromTable = (r: PlanTargetRow | PlanTaskRow) => r.sourceCell?.table === tableId;
      const old = new Map(rows.filter(fromTable).map((r) => [cellKey(r.sourceCell as TableCellRef), r]));
      const fresh = (type === "target" ? extract.targets : extract.tasks).filter(
        (x) => x.cell?.table === tableId,
      );
      const others = rows.filter((r) => !fromTable(r));
      // The table's items go where its first item was, else where the table stands in the text.
      const first = rows.findIndex(fromTable);
      let at = first >= 0 ? rows.slice(0, first).filter((r) => !fromTable(r)).length : -1;
      if (at < 0) at = others.findIndex((r) => r.sourceStart !== null && r.sourceStart > next.source.start);
      if (at < 0) at = others.length;
      const order = [
        ...others.slice(0, at).map((row) => ({ row })),
        ...fresh.map((item) => ({ item })),
        ...others.slice(at).map((row) => ({ row })),
      ];
      const kept = new Set<string>();
      for (const [position, entry] of order.entries()) {
        if ("row" in entry) {
          if (entry.row.position !== position) {
            await tx
              .update(t)
              .set({ position })
              .where(and(eq(t.tenantId, plan.tenantId), eq(t.id, entry.row.id)));
          }
          continue;
        }
        const item = entry.item;
        const before = old.get(cellKey(item.cell as TableCellRef));
        const values =
          type === "target"
            ? targetValues(item as PlanExtract["targets"][number], catalogue)
            : { ...taskValues(item as PlanExtract["tasks"][number], candidates, asOf), leadNone: false };
        if (before) {
          kept.add(before.id);
          const confirmed =
            type === "target" &&
            (before as PlanTargetRow).indicatorConfirmed &&
            (before as PlanTargetRow).indicatorCode ===
              (values as { indicatorCode: string | null }).indicatorCode;
          await tx
            .update(t)
            .set({
              ...values,
              position,
              ...(type === "target" ? { indicatorConfirmed: confirmed } : {}),
            } as never)
            .where(and(eq(t.tenantId, plan.tenantId), eq(t.id, before.id)));
          counts.updated++;
        } else {
          await tx
            .insert(t)
            .values({ tenantId: plan.tenantId, planId: plan.id, position, ...values } as never);
          counts.added++;
        }
      }
      const gone = [...old.values()].filter((r) => !kept.has(r.id)).map((r) => r.id);
      if (gone.length) {
        await tx.delete(t).where(and(eq(t.tenantId, plan.tenantId), inArray(t.id, gone)));
        counts.removed += gone.length;
      }
    }

    const { sourceText: _, ...rest } = extract;
    const [updated] = await tx
      .update(plans)
      .set({ extraction: { ...rest, columnRoles } satisfies StoredExtraction, updatedAt: new Date() })
      .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)))
      .returning();
    const rolesOf = (x: ExtractedTable) => x.columns.map((c) => `${c.header}: ${c.role}`);
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "plan.table_columns",
      entity: "plan",
      entityId: plan.id,
      unitId: plan.unitId,
      before: { table: tableId, columns: rolesOf(table) },
      after: { table: tableId, columns: rolesOf(next), ...counts },
    });
    return updated;
  });
}
