import { CheckOutlined, PlusOutlined } from "@ant-design/icons";
import type { TIndicator, TPillar } from "@dtplan/contracts/indicators.ts";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import {
  type TPlanReview,
  type TPlanTarget,
  type TPlanTask,
  ZCreateTarget,
  ZCreateTask,
  ZUpdateTarget,
  ZUpdateTask,
} from "@dtplan/contracts/plans.ts";
import { TASK_KINDS } from "@dtplan/domain/plans/lists.ts";
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { plansApi } from "../../api/endpoints.ts";
import { DateInput } from "../../forms/date-input.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { matchesFolded } from "../../lib/fold.ts";
import { formatPercent } from "../../lib/format.ts";
import { IndicatorFormModal } from "../indicators/indicator-form-modal.tsx";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";
import { PILLAR_OPTIONS, pillarLabel } from "./review-model.ts";

export type ItemEditing =
  | { mode: "edit"; type: "target"; item: TPlanTarget }
  | { mode: "edit"; type: "task"; item: TPlanTask }
  | {
      mode: "create";
      type: "target" | "task";
      text?: string;
      pillar?: TPillar;
      section?: string | null;
      source?: { start: number; end: number } | null;
    };

interface Props {
  code: string;
  editing: ItemEditing;
  units: readonly TOrgUnit[];
  indicators: readonly TIndicator[];
  sourceText: string;
  /** The plan's unit: the province a new indicator belongs to. */
  planUnit: TOrgUnit | null;
  onClose: () => void;
  onSaved: (review: TPlanReview) => void;
  onIndicatorCreated: (indicator: TIndicator) => void;
}

interface Values {
  text?: string;
  pillar?: TPillar;
  section?: string | null;
  // target
  comparator?: ">=" | ">" | "<=" | "<" | null;
  value?: number | null;
  unit?: string | null;
  year?: number | null;
  scope?: string | null;
  // task
  kind?: "task" | "solution";
  leadUnitId?: string | null;
  leadNone?: boolean;
  coordinatorUnitIds?: string[];
  deadlineText?: string | null;
  deadlineDate?: Dayjs | null;
  recurring?: boolean;
  cadence?: "monthly" | "quarterly" | "semiannual" | "annual" | null;
}

const COMPARATORS = [">=", ">", "<=", "<"] as const;
const CADENCES = ["monthly", "quarterly", "semiannual", "annual"] as const;
const nullIfBlank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function initialValues(editing: ItemEditing): Values {
  if (editing.mode === "create") {
    return {
      text: editing.text ?? "",
      pillar: editing.pillar ?? "other",
      section: editing.section ?? null,
      kind: "task",
      leadNone: false,
      coordinatorUnitIds: [],
      recurring: false,
      comparator: ">=",
    };
  }
  if (editing.type === "target") {
    const x = editing.item;
    return {
      text: x.text,
      pillar: x.pillar,
      section: x.section,
      comparator: x.comparator,
      value: x.value,
      unit: x.unit,
      year: x.year,
      scope: x.scope,
    };
  }
  const x = editing.item;
  return {
    text: x.text,
    pillar: x.pillar,
    section: x.section,
    kind: x.kind,
    leadUnitId: x.lead.unit?.id ?? null,
    leadNone: x.lead.none,
    coordinatorUnitIds: x.coordinators.flatMap((c) => (c.unit ? [c.unit.id] : [])),
    deadlineText: x.deadline?.text ?? null,
    deadlineDate: x.deadline?.date ? dayjs(x.deadline.date) : null,
    recurring: x.recurring,
    cadence: (x.cadence as Values["cadence"]) ?? null,
  };
}

