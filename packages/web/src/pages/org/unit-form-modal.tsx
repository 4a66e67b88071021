import { type TOrgUnit, type TUpdateOrgUnit, ZCreateOrgUnit, ZUpdateOrgUnit } from "@dtplan/contracts/org.ts";
import { App, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { orgApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { UnitKindSelect } from "./unit-kind.tsx";

type Props =
  | {
      mode: "add";
      parent: TOrgUnit | null;
      unit?: undefined;
      onCancel: () => void;
      onDone: (unit: TOrgUnit) => void;
    }
  | {
      mode: "edit";
      unit: TOrgUnit;
      parent?: undefined;
      onCancel: () => void;
      onDone: (unit: TOrgUnit) => void;
    };

interface Values {
  code?: string;
  name?: string;
  shortName?: string | null;
  kind?: string;
  validFrom?: Dayjs | null;
}

/** Add a unit under a parent (or a top-level one), or edit a unit's name, code, short name, kind. */
export function UnitFormModal(props: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const editing = props.mode === "edit" ? props.unit : null;

  async function submit() {
    const v = form.getFieldsValue();
    await run(async () => {
      if (props.mode === "add") {
        const body = validate(ZCreateOrgUnit, {
          parentId: props.parent?.id ?? null,
          code: v.code ?? "",
          name: v.name ?? "",
          shortName: v.shortName?.trim() ? v.shortName.trim() : null,
          kind: v.kind ?? "",
          validFrom: v.validFrom ? v.validFrom.format("YYYY-MM-DD") : null,
        });
        if (!body) return;
        const created = await orgApi.create(body);
        message.success(t("org.form.created", { name: created.name }));
        props.onDone(created);
      } else {
        const unit = props.unit;
        const changes: TUpdateOrgUnit = {};
        if ((v.code ?? "") !== unit.code) changes.code = v.code ?? "";
        if ((v.name ?? "") !== unit.name) changes.name = v.name ?? "";
        const short = v.shortName?.trim() ? v.shortName.trim() : null;
        if (short !== unit.shortName) changes.shortName = short;
        if ((v.kind ?? "") !== unit.kind) changes.kind = v.kind ?? "";
        if (Object.keys(changes).length === 0) {
          props.onCancel();
          return;
        }
        const body = validate(ZUpdateOrgUnit, changes);
        if (!body) return;
        const updated = await orgApi.update(unit.id, body);
        message.success(t("org.form.updated", { name: updated.name }));
        props.onDone(updated);
      }
    });
  }

  const title =
    props.mode === "edit"
      ? t("org.form.editTitle", { name: props.unit.name })
      : props.parent
        ? t("org.form.addTitle", { parent: props.parent.name })
        : t("org.form.addRootTitle");

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={title}
      onCancel={props.onCancel}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="unit-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={
          editing
            ? { code: editing.code, name: editing.name, shortName: editing.shortName, kind: editing.kind }
            : { validFrom: null }
        }
        requiredMark="optional"
      >
        <Form.Item name="name" label={t("org.name")} required>
          <Input autoFocus maxLength={300} />
        </Form.Item>
        <Form.Item name="code" label={t("org.code")} required extra={t("org.form.codeHelp")}>
          <Input maxLength={50} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="kind" label={t("org.kind")} required>
          <UnitKindSelect placeholder={t("kind.label")} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="shortName" label={t("org.shortName")}>
          <Input maxLength={100} style={{ maxWidth: 320 }} />
        </Form.Item>
        {props.mode === "add" && (
          <Form.Item name="validFrom" label={t("org.validFrom")} extra={t("org.form.validFromHelp")}>
            <DatePicker format="DD/MM/YYYY" placeholder={t("common.datePlaceholder")} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
