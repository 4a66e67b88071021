import { PlusOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { ZSplitOrgUnit } from "@dtplan/contracts/org.ts";
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { orgApi } from "../../api/endpoints.ts";
import { RemoveButton } from "../../components/remove-button.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { UnitKindSelect } from "./unit-kind.tsx";

interface Props {
  unit: TOrgUnit;
  units: readonly TOrgUnit[];
  onCancel: () => void;
  onDone: (firstNewId: string | null) => void;
}

interface Values {
  parts: { code?: string; name?: string; kind?: string }[];
  effectiveDate?: Dayjs | null;
}

/** Chia tách: the unit stops; two or more new units start at the same level. */
export function SplitModal({ unit, units, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, showServerError, onValuesChange, formError } = useZodForm(form);
  const [busy, setBusy] = useState(false);
  const parentName = units.find((u) => u.id === unit.parentId)?.name ?? "";

  function submit() {
    const v = form.getFieldsValue(true) as Values;
    const date = v.effectiveDate ? v.effectiveDate.format("YYYY-MM-DD") : null;
    const body = validate(ZSplitOrgUnit, {
      parts: (v.parts ?? []).map((p) => ({ code: p.code ?? "", name: p.name ?? "", kind: p.kind ?? "" })),
      // Checked just below with a plainer message than the schema's date format.
      effectiveDate: date ?? "2000-01-01",
    });
    if (!date) {
      form.setFields([{ name: "effectiveDate", errors: [t("form.chooseDate")] }]);
      return;
    }
    if (!body) return;
    modal.confirm({
      title: t("org.split.confirmTitle"),
      content: t("org.split.confirmText", { name: unit.name, date: formatDate(date), n: body.parts.length }),
      okText: t("org.split.confirm"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        setBusy(true);
        try {
          const result = await orgApi.split(unit.id, body);
          message.success(t("org.split.done", { n: result.created.length }));
          onDone(result.created[0]?.id ?? null);
        } catch (err) {
          showServerError(err);
        } finally {
          setBusy(false);
        }
      },
    });
  }

  return (
    <Modal
      open
      title={t("org.split.title", { name: unit.name })}
      okText={t("org.split.confirm")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      <Typography.Paragraph type="secondary">
        {t("org.split.intro", { name: unit.name, parent: parentName })}
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="split-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{ parts: [{ kind: unit.kind }, { kind: unit.kind }], effectiveDate: null }}
      >
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: "100%" }} size={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t("org.split.part", { n: index + 1 })}
                  extra={
                    fields.length > 2 && (
                      <RemoveButton label={t("common.remove")} onClick={() => remove(field.name)} />
                    )
                  }
                >
                  <Form.Item name={[field.name, "name"]} label={t("org.name")} required>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Space align="start" wrap>
                    <Form.Item
                      name={[field.name, "code"]}
                      label={t("org.code")}
                      required
                      style={{ width: 240 }}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "kind"]}
                      label={t("org.kind")}
                      required
                      style={{ width: 300 }}
                    >
                      <UnitKindSelect />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: unit.kind })} block>
                {t("org.split.addPart")}
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item
          name="effectiveDate"
          label={t("org.merge.effectiveDate")}
          required
          style={{ marginTop: 16 }}
        >
          <DatePicker format="DD/MM/YYYY" placeholder={t("common.datePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
