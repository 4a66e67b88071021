import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import { Alert, App, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { plansApi, type TItemType } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useAction } from "../../lib/use-action.ts";
import { defaultSplitPoint } from "./review-model.ts";

/** Tách: the officer puts the cursor where one item should become two. */
export function SplitModal({
  code,
  type,
  id,
  text,
  onCancel,
  onDone,
}: {
  code: string;
  type: TItemType;
  id: string;
  text: string;
  onCancel: () => void;
  onDone: (review: TPlanReview) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [at, setAt] = useState(() => defaultSplitPoint(text));
  const { saving, error, setError, run } = useAction();
  const valid = at > 0 && at < text.length && text.slice(0, at).trim() !== "" && text.slice(at).trim() !== "";

  async function submit() {
    if (!valid) {
      setError(t("item.splitInvalid"));
      return;
    }
    await run(async () => {
      const review = await plansApi.split(code, { type, id, at });
      message.success(t("item.splitDone"));
      onDone(review);
    });
  }

  return (
    <Modal
      open
      title={t("item.splitTitle")}
      okText={t("item.splitSubmit")}
      cancelText={t("common.cancel")}
      onOk={submit}
      okButtonProps={{ disabled: !valid }}
      onCancel={onCancel}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("item.splitHint")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        value={text}
        readOnly
        autoSize={{ minRows: 3, maxRows: 8 }}
        data-testid="split-text"
        onSelect={(e) => {
          const pos = (e.target as HTMLTextAreaElement).selectionStart;
          setAt(pos);
          setError(null);
        }}
      />
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12, marginTop: 16 }}>
        <div>
          <Typography.Text strong>{t("item.splitFirst")}</Typography.Text>
          <div className="dt-split-text dt-split-part" style={{ padding: 8, marginTop: 4 }}>
            {text.slice(0, at).trim()}
          </div>
        </div>
        <div>
          <Typography.Text strong>{t("item.splitSecond")}</Typography.Text>
          <div className="dt-split-text dt-split-part" style={{ padding: 8, marginTop: 4 }}>
            {text.slice(at).trim()}
          </div>
        </div>
      </div>
    </Modal>
  );
}
