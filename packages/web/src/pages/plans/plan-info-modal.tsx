import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import {
  type TPlanDetail,
  type TPlanReview,
  type TUpdatePlan,
  ZUpdatePlan,
} from "@dtplan/contracts/plans.ts";
import { planDocumentFacts } from "@dtplan/domain/plans/document-facts.ts";
import { PLAN_KINDS } from "@dtplan/domain/plans/lists.ts";
import { useQuery } from "@tanstack/react-query";
import { App, Col, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { DateInput } from "../../forms/date-input.tsx";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { planLabel } from "../../lib/plan-label.ts";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";

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
  issuerUnitId?: string | null;
}

/** The plan's own facts: title, kind, period, number and date, the plans it belongs to. */
export function PlanInfoModal({
  plan,
  units,
  onCancel,
  onDone,
}: {
  plan: TPlanDetail;
  /** The units the issuer may move to (a first draft imported under the wrong unit). */
  units: readonly TOrgUnit[];
  onCancel: () => void;
  onDone: (review: TPlanReview) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const others = useQuery(plansQueries.list({ limit: 200 }));
  const planOptions = (others.data?.items ?? [])
    .filter((p) => p.code !== plan.code)
    .map((p) => ({ value: p.code, label: planLabel(p) }));

  /** The plan's fields as they stand: the form starts from them and sends only what differs. */
  const before = {
    title: plan.title,
    ...planDocumentFacts(plan),
    parentPlanCode: plan.parentPlan?.code ?? null,
    implementsPlanCode: plan.implementsPlan?.code ?? null,
    issuerUnitId: plan.unit?.id ?? null,
  };
  // Only a first draft changes its issuing unit: an amendment keeps the plan's.
  const movable = plan.version === 1 && plan.status === "draft";

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
      ...(movable && v.issuerUnitId ? { issuerUnitId: v.issuerUnitId } : {}),
    };
    const changes = Object.fromEntries(
      Object.entries(all).filter(([k, value]) => value !== (before as Record<string, unknown>)[k]),
    ) as TUpdatePlan;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body = validate(ZUpdatePlan, changes);
    if (!body) return;
    await run(async () => {
      const review = await plansApi.update(plan.code, body);
      message.success(t("review.saved"));
      onDone(review);
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("planForm.title")}
      onCancel={onCancel}
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="plan-info"
        onFinish={submit}
        onValuesChange={onValuesChange}
        requiredMark="optional"
        initialValues={{ ...before, issuedDate: before.issuedDate ? dayjs(before.issuedDate) : null }}
      >
        {movable && (
          <Form.Item name="issuerUnitId" label={t("planForm.issuer")} extra={t("planForm.issuerHint")}>
            <UnitTreeSelect units={units} names={new Map([[plan.unit.id, plan.unit.name]])} />
          </Form.Item>
        )}
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
              <DateInput />
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
          <Select allowClear showSearch={foldedSearch} options={planOptions} loading={others.isFetching} />
        </Form.Item>
        <Form.Item name="implementsPlanCode" label={t("planForm.implements")}>
          <Select allowClear showSearch={foldedSearch} options={planOptions} loading={others.isFetching} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
