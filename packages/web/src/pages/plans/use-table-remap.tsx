import type { TExtractedTable, TPlanReview } from "@dtplan/contracts/plans.ts";
import type { TableColumnRole } from "@dtplan/domain/extract/types.ts";
import { App } from "antd";
import { useCallback, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { plansApi } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** "This column is the lead unit": asks, then has the server re-extract the table; every row follows. */
export function useTableRemap(code: string, onDone: (next: TPlanReview) => void) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const remap = useCallback(
    (table: TExtractedTable, column: number, role: TableColumnRole) => {
      const header = table.columns[column]?.header || String(column + 1);
      modal.confirm({
        title: t("review.table.remapTitle", { header, role: t(`tableRole.${role}`) }),
        content: t("review.table.remapBody"),
        okText: t("common.confirm"),
        cancelText: t("common.cancel"),
        width: 560,
        onOk: async () => {
          setBusy(true);
          try {
            const next = await plansApi.remapColumns(code, table.id, { columns: [{ index: column, role }] });
            onDone(next);
            const n = next.queue.filter((q) => q.cell?.table === table.id).length;
            message.success(t("review.table.remapped", { n }));
          } catch (err) {
            message.error(errorMessage(err));
          } finally {
            setBusy(false);
          }
        },
      });
    },
    [code, onDone, modal, message, t],
  );
  return { remap, busy };
}
