import { type TUser, ZResetPassword } from "@dtplan/contracts/users.ts";
import { App, Form, Input, Typography } from "antd";
import { usersApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
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
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);

  async function submit() {
    const body = validate(ZResetPassword, { newPassword: form.getFieldValue("newPassword") ?? "" });
    if (!body) return;
    await run(async () => {
      await usersApi.resetPassword(user.id, body);
      message.success(t("users.resetDone", { name: user.fullName }));
      onDone();
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("users.resetTitle", { name: user.fullName })}
      okText={t("users.resetPassword")}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">{t("users.resetHelp")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="reset-form" onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item name="newPassword" label={t("users.newPassword")} required extra={t("users.passwordHelp")}>
          <Input.Password autoComplete="new-password" autoFocus maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
