import type { TBulkReviewResult } from "@dtplan/contracts/reporting.ts";
import type { BulkReviewAction } from "@dtplan/domain/bulk/outcomes.ts";
import { Alert, App, Button, Input, List, Modal, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { invalidate } from "../../api/query.ts";
import { reportingApi } from "../../api/reporting.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * Duyệt / trả lại hàng loạt: the server's preview first (what will change, what is
 * skipped and why), then the confirmation with the previewed versions.
 */
export function BulkReviewModal({
  code,
  periodKey,
  action,
  unitIds,
  onClose,
  onDone,
}: {
  code: string;
  periodKey: string;
  action: BulkReviewAction;
  unitIds: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [comment, setComment] = useState("");
  const [preview, setPreview] = useState<TBulkReviewResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const runPreview = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(
        await reportingApi.bulkReview(code, periodKey, {
          action,
          comment: action === "return" ? comment : undefined,
          items: unitIds.map((unitId) => ({ unitId })),
          preview: true,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  // An approval needs nothing more: its preview comes at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the dialog opens
  useEffect(() => {
    if (action === "approve") void runPreview();
  }, []);

  const changing = preview?.items.filter((i) => i.outcome === "changed") ?? [];
  const confirm = async () => {
    setBusy(true);
    try {
      const done = await reportingApi.bulkReview(code, periodKey, {
        action,
        comment: action === "return" ? comment : undefined,
        items: changing.map((i) => ({ unitId: i.unit.id, version: i.version ?? undefined })),
        preview: false,
      });
      message.success(t("bulk.done", { changed: done.changed, skipped: done.skipped }));
      await invalidate("reporting");
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const n = unitIds.length;
  return (
    <Modal
      open
      onCancel={onClose}
      title={t(action === "approve" ? "bulk.titleApprove" : "bulk.titleReturn", { n })}
      width={640}
      footer={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          {action === "return" && (
            <Button onClick={runPreview} disabled={!comment.trim()} loading={busy && !preview}>
              {t("bulk.preview")}
            </Button>
          )}
          <Button
            type="primary"
            danger={action === "return"}
            disabled={!preview || changing.length === 0}
            loading={busy && Boolean(preview)}
            onClick={confirm}
            data-testid="bulk-confirm"
          >
            {t(action === "approve" ? "bulk.confirmApprove" : "bulk.confirmReturn", { n: changing.length })}
          </Button>
        </Space>
      }
    >
      <div data-testid="bulk-review">
        {action === "return" && (
          <Input.TextArea
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setPreview(null);
            }}
            placeholder={t("bulk.reason")}
            aria-label={t("bulk.reason")}
            autoSize={{ minRows: 2, maxRows: 5 }}
            style={{ marginBottom: 12 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {preview && (
          <>
            <Alert
              type={changing.length ? "info" : "warning"}
              showIcon
              title={changing.length ? t("bulk.previewNote") : t("bulk.nothing")}
              style={{ marginBottom: 8 }}
            />
            <List
              size="small"
              dataSource={preview.items}
              renderItem={(i) => (
                <List.Item data-testid="bulk-item">
                  <Space direction="vertical" size={0}>
                    <span>
                      {i.outcome === "changed" ? (
                        <Tag color={action === "approve" ? "green" : "orange"}>
                          {t(action === "approve" ? "bulk.willApprove" : "bulk.willReturn")}
                        </Tag>
                      ) : (
                        <Tag>{t("bulk.skipped")}</Tag>
                      )}
                      {i.unit.name}
                    </span>
                    {i.reason && <Typography.Text type="secondary">{i.reason}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
