import type { TReportingPeriod } from "@dtplan/contracts/reporting.ts";
import { Alert, Col, Form, Input, Modal, Row } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { reportingApi } from "../../api/reporting.ts";
import { DateInput } from "../../forms/date-input.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

interface Values {
  label: string;
  start: Dayjs;
  end: Dayjs;
  dueDate: Dayjs;
  reason?: string;
}

const iso = (d: Dayjs) => d.format("YYYY-MM-DD");

/** Điều chỉnh kỳ báo cáo (with `period`) or mở kỳ đột xuất (without). */
export function PeriodModal({
  open,
  planCode,
  period,
  onClose,
  onSaved,
}: {
  open: boolean;
  planCode: string;
  period: TReportingPeriod | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, period: periodName } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (period) {
      form.setFieldsValue({
        label: period.label,
        start: dayjs(period.start),
        end: dayjs(period.end),
        dueDate: dayjs(period.dueDate),
      });
    }
  }, [open, period, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (period) {
        await reportingApi.adjustPeriod(planCode, period.key, {
          label: v.label,
          start: iso(v.start),
          end: iso(v.end),
          dueDate: iso(v.dueDate),
          reason: v.reason?.trim() || undefined,
        });
      } else {
        await reportingApi.openAdhoc(planCode, {
          label: v.label,
          start: iso(v.start),
          end: iso(v.end),
          dueDate: iso(v.dueDate),
        });
      }
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const dateRule = { required: true, message: t("periods.form.required") };
  /** A date of the period may not come before its first day. */
  const notBeforeStart =
    (message: "periods.form.endBeforeStart" | "periods.form.dueBeforeStart") =>
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_: unknown, value: Dayjs | undefined) => {
        const start = getFieldValue("start") as Dayjs | undefined;
        return value && start && value.isBefore(start, "day")
          ? Promise.reject(new Error(t(message)))
          : Promise.resolve();
      },
    });
  return (
    <Modal
      open={open}
      title={period ? t("periods.adjustTitle", { label: periodName(period) }) : t("periods.openAdhoc")}
      okText={t("common.save")}
      cancelText={t("report.cancel")}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
      data-testid="period-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="label"
          label={t("periods.form.label")}
          rules={[{ required: true, whitespace: true, message: t("periods.form.label") }]}
        >
          <Input maxLength={200} placeholder={t("periods.form.labelPlaceholder")} />
        </Form.Item>
        {/* Side by side on a wide screen, one under another on a phone. */}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="start" label={t("periods.form.start")} rules={[dateRule]}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="end"
              label={t("periods.form.end")}
              dependencies={["start"]}
              rules={[dateRule, notBeforeStart("periods.form.endBeforeStart")]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="dueDate"
              label={t("periods.form.due")}
              dependencies={["start"]}
              rules={[dateRule, notBeforeStart("periods.form.dueBeforeStart")]}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        {period && (
          <Form.Item name="reason" label={t("periods.form.reason")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
