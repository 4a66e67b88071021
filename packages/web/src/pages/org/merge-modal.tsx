import { ArrowRightOutlined, CloseCircleOutlined, PlusCircleOutlined, SwapOutlined } from "@ant-design/icons";
import type { TMergeOrgUnits, TMergePreview, TOrgUnit } from "@dtplan/contracts/org.ts";
import { ZMergeOrgUnits } from "@dtplan/contracts/org.ts";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Steps,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { orgApi } from "../../api/endpoints.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { UnitKindIcon, UnitKindSelect } from "./unit-kind.tsx";
import { UnitTreeSelect } from "./unit-tree-select.tsx";

interface Props {
  units: readonly TOrgUnit[];
  initialSources: TOrgUnit[];
  onCancel: () => void;
  onDone: (targetId: string | null, sourceIds: string[]) => void;
}

interface Values {
  sourceIds?: string[];
  mode: "existing" | "new";
  targetId?: string | null;
  newUnit?: { parentId?: string | null; code?: string; name?: string; kind?: string };
  effectiveDate?: Dayjs | null;
}

/**
 * Sáp nhập in two steps: fill in, then read the server's preview (which units
 * stop on which day, which sub-units move) before confirming.
 */
export function MergeModal({ units, initialSources, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, showServerError, onValuesChange, formError, reset } = useZodForm(form);
  const [busy, setBusy] = useState(false);
  const [request, setRequest] = useState<TMergeOrgUnits | null>(null);
  const [preview, setPreview] = useState<TMergePreview | null>(null);
  const mode = Form.useWatch("mode", form) ?? "existing";
  const sourceIds = Form.useWatch("sourceIds", form) ?? [];

  const openUnits = useMemo(() => units.filter((u) => u.validTo === null), [units]);
  const sourceSet = useMemo(() => new Set(sourceIds), [sourceIds]);
  const roots = useMemo(() => new Set(units.filter((u) => u.parentId === null).map((u) => u.id)), [units]);

  function buildRequest(v: Values): TMergeOrgUnits | null {
    const missing: Parameters<typeof form.setFields>[0] = [];
    if (!v.effectiveDate) missing.push({ name: ["effectiveDate"], errors: [t("form.chooseDate")] });
    if (v.mode === "existing" && !v.targetId)
      missing.push({ name: ["targetId"], errors: [t("org.merge.chooseTarget")] });
    if (v.mode === "existing" && v.targetId && v.sourceIds?.includes(v.targetId))
      missing.push({ name: ["targetId"], errors: [t("org.merge.targetInSources")] });
    if (v.mode === "new" && !v.newUnit?.parentId)
      missing.push({ name: ["newUnit", "parentId"], errors: [t("org.merge.chooseParent")] });
    const body = {
      sourceIds: v.sourceIds ?? [],
      effectiveDate: v.effectiveDate ? v.effectiveDate.format("YYYY-MM-DD") : "",
      ...(v.mode === "existing"
        ? { targetId: v.targetId ?? undefined }
        : {
            newUnit: {
              parentId: v.newUnit?.parentId ?? "",
              code: v.newUnit?.code ?? "",
              name: v.newUnit?.name ?? "",
              kind: v.newUnit?.kind ?? "",
            },
          }),
    };
    const parsed = validate(ZMergeOrgUnits, body);
    // Our own checks speak more plainly than the schema's for pickers ("Chọn ngày" rather than a format).
    if (missing.length > 0) {
      form.setFields(missing);
      return null;
    }
    return parsed;
  }

  async function showPreview() {
    const body = buildRequest(form.getFieldsValue(true) as Values);
    if (!body) return;
    setBusy(true);
    try {
      const result = await orgApi.previewMerge(body);
      setRequest(body);
      setPreview(result);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!request || !preview) return;
    setBusy(true);
    try {
      const result = await orgApi.merge(request);
      const target = request.targetId ?? result.created[0]?.id ?? null;
      message.success(t("org.merge.done", { target: preview.target.name }));
      onDone(target, request.sourceIds);
    } catch (err) {
      showServerError(err);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  const step = preview ? 1 : 0;
  const footer =
    step === 0 ? (
      <Space>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
        <Button
          type="primary"
          loading={busy}
          onClick={showPreview}
          icon={<ArrowRightOutlined />}
          iconPlacement="end"
        >
          {t("org.merge.preview")}
        </Button>
      </Space>
    ) : (
      <Space>
        <Button
          onClick={() => {
            reset();
            setPreview(null);
          }}
        >
          {t("common.back")}
        </Button>
        <Button type="primary" loading={busy} onClick={confirm}>
          {t("org.merge.confirm")}
        </Button>
      </Space>
    );

  return (
    <Modal
      open
      title={t("org.merge.title")}
      onCancel={onCancel}
      footer={footer}
      width={680}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Steps
        size="small"
        current={step}
        style={{ margin: "8px 0 20px" }}
        items={[{ title: t("org.merge.step1") }, { title: t("org.merge.previewTitle") }]}
      />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <div style={{ display: step === 0 ? "block" : "none" }}>
        <Form<Values>
          form={form}
          layout="vertical"
          name="merge-form"
          onValuesChange={onValuesChange}
          initialValues={{
            mode: "existing",
            sourceIds: initialSources.map((u) => u.id),
            effectiveDate: null,
          }}
        >
          <Form.Item
            name="sourceIds"
            label={t("org.merge.sources")}
            extra={t("org.merge.sourcesHelp")}
            required
          >
            <UnitTreeSelect multiple units={openUnits} disabledIds={roots} />
          </Form.Item>
          <Form.Item name="mode" label={t("org.merge.targetMode")}>
            <Radio.Group
              optionType="button"
              options={[
                { value: "existing", label: t("org.merge.targetExisting") },
                { value: "new", label: t("org.merge.targetNew") },
              ]}
            />
          </Form.Item>
          {mode === "existing" ? (
            <Form.Item name="targetId" label={t("org.merge.target")} required>
              <UnitTreeSelect
                units={openUnits}
                disabledIds={sourceSet}
                placeholder={t("org.merge.chooseTarget")}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item name={["newUnit", "parentId"]} label={t("org.merge.newParent")} required>
                <UnitTreeSelect
                  units={openUnits}
                  disabledIds={sourceSet}
                  placeholder={t("org.merge.chooseParent")}
                />
              </Form.Item>
              <Form.Item name={["newUnit", "name"]} label={t("org.merge.newName")} required>
                <Input maxLength={300} />
              </Form.Item>
              <Space align="start" wrap>
                <Form.Item
                  name={["newUnit", "code"]}
                  label={t("org.merge.newCode")}
                  required
                  extra={t("org.form.codeHelp")}
                  style={{ width: 260 }}
                >
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name={["newUnit", "kind"]}
                  label={t("org.merge.newKind")}
                  required
                  style={{ width: 300 }}
                >
                  <UnitKindSelect />
                </Form.Item>
              </Space>
            </>
          )}
          <Form.Item
            name="effectiveDate"
            label={t("org.merge.effectiveDate")}
            extra={t("org.merge.effectiveHelp")}
            required
          >
            <DatePicker format="DD/MM/YYYY" placeholder={t("common.datePlaceholder")} />
          </Form.Item>
        </Form>
      </div>
      {preview && <MergePreviewView preview={preview} units={units} />}
    </Modal>
  );
}

function MergePreviewView({ preview, units }: { preview: TMergePreview; units: readonly TOrgUnit[] }) {
  const { t } = useI18n();
  const lastDay = preview.closed[0]?.validTo;
  return (
    <div data-testid="merge-preview">
      <Typography.Paragraph strong style={{ fontSize: 15 }}>
        {t("org.merge.previewIntro", { date: formatDate(preview.effectiveDate) })}
      </Typography.Paragraph>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        <CloseCircleOutlined style={{ color: "#cf1322", marginInlineEnd: 8 }} />
        {t("org.merge.willClose", { date: formatDate(lastDay) })}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={preview.closed}
        renderItem={(u) => {
          const unit = units.find((x) => x.id === u.id);
          return (
            <List.Item>
              <Space>
                {unit && <UnitKindIcon kind={unit.kind} />}
                <span>{u.name}</span>
              </Space>
              {u.validTo !== lastDay && (
                <Typography.Text type="secondary">
                  {t("org.validToOnly", { to: formatDate(u.validTo) })}
                </Typography.Text>
              )}
            </List.Item>
          );
        }}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        <PlusCircleOutlined style={{ color: "#389e0d", marginInlineEnd: 8 }} />
        {t("org.merge.willReceive")}
      </Typography.Title>
      <div
        style={{ padding: "8px 12px", border: "1px solid #d9f7be", background: "#f6ffed", borderRadius: 6 }}
      >
        <Space>
          <strong>{preview.target.name}</strong>
          {preview.target.isNew && <Tag color="green">{t("org.merge.isNew")}</Tag>}
        </Space>
      </div>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        <SwapOutlined style={{ color: "#1d4f91", marginInlineEnd: 8 }} />
        {t("org.merge.willMove", { target: preview.target.name })}
      </Typography.Title>
      {preview.movedChildren.length === 0 ? (
        <Typography.Text type="secondary">{t("org.merge.noChildren")}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={preview.movedChildren}
          renderItem={(u) => <List.Item>{u.name}</List.Item>}
        />
      )}
      <Alert type="warning" showIcon title={t("org.merge.warning")} style={{ marginTop: 20 }} />
    </div>
  );
}
