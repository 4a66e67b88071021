import { SaveOutlined } from "@ant-design/icons";
import type { TConsolidatedReport } from "@dtplan/contracts/consolidated.ts";
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { toFormValues, useNarrative } from "./use-narrative.ts";

/**
 * Phần lời văn of the report (number, place, date, the five texts, signature,
 * recipients), filled from the loaded version; mount it per version (`key`).
 */
export function NarrativeCard({
  report,
  planCode,
  periodKey,
  onReload,
}: {
  report: TConsolidatedReport;
  planCode: string;
  periodKey: string;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { form, save, saving, conflict, onValuesChange, formError } = useNarrative(
    report,
    planCode,
    periodKey,
  );
  const canEdit = report.can.edit;

  return (
    <Card
      title={t("consolidated.narrative")}
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={save}
            data-testid="consolidated-save"
          >
            {t("consolidated.save")}
          </Button>
        )
      }
      data-testid="consolidated-narrative"
    >
      <Typography.Paragraph type="secondary" data-testid="consolidated-saved-status">
        {report.saved
          ? t("consolidated.savedBy", {
              at: formatDateTime(report.saved.updatedAt),
              name: report.saved.updatedBy?.name ?? "—",
            })
          : t("consolidated.notSaved")}
      </Typography.Paragraph>
      {!canEdit && (
        <Alert type="info" showIcon title={t("consolidated.readOnly")} style={{ marginBottom: 12 }} />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("consolidated.conflict")}
          description={conflict}
          action={
            <Button size="small" onClick={onReload}>
              {t("consolidated.reload")}
            </Button>
          }
          data-testid="consolidated-conflict"
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onValuesChange={onValuesChange}
        initialValues={toFormValues(report)}
      >
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item
              name="documentNumber"
              label={t("consolidated.form.documentNumber")}
              tooltip={t("consolidated.form.documentNumberHelp")}
            >
              <Input addonAfter="/BC-UBND" maxLength={20} placeholder="…" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="placeName" label={t("consolidated.form.placeName")}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reportDate" label={t("consolidated.form.reportDate")}>
              <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        {(
          [
            ["opening", 3],
            ["assessment", 4],
            ["difficulties", 4],
            ["proposals", 4],
            ["nextTasks", 3],
          ] as const
        ).map(([name, rows]) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`consolidated.form.${name}`)}
            tooltip={t("consolidated.form.linesHelp")}
          >
            <Input.TextArea autoSize={{ minRows: rows, maxRows: 14 }} maxLength={20_000} />
          </Form.Item>
        ))}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={["signature", "authority"]} label={t("consolidated.form.authority")}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={["signature", "signerName"]} label={t("consolidated.form.signerName")}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={["signature", "signatory"]} label={t("consolidated.form.signatory")}>
          <Radio.Group
            options={[
              { value: "vice_chairman", label: t("consolidated.form.viceChairman") },
              { value: "chairman", label: t("consolidated.form.chairman") },
            ]}
          />
        </Form.Item>
        <Form.Item name="recipients" label={t("consolidated.form.recipients")}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
      </Form>
    </Card>
  );
}
