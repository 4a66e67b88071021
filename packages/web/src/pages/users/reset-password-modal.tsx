import { type TUser, ZResetPassword } from "@dtplan/contracts/users.ts";
import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export function ResetPasswordModal({
  user,
  onCancel,
  onDone,
}: {
  user: TUser;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword?: string }>();
  const { validate, showServerError, onValuesChange, formError } = useZodForm(form);
  const [saving, setSaving] = useState(false);

  async function submit() {
    const body = validate(ZResetPassword, { newPassword: form.getFieldValue("newPassword") ?? "" });
    if (!body) return;
    setSaving(true);
    try {
      await usersApi.resetPassword(user.id, body);
      message.success(t("users.resetDone", { name: user.fullName }));
      onDone();
    } catch (err) {
      showServerError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t("users.resetTitle", { name: user.fullName })}
      okText={t("users.resetPassword")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t("users.resetHelp")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="reset-form" onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item name="newPassword" label={t("users.newPassword")} required extra={t("users.passwordHelp")}>
          <Input.Password autoComplete="new-password" autoFocus maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
