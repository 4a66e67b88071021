import { Button, Modal, Typography } from "antd";
import { LazyTable } from "../../../components/lazy-table.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { type ExcelErrorRow, refusesWholeFile } from "../excel-errors.ts";
import type { ExcelErrors } from "./use-report-actions.tsx";

/** The cells an Excel import refused (nothing was saved), one row each. */
export function ExcelErrorsModal({ errors, onClose }: { errors: ExcelErrors | null; onClose: () => void }) {
  const { t } = useI18n();
  // A file that is not a workbook at all has no cells to point to: say so, without a table.
  const wholeFile = refusesWholeFile(errors?.rows ?? []);
  return (
    <Modal
      open={errors !== null}
      title={
        wholeFile
          ? t("report.excel.fileRefused")
          : t("report.excel.errorsTitle", { n: errors?.rows.length ?? 0 })
      }
      width={760}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t("common.close")}</Button>}
      destroyOnHidden
    >
      <Typography.Paragraph type={wholeFile ? undefined : "secondary"} data-testid="excel-errors-summary">
        {errors?.title} {wholeFile ? "" : t("report.excel.errorsHint")}
      </Typography.Paragraph>
      {!wholeFile && (
        <LazyTable<ExcelErrorRow>
          size="small"
          rowKey="key"
          dataSource={errors?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ y: 400 }}
          data-testid="excel-errors"
          columns={[
            { title: t("report.excel.col.sheet"), dataIndex: "sheet", width: 180 },
            {
              title: t("report.excel.col.cell"),
              key: "cell",
              width: 90,
              render: (_: unknown, r) => r.cell ?? (r.row ? t("report.excel.row", { n: r.row }) : "—"),
            },
            { title: t("report.excel.col.message"), dataIndex: "message" },
          ]}
        />
      )}
    </Modal>
  );
}
