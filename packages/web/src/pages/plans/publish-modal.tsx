import { SendOutlined } from "@ant-design/icons";
import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import { Alert, Button, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { plansApi } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** Ban hành: what publishing would refuse or warn about, then a note and the button. */
export function PublishModal({
  review,
  onCancel,
  onDone,
  onShowBlocking,
}: {
  review: TPlanReview;
  onCancel: () => void;
  onDone: (version: number) => void;
  onShowBlocking: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { blocking, warnings } = review.publishCheck;
  const allWarnings = [...review.warnings, ...warnings];
  const blocked = blocking.length > 0;

  async function publish() {
    setSaving(true);
    setError(null);
    try {
      const result = await plansApi.publish(review.plan.code, note.trim() || undefined);
      onDone(result.plan.version);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t("review.publishTitle")}
      onCancel={onCancel}
      width={640}
      data-testid="publish-modal"
      footer={
        blocked
          ? [
              <Button key="c" onClick={onCancel}>
                {t("common.close")}
              </Button>,
              <Button key="s" type="primary" onClick={onShowBlocking}>
                {t("review.edit")}
              </Button>,
            ]
          : [
              <Button key="c" onClick={onCancel}>
                {t("common.cancel")}
              </Button>,
              <Button key="p" type="primary" icon={<SendOutlined />} loading={saving} onClick={publish}>
                {t("review.publish")}
              </Button>,
            ]
      }
    >
      <Typography.Paragraph>
        {t("review.publishIntro", { version: review.plan.version })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {blocked && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("review.publishBlocked", { n: blocking.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 200, overflow: "auto" }}>
              {blocking.map((b, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server may repeat a message for two items
                <li key={i}>{b}</li>
              ))}
            </ul>
          }
        />
      )}
      {allWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("review.publishWarnings", { n: allWarnings.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 200, overflow: "auto" }}>
              {allWarnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {!blocked && (
        <Input.TextArea
          placeholder={t("review.publishNote")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={2000}
        />
      )}
    </Modal>
  );
}
