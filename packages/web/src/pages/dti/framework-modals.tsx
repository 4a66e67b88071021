import { UploadOutlined } from "@ant-design/icons";
import {
  type TDtiFramework,
  ZDtiFrameworkCopy,
  ZDtiFrameworkCreate,
  ZDtiFrameworkImportFields,
} from "@dtplan/contracts/dti.ts";
import { DTI_SUBJECTS } from "@dtplan/domain/dti/lists.ts";
import { workbookFileProblem } from "@dtplan/domain/tasks/evidence-files.ts";
import {
  App,
  Button,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
  Upload,
} from "antd";
import { type ReactNode, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { dtiApi } from "../../api/dti.ts";
import { invalidate } from "../../api/query.ts";
import { useLimits } from "../../auth/session.tsx";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import "../../i18n/reporting-messages.ts";
import { type ExcelErrorRow, excelErrorRows } from "../reporting/excel-errors.ts";
import { ExcelErrorsModal } from "../reporting/report/excel-errors-modal.tsx";
import { SUBJECT_KEYS } from "./dti-labels.tsx";

interface HeadValues {
  code?: string;
  year?: number;
  name?: string;
  subject?: (typeof DTI_SUBJECTS)[number];
  description?: string;
}

/** The form of a new framework's heading (code, year, name, subject, description), then `children`. */
function HeadForm({
  form,
  onFinish,
  onValuesChange,
  children,
}: {
  form: FormInstance<HeadValues>;
  onFinish: () => void;
  /** useZodForm's: a changed field drops its error. */
  onValuesChange: (changed: Record<string, unknown>) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form<HeadValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      initialValues={{ year: new Date().getFullYear(), subject: "units" }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="code" label={t("dti.fw.code")} required extra={t("dti.fw.codeHint")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="year" label={t("dti.col.year")} required>
            <InputNumber style={{ width: "100%" }} min={2015} max={2100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t("dti.fw.name")} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="subject" label={t("dti.col.subject")} required>
        <Select options={DTI_SUBJECTS.map((s) => ({ value: s, label: t(SUBJECT_KEYS[s]) }))} />
      </Form.Item>
      <Form.Item name="description" label={t("dti.fw.description")} extra={t("dti.fw.descriptionHint")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={8000} />
      </Form.Item>
      {children}
    </Form>
  );
}

/** What the framework dialogs are given: how to close, and what to do with the framework saved. */
interface FrameworkModalProps {
  onCancel: () => void;
  onDone: (fw: TDtiFramework) => void;
}

/** After a framework is saved: the DTI screens reload, the user is told, the dialog hands it on. */
function useFrameworkSaved(onDone: (fw: TDtiFramework) => void) {
  const { message } = App.useApp();
  return async (fw: TDtiFramework, said: string) => {
    await invalidate("dti");
    message.success(said);
    onDone(fw);
  };
}

const headOf = (v: HeadValues) => ({
  code: v.code ?? "",
  year: v.year,
  name: v.name ?? "",
  subject: v.subject,
  description: v.description ?? "",
});

/** A new, empty framework: its tree is built in the editor. */
export function CreateFrameworkModal({ onCancel, onDone }: FrameworkModalProps) {
  const { t } = useI18n();
  const saved = useFrameworkSaved(onDone);
  const [form] = Form.useForm<HeadValues>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  async function submit() {
    const body = validate(ZDtiFrameworkCreate, { ...headOf(form.getFieldsValue(true)), nodes: [] });
    if (!body) return;
    await run(async () => {
      await saved(await dtiApi.createFramework(body), t("dti.fw.created"));
    });
  }
  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("dti.frameworks.create")}
      onCancel={onCancel}
      width={640}
    >
      <HeadForm form={form} onFinish={submit} onValuesChange={onValuesChange} />
    </FormModal>
  );
}

/** Sao chép sang năm khác: the same tree, to edit for the new year. */
export function CopyFrameworkModal({
  from,
  onCancel,
  onDone,
}: FrameworkModalProps & { from: TDtiFramework }) {
  const { t } = useI18n();
  const saved = useFrameworkSaved(onDone);
  const [form] = Form.useForm<{ year?: number; code?: string; name?: string }>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  async function submit() {
    const v = form.getFieldsValue(true);
    const body = validate(ZDtiFrameworkCopy, {
      year: v.year,
      code: v.code?.trim() || undefined,
      name: v.name?.trim() || undefined,
    });
    if (!body) return;
    await run(async () => {
      const fw = await dtiApi.copyFramework(from.id, body);
      await saved(fw, t("dti.fw.copied", { year: fw.year }));
    });
  }
  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("dti.fw.copyTitle", { name: from.name, year: from.year })}
      okText={t("dti.frameworks.copy")}
      onCancel={onCancel}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{ year: from.year + 1, name: from.name }}
      >
        <Form.Item name="year" label={t("dti.col.year")} required>
          <InputNumber style={{ width: "100%" }} min={2015} max={2100} />
        </Form.Item>
        <Form.Item name="code" label={t("dti.fw.code")} extra={t("dti.fw.copyCodeHint", { code: from.code })}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="name" label={t("dti.fw.name")}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * Nhập từ Excel: the criteria table as provinces publish it (code, name, points, rule,
 * evidence). A refused file lists every wrong cell; nothing is saved.
 */
export function ImportFrameworkModal({ onCancel, onDone }: FrameworkModalProps) {
  const { t } = useI18n();
  const saved = useFrameworkSaved(onDone);
  const [form] = Form.useForm<HeadValues>();
  const { validate, onValuesChange, formError, setFormError, saving, run } = useZodForm(form);
  const [file, setFile] = useState<File | null>(null);
  const { evidenceMaxBytes } = useLimits();
  const [cells, setCells] = useState<ExcelErrorRow[]>([]);
  async function submit() {
    setCells([]);
    const fields = validate(ZDtiFrameworkImportFields, headOf(form.getFieldsValue(true)));
    if (!fields) return;
    if (!file) {
      setFormError(t("dti.fw.pickFile"));
      return;
    }
    await run(async () => {
      try {
        const fw = await dtiApi.importFramework(fields, file);
        await saved(fw, t("dti.fw.imported", { n: fw.criteriaCount }));
      } catch (err) {
        if (err instanceof ApiError && err.details.length > 0) {
          setCells(excelErrorRows(err.details));
          setFormError(err.message);
          return;
        }
        throw err;
      }
    });
  }
  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("dti.frameworks.import")}
      okText={t("dti.fw.importOk")}
      onCancel={onCancel}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t("dti.fw.importHint")}</Typography.Paragraph>
      <HeadForm form={form} onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item label={t("dti.fw.file")} required>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setCells([]);
              // A wrong type or a file over the server's limit is refused before it is sent.
              const problem = workbookFileProblem(f, evidenceMaxBytes);
              setFormError(problem);
              setFile(problem ? null : f);
              return false;
            }}
            fileList={file ? [{ uid: "framework", name: file.name, status: "done", size: file.size }] : []}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t("dti.fw.chooseFile")}</Button>
          </Upload>
        </Form.Item>
      </HeadForm>
      <ExcelErrorsModal
        errors={cells.length > 0 ? { title: formError ?? "", rows: cells } : null}
        onClose={() => setCells([])}
      />
    </FormModal>
  );
}
