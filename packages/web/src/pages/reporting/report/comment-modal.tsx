import { Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../../i18n/i18n.tsx";

/** The comment a return or a reopening must carry (required). */
export function CommentModal({
  open,
  title,
  label,
  requiredMessage,
  okText,
  danger,
  onCancel,
  onOk,
}: {
  open: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  okText: string;
  danger: boolean;
  onCancel: () => void;
  onOk: (text: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setText("");
      setError(false);
    }
  }, [open]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t("report.cancel")}
      okButtonProps={{ danger, loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        if (!text.trim()) {
          setError(true);
          return;
        }
        setBusy(true);
        try {
          await onOk(text.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          required
          validateStatus={error ? "error" : undefined}
          help={error ? requiredMessage : undefined}
        >
          <Input.TextArea
            aria-label={label}
            rows={4}
            maxLength={5000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) setError(false);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