/** Edit (or add) one target or task of a draft: every field, from the org tree and the catalogue. */
export function ItemDrawer(props: Props) {
  const { editing, units, indicators } = props;
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, showServerError, onValuesChange, formError } = useZodForm(form);
  const [saving, setSaving] = useState(false);
  const isTarget = editing.type === "target";
  const target = editing.mode === "edit" && editing.type === "target" ? editing.item : null;
  const task = editing.mode === "edit" && editing.type === "task" ? editing.item : null;
  // The units the task names, shown by name while the unit tree is still loading.
  const taskUnits = useMemo(
    () =>
      new Map(
        [task?.lead.unit, ...(task?.coordinators.map((c) => c.unit) ?? [])].flatMap((u) =>
          u ? [[u.id, u.name] as const] : [],
        ),
      ),
    [task],
  );
  const [indicatorCode, setIndicatorCode] = useState<string | null>(target?.indicator?.code ?? null);
  const [indicatorConfirmed, setIndicatorConfirmed] = useState(target?.indicator?.confirmed ?? false);
  const [creatingIndicator, setCreatingIndicator] = useState(false);
  const leadNone = Form.useWatch("leadNone", form);
  const recurring = Form.useWatch("recurring", form);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);

  const source = editing.mode === "edit" ? editing.item.source : (editing.source ?? null);
  const sourcePassage = source ? props.sourceText.slice(source.start, source.end) : null;

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const common = { text: v.text ?? "", pillar: v.pillar ?? "other", section: nullIfBlank(v.section) };
    setSaving(true);
    try {
      let review: TPlanReview | null = null;
      if (isTarget) {
        const fields = {
          ...common,
          comparator: v.comparator ?? null,
          value: v.value ?? null,
          unit: nullIfBlank(v.unit),
          year: v.year ?? null,
          scope: nullIfBlank(v.scope),
          indicatorCode,
          indicatorConfirmed: indicatorCode ? indicatorConfirmed : false,
        };
        if (editing.mode === "create") {
          const body = validate(ZCreateTarget, { ...fields, source: editing.source ?? null });
          if (body) review = await plansApi.addTarget(props.code, body);
        } else {
          // The version loaded: if someone saved this item since, the server says who (409).
          const body = validate(ZUpdateTarget, { ...fields, version: editing.item.version });
          if (body) review = await plansApi.updateTarget(props.code, editing.item.id, body);
        }
      } else {
        const fields = {
          ...common,
          kind: v.kind ?? "task",
          leadUnitId: v.leadNone ? null : (v.leadUnitId ?? null),
          leadNone: Boolean(v.leadNone),
          coordinatorUnitIds: v.coordinatorUnitIds ?? [],
          deadlineText: nullIfBlank(v.deadlineText),
          deadlineDate: v.deadlineDate ? v.deadlineDate.format("YYYY-MM-DD") : null,
          recurring: Boolean(v.recurring),
          cadence: v.recurring ? (v.cadence ?? null) : null,
        };
        if (editing.mode === "create") {
          const body = validate(ZCreateTask, { ...fields, source: editing.source ?? null });
          if (body) review = await plansApi.addTask(props.code, body);
        } else {
          const body = validate(ZUpdateTask, { ...fields, version: editing.item.version });
          if (body) review = await plansApi.updateTask(props.code, editing.item.id, body);
        }
      }
      if (review) {
        message.success(t("review.saved"));
        props.onSaved(review);
      }
    } catch (err) {
      showServerError(err);
    } finally {
      setSaving(false);
    }
  }

  const title =
    editing.mode === "create"
      ? t(isTarget ? "item.newTarget" : "item.newTask")
      : t(isTarget ? "item.editTarget" : "item.editTask");

  const unitChips = (
    suggestions: { unitId: string; unitName: string; score: number }[],
    onPick: (id: string) => void,
    testId: string,
  ) =>
    suggestions.length > 0 && (
      <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{t("review.suggestions")}</Typography.Text>
        {suggestions.map((s) => (
          <Tag
            key={s.unitId}
            className="dt-chip"
            color={s.score >= 0.8 ? "blue" : "default"}
            onClick={() => onPick(s.unitId)}
            data-testid={testId}
          >
            {s.unitName} · {formatPercent(s.score * 100, lang, 0)}
          </Tag>
        ))}
      </Space>
    );

  const current = indicatorCode ? byCode.get(indicatorCode) : null;
  const suggestions = target?.indicatorSuggestions ?? [];

  return (
    <Drawer
      open
      title={title}
      size={640}
      onClose={props.onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid="item-drawer"
      extra={
        <Space>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {sourcePassage && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t("item.sourceText")}
          description={<div className="dt-split-text">{sourcePassage}</div>}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="item-form"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={initialValues(editing)}
        requiredMark={false}
      >
        <Form.Item name="text" label={t("item.text")} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={isTarget ? 24 : 16}>
            <Form.Item name="pillar" label={t("item.pillar")} required>
              <Select options={PILLAR_OPTIONS.map((p) => ({ value: p, label: pillarLabel(p, lang) }))} />
            </Form.Item>
          </Col>
          {!isTarget && (
            <Col span={8}>
              <Form.Item name="kind" label={t("item.kind")}>
                <Select
                  options={TASK_KINDS.map((k) => ({
                    value: k,
                    label: t(`item.kind.${k}`),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="section" label={t("item.section")}>
          <Input maxLength={300} />
        </Form.Item>

        {isTarget ? (
          <>
            <Row gutter={12}>
              <Col span={6}>
                <Form.Item name="comparator" label={t("item.comparator")}>
                  <Select
                    allowClear
                    options={COMPARATORS.map((c) => ({
                      value: c,
                      label: { ">=": "≥ (ít nhất)", ">": "> (hơn)", "<=": "≤ (tối đa)", "<": "< (dưới)" }[c],
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="value" label={t("item.value")}>
                  <InputNumber
                    style={{ width: "100%" }}
                    decimalSeparator={lang === "vi" ? "," : "."}
                    data-testid="target-value"
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="unit" label={t("item.unit")}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="year" label={t("item.year")}>
                  <InputNumber style={{ width: "100%" }} min={1900} max={2200} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="scope" label={t("item.scope")}>
              <Input maxLength={200} />
            </Form.Item>
            <Divider titlePlacement="start">{t("item.indicatorTitle")}</Divider>
            <div data-testid="indicator-box">
              {current || indicatorCode ? (
                <Space align="start" style={{ marginBottom: 8 }}>
                  <Tag color={indicatorConfirmed ? "green" : "gold"}>
                    {indicatorConfirmed ? t("review.indicatorConfirmed") : t("review.indicatorUnconfirmed")}
                  </Tag>
                  <span>
                    <b>{indicatorCode}</b> — {current?.name ?? target?.indicator?.name}
                    {current && <Typography.Text type="secondary"> ({current.unit})</Typography.Text>}
                  </span>
                </Space>
              ) : (
                <Typography.Paragraph type="secondary">{t("review.noIndicator")}</Typography.Paragraph>
              )}
              <Space wrap style={{ display: "flex", marginBottom: 12 }}>
                {indicatorCode && !indicatorConfirmed && (
                  <Button
                    type="primary"
                    ghost
                    icon={<CheckOutlined />}
                    onClick={() => setIndicatorConfirmed(true)}
                  >
                    {t("item.indicatorConfirm")}
                  </Button>
                )}
                <Button icon={<PlusOutlined />} onClick={() => setCreatingIndicator(true)}>
                  {t("item.indicatorCreate")}
                </Button>
                {indicatorCode && (
                  <Button
                    type="text"
                    onClick={() => {
                      setIndicatorCode(null);
                      setIndicatorConfirmed(false);
                    }}
                  >
                    {t("item.indicatorClear")}
                  </Button>
                )}
              </Space>
              {suggestions.length > 0 && (
                <>
                  <div>
                    <Typography.Text type="secondary">{t("item.indicatorSuggested")}</Typography.Text>
                  </div>
                  <div style={{ margin: "6px 0 12px" }}>
                    {suggestions.map((s) => (
                      <div
                        key={s.code}
                        style={{ display: "flex", gap: 8, alignItems: "baseline", padding: "3px 0" }}
                      >
                        <Button
                          size="small"
                          type={s.code === indicatorCode ? "primary" : "default"}
                          onClick={() => {
                            setIndicatorCode(s.code);
                            setIndicatorConfirmed(true);
                          }}
                        >
                          {s.code}
                        </Button>
                        <span style={{ flex: 1 }}>{byCode.get(s.code)?.name ?? ""}</span>
                        <Tag>{t("review.score", { value: formatPercent(s.score * 100, lang, 0) })}</Tag>
                      </div>
                    ))}
                  </div>
                </>
              )}
              <Select
                showSearch={{
                  filterOption: (input, option) => matchesFolded(String(option?.label ?? ""), input),
                }}
                placeholder={t("item.indicatorChoose")}
                style={{ width: "100%" }}
                value={null}
                onChange={(code: string) => {
                  setIndicatorCode(code);
                  setIndicatorConfirmed(true);
                }}
                options={indicators.map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
                popupMatchSelectWidth
              />
            </div>
          </>
        ) : (
          <>
            <Form.Item label={t("item.lead")} required={!leadNone}>
              <Form.Item name="leadUnitId" noStyle>
                <UnitTreeSelect
                  units={units}
                  names={taskUnits}
                  placeholder={t("item.chooseUnit")}
                  id="lead-unit"
                />
              </Form.Item>
              {task?.lead.text && (
                <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
                  {t("review.leadAsWritten", { text: task.lead.text })}
                </Typography.Text>
              )}
              {task &&
                unitChips(
                  task.lead.suggestions,
                  (id) => form.setFieldsValue({ leadUnitId: id, leadNone: false }),
                  "lead-suggestion",
                )}
            </Form.Item>
            <Form.Item name="leadNone" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox>{t("item.leadNone")}</Checkbox>
            </Form.Item>
            <Form.Item label={t("item.coordinators")}>
              <Form.Item name="coordinatorUnitIds" noStyle>
                <UnitTreeSelect units={units} names={taskUnits} multiple placeholder={t("item.chooseUnit")} />
              </Form.Item>
              {task?.coordinators
                .filter((c) => c.text)
                .map((c) => (
                  <div key={c.text} style={{ marginTop: 6 }}>
                    <Typography.Text type="secondary">
                      {t("item.coordinatorsAsWritten")} “{c.text}”
                    </Typography.Text>
                    {unitChips(
                      c.suggestions,
                      (id) => {
                        const now = form.getFieldValue("coordinatorUnitIds") as string[] | undefined;
                        form.setFieldsValue({ coordinatorUnitIds: [...new Set([...(now ?? []), id])] });
                      },
                      "coordinator-suggestion",
                    )}
                  </div>
                ))}
            </Form.Item>
            <Row gutter={12}>
              <Col span={14}>
                <Form.Item name="deadlineText" label={t("item.deadlineText")}>
                  <Input maxLength={200} placeholder="Quý I năm 2025" />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="deadlineDate" label={t("item.deadlineDate")}>
                  <DateInput />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name="recurring" label={t("item.recurring")} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              {recurring && (
                <Col span={14}>
                  <Form.Item name="cadence" label={t("item.cadence")}>
                    <Select allowClear options={CADENCES.map((c) => ({ value: c, label: t(`freq.${c}`) }))} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </>
        )}
      </Form>
      {creatingIndicator && (
        <IndicatorFormModal
          units={props.planUnit ? [props.planUnit] : units}
          initial={{
            unitId: props.planUnit?.id,
            name: form.getFieldValue("text"),
            unit: form.getFieldValue("unit") ?? "%",
            pillar: form.getFieldValue("pillar"),
          }}
          onCancel={() => setCreatingIndicator(false)}
          onDone={(created) => {
            setCreatingIndicator(false);
            props.onIndicatorCreated(created);
            setIndicatorCode(created.code);
            setIndicatorConfirmed(true);
          }}
        />
      )}
    </Drawer>
  );
}
