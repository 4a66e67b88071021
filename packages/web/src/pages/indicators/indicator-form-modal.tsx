import { type TIndicator, type TPillar, ZCreateIndicator } from "@dtplan/contracts/indicators.ts";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import {
  AGGREGATIONS,
  DIRECTIONS,
  type IndicatorAggregation,
  type IndicatorDirection,
} from "@dtplan/domain/indicators/lists.ts";
import { App, Col, Form, Input, Row, Select } from "antd";
import { indicatorsApi } from "../../api/endpoints.ts";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";
import { PILLAR_OPTIONS, pillarLabel } from "../plans/review-model.ts";

interface Values {
  unitId?: string | null;
  code?: string;
  name?: string;
  unit?: string;
  pillar?: TPillar;
  aggregation?: IndicatorAggregation;
  direction?: IndicatorDirection;
  numeratorLabel?: string;
  denominatorLabel?: string;
}

/** A province's own indicator, for targets no national indicator fits. */
export function IndicatorFormModal({
  units,
  initial,
  onCancel,
  onDone,
}: {
  /** The units the user may pick the province from; a single unit hides the picker. */
  units: readonly TOrgUnit[];
  initial?: Partial<Values>;
  onCancel: () => void;
  onDone: (indicator: TIndicator) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const aggregation = Form.useWatch("aggregation", form);

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const body = validate(ZCreateIndicator, {
      unitId: v.unitId ?? "",
      code: v.code ?? "",
      name: v.name ?? "",
      unit: v.unit ?? "",
      pillar: v.pillar,
      aggregation: v.aggregation,
      direction: v.direction ?? "increase",
      numeratorLabel: v.numeratorLabel?.trim() || null,
      denominatorLabel: v.denominatorLabel?.trim() || null,
    });
    if (!body) return;
    await run(async () => {
      const created = await indicatorsApi.create(body);
      message.success(t("indicators.created", { code: created.code }));
      onDone(created);
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("indicators.createTitle")}
      onCancel={onCancel}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="indicator-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{
          aggregation: "ratio",
          direction: "increase",
          unit: "%",
          pillar: "other",
          ...initial,
        }}
        requiredMark="optional"
      >
        {units.length !== 1 && (
          <Form.Item name="unitId" label={t("indicators.field.unitId")} required>
            <UnitTreeSelect units={units} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t("indicators.field.code")} required>
              <Input maxLength={30} autoFocus />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="pillar" label={t("indicators.field.pillar")} required>
              <Select options={PILLAR_OPTIONS.map((p) => ({ value: p, label: pillarLabel(p, lang) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={t("indicators.field.name")} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="unit" label={t("indicators.field.unit")} required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="aggregation" label={t("indicators.field.aggregation")} required>
              <Select options={AGGREGATIONS.map((a) => ({ value: a, label: t(`indicators.agg.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="direction" label={t("indicators.field.direction")}>
              <Select
                options={DIRECTIONS.map((d) => ({
                  value: d,
                  label: t(`indicators.dir.${d}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {aggregation === "ratio" && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="numeratorLabel" label={t("indicators.field.numerator")}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="denominatorLabel" label={t("indicators.field.denominator")}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </FormModal>
  );
}
