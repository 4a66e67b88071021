import { ZChangePassword } from "@dtplan/contracts/users.ts";
import { App, Form, Input, Typography } from "antd";
import { usersApi } from "../api/endpoints.ts";
import { FormModal } from "../forms/form-modal.tsx";
import { useZodForm } from "../forms/use-zod-form.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Đổi mật khẩu of the signed-in user: current and new password; other devices are signed out. */
export default function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword?: string; newPassword?: string }>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);

  async function submit() {
    const body = validate(ZChangePassword, {
      currentPassword: form.getFieldValue("currentPassword") ?? "",
      newPassword: form.getFieldValue("newPassword") ?? "",
    });
    if (!body) return;
    await run(async () => {
      await usersApi.changeOwnPassword(body);
      message.success(t("account.passwordDone"));
      onClose();
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("account.passwordTitle")}
      okText={t("header.changePassword")}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t("account.passwordHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="change-password-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="currentPassword" label={t("account.currentPassword")} required>
          <Input.Password autoComplete="current-password" autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="newPassword" label={t("users.newPassword")} required extra={t("users.passwordHelp")}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
