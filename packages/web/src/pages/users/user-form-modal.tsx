import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { type TUser, ZCreateUser, ZUpdateUser } from "@dtplan/contracts/users.ts";
import { App, Form, Input } from "antd";
import { useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
import { inReaderLanguage } from "../../forms/schema-message.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { GrantsEditor } from "./grants-editor.tsx";

interface Values {
  username?: string;
  fullName?: string;
  email?: string | null;
  password?: string;
  grants?: { unitId?: string | null; role?: string }[];
}

interface Props {
  user: TUser | null;
  units: readonly TOrgUnit[];
  onCancel: () => void;
  onDone: (user: TUser) => void;
}

/** Create a user (with a first password) or edit one's name, e-mail and roles. */
export function UserFormModal({ user, units, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const [grantsError, setGrantsError] = useState<string | null>(null);

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const email = v.email?.trim() ? v.email.trim() : null;
    const grants = (v.grants ?? []).map((g) => ({ unitId: g.unitId ?? "", role: g.role ?? "" }));
    setGrantsError(null);
    await run(async () => {
      if (!user) {
        const body = validate(ZCreateUser, {
          username: v.username ?? "",
          fullName: v.fullName ?? "",
          email,
          password: v.password ?? "",
          grants,
        });
        if (!body) {
          const parsed = ZCreateUser.safeParse({ ...v, email, grants });
          const listIssue = parsed.error?.issues.find((i) => i.path.length === 1 && i.path[0] === "grants");
          if (listIssue) setGrantsError(inReaderLanguage(listIssue.message));
          return;
        }
        const created = await usersApi.create(body);
        message.success(t("users.created", { username: created.username }));
        onDone(created);
      } else {
        const body = validate(ZUpdateUser, { fullName: v.fullName ?? "", email, grants });
        if (!body) return;
        const updated = await usersApi.update(user.id, body);
        message.success(t("users.updated", { name: updated.fullName }));
        onDone(updated);
      }
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={user ? t("users.edit", { name: user.fullName }) : t("users.createTitle")}
      onCancel={onCancel}
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="user-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
        requiredMark="optional"
        initialValues={
          user
            ? {
                fullName: user.fullName,
                email: user.email,
                grants: user.grants.map((g) => ({ unitId: g.unitId, role: g.role })),
              }
            : { grants: [{ unitId: null, role: "unit_reporter" }] }
        }
      >
        {!user && (
          <Form.Item name="username" label={t("users.username")} required>
            <Input autoComplete="off" autoFocus maxLength={50} style={{ maxWidth: 300 }} />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={t("users.fullName")} required>
          <Input maxLength={200} autoFocus={!!user} />
        </Form.Item>
        <Form.Item name="email" label={t("users.email")}>
          <Input type="email" autoComplete="off" maxLength={200} />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t("users.password")} required extra={t("users.passwordHelp")}>
            <Input.Password autoComplete="new-password" maxLength={200} style={{ maxWidth: 300 }} />
          </Form.Item>
        )}
        <Form.Item
          label={t("users.grants")}
          required={!user}
          validateStatus={grantsError ? "error" : undefined}
          help={grantsError ?? undefined}
        >
          <GrantsEditor units={units} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
