import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { ZUpdateOrgUnit } from "@dtplan/contracts/org.ts";
import { dayBefore } from "@dtplan/domain/org/tree.ts";
import { Alert, App, DatePicker, Form, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { orgApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";

interface Props {
  unit: TOrgUnit;
  units: readonly TOrgUnit[];
  onCancel: () => void;
  onDone: (unit: TOrgUnit) => void;
}

/**
 * Kết thúc hiệu lực. The user picks the first day the unit no longer exists
 * (how decisions are worded: "từ ngày 01/7/2025"); the unit's `validTo` is the day before.
 */
export function CloseUnitModal({ unit, units, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date?: Dayjs | null }>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const activeChildren = units.filter((u) => u.parentId === unit.id && u.validTo === null);

  async function submit() {
    const date = form.getFieldValue("date") as Dayjs | null | undefined;
    if (!date) {
      form.setFields([{ name: "date", errors: [t("form.chooseDate")] }]);
      return;
    }
    const from = date.format("YYYY-MM-DD");
    const body = validate(ZUpdateOrgUnit, { validTo: dayBefore(from) });
    if (!body) return;
    await run(async () => {
      const closed = await orgApi.update(unit.id, body);
      message.success(t("org.close.done", { name: closed.name, date: formatDate(from) }));
      onDone(closed);
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("org.close.title", { name: unit.name })}
      okText={t("org.close.confirm")}
      okButtonProps={{ danger: true, disabled: activeChildren.length > 0 }}
      onCancel={onCancel}
    >
      {activeChildren.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("org.close.hasChildren", { n: activeChildren.length })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Paragraph type="secondary">{t("org.close.help")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="close-form" onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item name="date" label={t("org.close.date")} initialValue={dayjs().startOf("day")} required>
          <DatePicker format="DD/MM/YYYY" allowClear={false} placeholder={t("common.datePlaceholder")} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
