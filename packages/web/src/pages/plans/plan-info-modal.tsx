import {
  type TPlanDetail,
  type TPlanReview,
  type TUpdatePlan,
  ZUpdatePlan,
} from "@dtplan/contracts/plans.ts";
import { PLAN_KINDS } from "@dtplan/domain/plans/lists.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { matchesFolded } from "../../lib/fold.ts";

interface Values {
  title?: string;
  kind?: "multi_year" | "annual";
  periodStart?: number | null;
  periodEnd?: number | null;
  visionYear?: number | null;
  documentNumber?: string | null;
  issuedDate?: Dayjs | null;
  parentPlanCode?: string | null;
  implementsPlanCode?: string | null;
}

/** The plan's own facts: title, kind, period, number and date, the plans it belongs to. */
export function PlanInfoModal({
  plan,
  onCancel,
  onDone,
}: {
  plan: TPlanDetail;
  onCancel: () => void;
  onDone: (review: TPlanReview) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, showServerError, onValuesChange, formError } = useZodForm(form);
  const [saving, setSaving] = useState(false);
  const others = useQuery(plansQueries.list({ limit: 200 }));
  const planOptions = (others.data?.items ?? [])
    .filter((p) => p.code !== plan.code)
    .map((p) => ({ value: p.code, label: `${p.title} (${p.code})` }));

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const all: TUpdatePlan = {
      title: v.title ?? "",
      kind: v.kind,
      periodStart: v.periodStart ?? null,
      periodEnd: v.periodEnd ?? null,
      visionYear: v.visionYear ?? null,
      documentNumber: v.documentNumber?.trim() || null,
      issuedDate: v.issuedDate ? v.issuedDate.format("YYYY-MM-DD") : null,
      parentPlanCode: v.parentPlanCode ?? null,
      implementsPlanCode: v.implementsPlanCode ?? null,
    };
    const before: Record<string, unknown> = {
      title: plan.title,
      kind: plan.kind,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      visionYear: plan.visionYear,
      documentNumber: plan.documentNumber,
      issuedDate: plan.issuedDate,
      parentPlanCode: plan.parentPlan?.code ?? null,
      implementsPlanCode: plan.implementsPlan?.code ?? null,
    };
    const changes = Object.fromEntries(
      Object.entries(all).filter(([k, value]) => value !== before[k]),
    ) as TUpdatePlan;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body = validate(ZUpdatePlan, changes);
    if (!body) return;
    setSaving(true);
    try {
      const review = await plansApi.update(plan.code, body);
      message.success(t("review.saved"));
      onDone(review);
    } catch (err) {
      showServerError(err);
    } finally {
      setSaving(false);
    }
  }

  const search = {
    filterOption: (input: string, option?: { label?: unknown }) =>
      matchesFolded(String(option?.label ?? ""), input),
  };

  return (
    <Modal
      open
      title={t("planForm.title")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={680}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="plan-info"
        onFinish={submit}
        onValuesChange={onValuesChange}
        requiredMark="optional"
        initialValues={{
          title: plan.title,
          kind: plan.kind,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          visionYear: plan.visionYear,
          documentNumber: plan.documentNumber,
          issuedDate: plan.issuedDate ? dayjs(plan.issuedDate) : null,
          parentPlanCode: plan.parentPlan?.code ?? null,
          implementsPlanCode: plan.implementsPlan?.code ?? null,
        }}
      >
        <Form.Item name="title" label={t("planForm.name")} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="documentNumber" label={t("planForm.documentNumber")}>
              <Input maxLength={100} placeholder="123/KH-UBND" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuedDate" label={t("planForm.issuedDate")}>
              <DatePicker
                format="DD/MM/YYYY"
                placeholder={t("common.datePlaceholder")}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t("planForm.kind")}>
              <Select
                options={PLAN_KINDS.map((k) => ({
                  value: k,
                  label: t(`plans.kind.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="periodStart" label={t("planForm.periodStart")}>
              <InputNumber min={1900} max={2200} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="periodEnd" label={t("planForm.periodEnd")}>
              <InputNumber min={1900} max={2200} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="visionYear" label={t("planForm.visionYear")}>
              <InputNumber min={1900} max={2200} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentPlanCode" label={t("planForm.parent")}>
          <Select allowClear showSearch={search} options={planOptions} loading={others.isFetching} />
        </Form.Item>
        <Form.Item name="implementsPlanCode" label={t("planForm.implements")}>
          <Select allowClear showSearch={search} options={planOptions} loading={others.isFetching} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
