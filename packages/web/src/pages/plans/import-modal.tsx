import { InboxOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import { Alert, Button, Form, Modal, Progress, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { plansApi } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = [".docx", ".pdf", ".txt"];

/** Server error codes that deserve a more helpful Vietnamese explanation than the raw message. */
function importError(err: unknown, t: ReturnType<typeof useI18n>["t"]): string {
  if (err instanceof ApiError) {
    const detail = err.details[0]?.message;
    if (detail === "pdf_no_text") return t("import.error.pdf_no_text");
    return err.message;
  }
  return errorMessage(err);
}

/** "Kế hoạch này đã được nhập: …": the code of the plan the file repeats, when that is the refusal. */
function repeatedPlan(err: unknown): { code: string; message: string } | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const code = err.details.find((d) => d.path === "existingPlan")?.message;
  return code ? { code, message: err.message } : null;
}

/** Upload a signed plan (.docx/.pdf/.txt) for a unit: the server extracts it into a draft. */
export function ImportModal({
  units,
  defaultUnitId,
  onCancel,
  onDone,
}: {
  units: readonly TOrgUnit[];
  defaultUnitId: string | null;
  onCancel: () => void;
  onDone: (review: TPlanReview) => void;
}) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [repeated, setRepeated] = useState<{ code: string; message: string } | null>(null);
  const navigate = useNavigate();
  const [fieldErrors, setFieldErrors] = useState<{ unit?: string; file?: string }>({});

  function pick(f: File): boolean {
    const name = f.name.toLowerCase();
    setError(null);
    if (!ACCEPT.some((ext) => name.endsWith(ext))) {
      setFieldErrors((e) => ({ ...e, file: t("import.badType") }));
      return false;
    }
    if (f.size > MAX_BYTES) {
      setFieldErrors((e) => ({ ...e, file: t("import.tooLarge") }));
      return false;
    }
    setFieldErrors((e) => ({ ...e, file: undefined }));
    setFile(f);
    return false;
  }

  async function submit(mode: "new" | "amendment" = "new") {
    const errs = {
      unit: unitId ? undefined : t("import.unitRequired"),
      file: file ? undefined : t("import.fileRequired"),
    };
    setFieldErrors(errs);
    if (!unitId || !file) return;
    setError(null);
    setRepeated(null);
    setPercent(0);
    try {
      const review = await plansApi.import(unitId, file, setPercent, mode);
      onDone(review);
    } catch (err) {
      const again = repeatedPlan(err);
      if (again) setRepeated(again);
      else setError(importError(err, t));
      setPercent(null);
    }
  }

  const uploading = percent !== null;

  return (
    <Modal
      open
      title={t("import.title")}
      okText={t("import.submit")}
      cancelText={t("common.cancel")}
      onOk={() => submit()}
      confirmLoading={uploading}
      onCancel={uploading ? undefined : onCancel}
      closable={!uploading}
      mask={{ closable: false }}
      destroyOnHidden
      width={620}
      data-testid="import-modal"
    >
      {repeated && (
        <Alert
          type="warning"
          showIcon
          title={t("import.repeatedTitle")}
          description={repeated.message}
          style={{ marginBottom: 16 }}
          data-testid="import-repeated"
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={() => navigate(`/plans/${repeated.code}`)}>
                {t("import.openExisting")}
              </Button>
              <Button size="small" onClick={() => submit("amendment")} disabled={uploading}>
                {t("import.asAmendment")}
              </Button>
            </Space>
          }
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("import.failed")}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      <Form layout="vertical" requiredMark="optional">
        <Form.Item
          label={t("import.unit")}
          required
          extra={t("import.unitHint")}
          validateStatus={fieldErrors.unit ? "error" : undefined}
          help={fieldErrors.unit}
        >
          <UnitTreeSelect
            id="import-unit"
            units={units}
            value={unitId}
            onChange={(v) => {
              setUnitId(typeof v === "string" ? v : null);
              setFieldErrors((e) => ({ ...e, unit: undefined }));
            }}
          />
        </Form.Item>
        <Form.Item
          label={t("import.file")}
          required
          validateStatus={fieldErrors.file ? "error" : undefined}
          help={fieldErrors.file}
        >
          <Upload.Dragger
            accept={ACCEPT.join(",")}
            multiple={false}
            maxCount={1}
            beforeUpload={pick}
            fileList={file ? [{ uid: "plan", name: file.name, status: "done", size: file.size }] : []}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            disabled={uploading}
            data-testid="import-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("import.drop")}</p>
            <p className="ant-upload-hint">{t("import.dropHint")}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {uploading && (
        <div data-testid="import-progress">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {percent < 100 ? t("import.uploading", { percent }) : t("import.extracting")}
          </Typography.Text>
        </div>
      )}
    </Modal>
  );
}
