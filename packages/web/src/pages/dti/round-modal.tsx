import { type TDtiRound, ZDtiRoundCreate } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Col, Form, Input, InputNumber, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { dtiApi, dtiQueries } from "../../api/dti.ts";
import { orgQueries } from "../../api/endpoints.ts";
import { invalidate } from "../../api/query.ts";
import { DateInput } from "../../forms/date-input.tsx";
import { FormModal } from "../../forms/form-modal.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";

interface Values {
  frameworkId?: string;
  year?: number;
  name?: string;
  unitIds?: string[];
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
}

/** Assessed units are communes, wards, special zones and departments: closed units never are. */
const ASSESSED_KINDS = new Set(["commune", "ward", "special_zone", "township", "department"]);

/** Mở đợt đánh giá: the focal officer picks the framework, the year, the units assessed and the dates. */
export function RoundModal({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (round: TDtiRound) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, onValuesChange, formError, saving, run } = useZodForm(form);
  const frameworks = useQuery(dtiQueries.frameworks());
  const units = useQuery(orgQueries.list({}));
  const activeUnits = (units.data?.items ?? []).filter((u) => u.active);

  const pickFramework = (id: string) => {
    const fw = frameworks.data?.frameworks.find((f) => f.id === id);
    if (!fw) return;
    if (!form.getFieldValue("year")) form.setFieldValue("year", fw.year);
    if (!form.getFieldValue("name"))
      form.setFieldValue("name", t("dti.round.defaultName", { year: fw.year, name: fw.name }));
  };

  const selectAssessed = () =>
    form.setFieldValue(
      "unitIds",
      activeUnits.filter((u) => u.parentId && ASSESSED_KINDS.has(u.kind)).map((u) => u.id),
    );

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const body = validate(ZDtiRoundCreate, {
      frameworkId: v.frameworkId ?? "",
      year: v.year,
      name: v.name ?? "",
      unitIds: v.unitIds ?? [],
      startDate: v.startDate?.format("YYYY-MM-DD") ?? "",
      dueDate: v.dueDate?.format("YYYY-MM-DD") ?? "",
    });
    if (!body) return;
    await run(async () => {
      const round = await dtiApi.createRound(body);
      await invalidate("dti");
      message.success(t("dti.round.created"));
      onDone(round);
    });
  }

  return (
    <FormModal
      form={form}
      saving={saving}
      formError={formError}
      title={t("dti.round.create")}
      okText={t("dti.round.createOk")}
      onCancel={onCancel}
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        data-testid="round-modal"
      >
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="frameworkId" label={t("dti.col.framework")} required>
              <Select
                loading={frameworks.isFetching}
                onChange={pickFramework}
                options={(frameworks.data?.frameworks ?? []).map((f) => ({
                  value: f.id,
                  label: `${f.name} (${f.year})`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="year" label={t("dti.round.year")} required>
              <InputNumber style={{ width: "100%" }} min={2015} max={2100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={t("dti.round.name")} required>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t("dti.round.units")}
          required
          extra={
            <Button type="link" size="small" style={{ padding: 0 }} onClick={selectAssessed}>
              {t("dti.round.allUnits")}
            </Button>
          }
        >
          <UnitTreeSelect units={activeUnits} multiple />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="startDate" label={t("dti.round.startDate")} required>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dueDate" label={t("dti.round.dueDate")} required>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
