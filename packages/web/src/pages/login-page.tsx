import { GlobalOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { ZLoginRequest } from "@dtplan/contracts/auth.ts";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useSession } from "../auth/session.tsx";
import { useZodForm } from "../forms/use-zod-form.ts";
import { useT } from "../i18n/i18n.tsx";
import { LanguageSwitch } from "../layout/language-switch.tsx";

export default function LoginPage() {
  const t = useT();
  const { login } = useSession();
  const location = useLocation();
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;
  const [form] = Form.useForm();
  const { validate, showServerError, onValuesChange, formError } = useZodForm(form);
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const values = validate(ZLoginRequest, form.getFieldsValue());
    if (!values) return;
    setSubmitting(true);
    try {
      await login(values);
    } catch (err) {
      showServerError(err);
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <main className="dt-login-bg">
      <div style={{ position: "absolute", top: 16, right: 20 }}>
        <LanguageSwitch />
      </div>
      <section className="dt-login-card" aria-label={t("login.title")}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 8 }}>
          <span className="dt-brand-mark" aria-hidden>
            d
          </span>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("login.subtitle")}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={5} style={{ marginTop: 20, marginBottom: 16 }}>
          {t("login.title")}
        </Typography.Title>
        {expired && !formError && (
          <Alert type="info" showIcon title={t("error.sessionExpired")} style={{ marginBottom: 16 }} />
        )}
        {formError && (
          <Alert
            type="error"
            showIcon
            title={formError}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={onValuesChange}
        >
          <Form.Item name="username" label={t("login.username")}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t("login.submit")}
          </Button>
        </Form>
      </section>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 400, textAlign: "center", marginTop: 20 }}>
        {t("login.footer")}
      </Typography.Paragraph>
      <Link to="/cong-khai" data-testid="public-link">
        <GlobalOutlined /> {t("login.publicLink")}
      </Link>
    </main>
  );
}
