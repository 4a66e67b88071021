import { PaperClipOutlined } from "@ant-design/icons";
import type { TReportValue } from "@dtplan/contracts/reporting.ts";
import { Alert, Form, Input, InputNumber, Progress, Radio, Space, Tag, Typography } from "antd";
import { memo } from "react";
import { type ReportRef, reportingApi } from "../../../api/reporting.ts";
import { EvidenceUploadButton } from "../../../components/evidence-upload-button.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useEvidenceUpload } from "../../../lib/use-evidence-upload.ts";
import { goalText } from "../../plans/review-model.ts";
import { isRatio, type ReportDraft, ratioPercent } from "../report-model.ts";
import { fieldState } from "./report-task-row.tsx";

// `POST …/reports/:unitId/evidence` stores the file; the draft's autosave then references it (`evidenceFileIds`).
const REPORT_EVIDENCE_UPLOAD = true;

type ValueDraft = ReportDraft["values"][string];

/**
 * One target's figure for the period (a ratio, yes/no or a number), its note and its evidence files.
 * Memoised like `TaskRow`: error messages come as strings and `onEdit` is stable.
 */
export const ValueRow = memo(function ValueRow({
  index,
  value,
  draft,
  reportRef,
  editable,
  numeratorError,
  denominatorError,
  valueError,
  onEdit,
  onOpen,
}: {
  index: number;
  value: TReportValue;
  draft: ValueDraft;
  reportRef: ReportRef;
  editable: boolean;
  /** Each field's error message, already in the user's language. */
  numeratorError: string | undefined;
  denominatorError: string | undefined;
  valueError: string | undefined;
  onEdit: (targetKey: string, patch: Partial<ValueDraft>) => void;
  /** Opens the target's panel (its figures by unit and period); stable, like `onEdit`. */
  onOpen: (targetKey: string) => void;
}) {
  const onChange = (patch: Partial<ValueDraft>) => onEdit(value.targetKey, patch);
  const { t, lang, num } = useI18n();
  const ratio = isRatio(value);
  const computed = ratio ? ratioPercent(draft.numerator, draft.denominator) : null;
  const goal = goalText(value.target as Parameters<typeof goalText>[0], (v) => num(v));
  const decimal = lang === "vi" ? "," : ".";
  const unit = value.indicator.unit || value.target.unit || "";

  const {
    upload,
    percent: uploading,
    error: uploadError,
  } = useEvidenceUpload(
    (file, onProgress) => reportingApi.uploadEvidence(reportRef, file, onProgress),
    (f) => onChange({ evidence: [...draft.evidence, f] }),
  );

  return (
    <div className="dt-report-row" data-testid="report-value" data-target-key={value.targetKey}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <b>{index}.</b>{" "}
        <Typography.Link
          // A real address (the target on its plan's page) for a keyboard or a new tab; a click opens the panel here.
          href={`/plans/${encodeURIComponent(reportRef.code)}?tab=targets&target=${value.targetKey}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(value.targetKey);
          }}
        >
          {value.targetText}
        </Typography.Link>
      </Typography.Paragraph>
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag>{value.indicator.name}</Tag>
        {goal && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("report.value.target", { goal })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {t(`report.value.rule.${value.indicator.aggregation}`)}
        </Typography.Text>
        {value.required && <Tag color="red">{t("report.value.required")}</Tag>}
      </Space>
      <div className="dt-report-fields">
        {ratio ? (
          <>
            <Form.Item
              label={value.indicator.numeratorLabel ?? t("report.value.numerator")}
              data-field={`value:${value.targetKey}.numerator`}
              style={{ width: 220, marginBottom: 8 }}
              {...fieldState(numeratorError)}
            >
              <InputNumber
                aria-label={t("report.value.numerator")}
                style={{ width: "100%" }}
                decimalSeparator={decimal}
                value={draft.numerator}
                onChange={(v) => onChange({ numerator: v === null ? null : Number(v) })}
              />
            </Form.Item>
            <Form.Item
              label={value.indicator.denominatorLabel ?? t("report.value.denominator")}
              data-field={`value:${value.targetKey}.denominator`}
              style={{ width: 220, marginBottom: 8 }}
              {...fieldState(denominatorError)}
            >
              <InputNumber
                aria-label={t("report.value.denominator")}
                style={{ width: "100%" }}
                decimalSeparator={decimal}
                value={draft.denominator}
                onChange={(v) => onChange({ denominator: v === null ? null : Number(v) })}
              />
            </Form.Item>
            <Form.Item label={t("report.value.computed")} style={{ width: 140, marginBottom: 8 }}>
              <Typography.Text
                strong
                type={computed !== null && computed > 100 ? "danger" : undefined}
                style={{ fontSize: 16 }}
                data-testid="computed-ratio"
              >
                {computed === null ? "—" : `${num(computed)}%`}
              </Typography.Text>
            </Form.Item>
          </>
        ) : value.indicator.aggregation === "boolean" ? (
          <Form.Item
            label={t("report.value.valuePlain")}
            data-field={`value:${value.targetKey}.value`}
            style={{ width: 220, marginBottom: 8 }}
            {...fieldState(valueError)}
          >
            <Radio.Group
              value={draft.value}
              onChange={(e) => onChange({ value: e.target.value as number })}
              options={[
                { value: 1, label: t("report.value.yes") },
                { value: 0, label: t("report.value.no") },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label={unit ? t("report.value.value", { unit }) : t("report.value.valuePlain")}
            data-field={`value:${value.targetKey}.value`}
            style={{ width: 220, marginBottom: 8 }}
            {...fieldState(valueError)}
          >
            <InputNumber
              aria-label={t("report.value.valuePlain")}
              style={{ width: "100%" }}
              decimalSeparator={decimal}
              value={draft.value}
              onChange={(v) => onChange({ value: v === null ? null : Number(v) })}
            />
          </Form.Item>
        )}
        <Form.Item label={t("report.value.note")} style={{ flex: 1, minWidth: 220, marginBottom: 8 }}>
          <Input
            aria-label={t("report.value.note")}
            maxLength={5000}
            value={draft.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </Form.Item>
      </div>
      <div>
        <Space wrap size={[12, 4]}>
          {(draft.evidence.length > 0 || (editable && REPORT_EVIDENCE_UPLOAD)) && (
            <Typography.Text type="secondary">{t("report.value.evidence")}:</Typography.Text>
          )}
          {draft.evidence.map((f) => (
            <a key={f.id} href={f.url} download={f.name}>
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
          {editable && REPORT_EVIDENCE_UPLOAD && (
            <EvidenceUploadButton
              upload={upload}
              busy={uploading !== null}
              label={t("report.value.upload")}
              size="small"
            />
          )}
        </Space>
        {uploading !== null && <Progress percent={uploading} size="small" />}
        {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 4 }} />}
      </div>
    </div>
  );
});
