import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { ZUpdateOrgUnit } from "@dtplan/contracts/org.ts";
import { App, Form, Typography } from "antd";
import { useMemo } from "react";
import { orgApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { descendantIds } from "./org-tree-model.ts";
import { UnitTreeSelect } from "./unit-tree-select.tsx";

interface Props {
  unit: TOrgUnit;
  units: readonly TOrgUnit[];
  onCancel: () => void;
  onDone: (unit: TOrgUnit) => void;
}

/** Chuyển đơn vị cấp trên: a unit cannot go under itself, its own sub-units or a closed unit. */
export function MoveUnitModal({ unit, units, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId?: string | null }>();
  const { validate, onValuesChange, formError, setFormError, saving, run } = useZodForm(form);

  const disabled = useMemo(() => {
    const ids = descendantIds(units, unit.id);
    ids.add(unit.id);
    for (const u of units) if (u.validTo !== null) ids.add(u.id);
    return ids;
  }, [units, unit.id]);

  async function submit() {
    const parentId = form.getFieldValue("parentId") as string | null | undefined;
    if (!parentId) {
      form.setFields([{ name: "parentId", errors: [t("org.move.newParent")] }]);
      return;
    }
    if (disabled.has(parentId)) {
      setFormError(t("org.move.cycle"));
      return;
    }
    if (parentId === unit.parentId) {
      onCancel();
      return;
    }
    const body = validate(ZUpdateOrgUnit, { parentId });
    if (!body) return;
    await run(async () => {
      const moved = await orgApi.update(unit.id, body);
      const parentName = units.find((u) => u.id === parentId)?.name ?? "";
      message.success(t("org.move.done", { name: moved.name, parent: parentName }));
      onDone(moved);
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("org.move.title", { name: unit.name })}
      onCancel={onCancel}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t("org.move.help")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="move-form" onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item name="parentId" label={t("org.move.newParent")} initialValue={unit.parentId} required>
          <UnitTreeSelect units={units.filter((u) => u.validTo === null)} disabledIds={disabled} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
