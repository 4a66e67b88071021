import { SendOutlined } from "@ant-design/icons";
import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import { reviewMessageIn } from "@dtplan/domain/plans/review-words.ts";
import { Alert, Button, Checkbox, Flex, Input, Modal, Typography } from "antd";
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
  onShowTargets,
}: {
  review: TPlanReview;
  onCancel: () => void;
  onDone: (version: number) => void;
  onShowBlocking: () => void;
  /** Opens the reporting-units tab. */
  onShowTargets: () => void;
}) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selfReports, setSelfReports] = useState(false);
  const { warnings, unassignedTargets } = review.publishCheck;
  // Targets without reporting units are listed apart: the focal officer may confirm them.
  const blocking = review.publishCheck.blocking.slice(
    0,
    review.publishCheck.blocking.length - unassignedTargets.length,
  );
  const allWarnings = [...review.warnings, ...warnings];
  const blocked = blocking.length > 0;
  const waiting = !blocked && unassignedTargets.length > 0 && !selfReports;

  async function publish() {
    setSaving(true);
    setError(null);
    try {
      const result = await plansApi.publish(
        review.plan.code,
        note.trim() || undefined,
        unassignedTargets.length > 0 && selfReports ? true : undefined,
      );
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
              <Button
                key="p"
                type="primary"
                icon={<SendOutlined />}
                loading={saving}
                disabled={waiting}
                onClick={publish}
              >
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
                <li key={i}>{reviewMessageIn(b, lang)}</li>
              ))}
            </ul>
          }
        />
      )}
      {unassignedTargets.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="publish-unassigned"
          title={t("review.publishUnassigned", { n: unassignedTargets.length })}
          description={
            <>
              <ul style={{ margin: "0 0 8px", paddingLeft: 18, maxHeight: 160, overflow: "auto" }}>
                {unassignedTargets.map((x) => (
                  <li key={x.key}>{x.text}</li>
                ))}
              </ul>
              <Flex gap={8} wrap align="center">
                <Checkbox checked={selfReports} onChange={(e) => setSelfReports(e.target.checked)}>
                  {t("review.publishSelfReports", { unit: review.plan.unit.name })}
                </Checkbox>
                <Button size="small" onClick={onShowTargets}>
                  {t("review.publishAssign")}
                </Button>
              </Flex>
            </>
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
                <li key={i}>{reviewMessageIn(w, lang)}</li>
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
