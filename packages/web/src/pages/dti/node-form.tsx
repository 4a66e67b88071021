import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { TDtiBand, TDtiNodeKind, TDtiRule, TDtiRuleKind } from "@dtplan/contracts/dti.ts";
import { isAggregateRule } from "@dtplan/domain/dti/framework.ts";
import {
  DTI_NODE_KIND_LABELS,
  DTI_NODE_KINDS,
  DTI_RULE_KIND_LABELS,
  DTI_RULE_KINDS,
  DTI_SCALES,
} from "@dtplan/domain/dti/lists.ts";
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { defaultRule, type EditNode } from "./framework-model.ts";

/** Bands or thresholds: from a figure up, so many points. */
function BandsEditor({
  bands,
  editable,
  minLabel,
  onChange,
}: {
  bands: TDtiBand[];
  editable: boolean;
  minLabel: string;
  onChange: (bands: TDtiBand[]) => void;
}) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {bands.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional (edited in place)
        <Space key={i} wrap>
          <InputNumber
            aria-label={minLabel}
            addonBefore={minLabel}
            value={b.min}
            disabled={!editable}
            onChange={(v) => onChange(bands.map((x, j) => (j === i ? { ...x, min: Number(v ?? 0) } : x)))}
          />
          <InputNumber
            aria-label={t("dti.fw.points")}
            addonAfter={t("dti.fw.pointsUnit")}
            min={0}
            value={b.points}
            disabled={!editable}
            onChange={(v) => onChange(bands.map((x, j) => (j === i ? { ...x, points: Number(v ?? 0) } : x)))}
          />
          {editable && (
            <Button
              icon={<DeleteOutlined />}
              aria-label={t("common.remove")}
              onClick={() => onChange(bands.filter((_, j) => j !== i))}
            />
          )}
        </Space>
      ))}
      {editable && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...bands, { min: 0, points: 0 }])}
        >
          {t("dti.fw.addBand")}
        </Button>
      )}
    </Space>
  );
}

/** The parameters of a rule: levels, a and b, thresholds, the catalogue indicator … */
function RuleEditor({
  rule,
  editable,
  onChange,
}: {
  rule: TDtiRule;
  editable: boolean;
  onChange: (rule: TDtiRule) => void;
}) {
  const { t } = useI18n();
  const scaleSelect = (scale: "linear" | "banded", set: (s: "linear" | "banded") => void) => (
    <Form.Item label={t("dti.fw.scale")}>
      <Select
        value={scale}
        disabled={!editable}
        onChange={set}
        options={DTI_SCALES.map((s) => ({ value: s, label: t(`dti.fw.scale.${s}`) }))}
      />
    </Form.Item>
  );
  switch (rule.kind) {
    case "levels":
      return (
        <Form.Item label={t("dti.fw.levels")}>
          <Space direction="vertical" style={{ width: "100%" }}>
            {rule.levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional (their key is being edited)
              <Row key={i} gutter={6} wrap>
                <Col flex="64px">
                  <Input
                    aria-label={t("dti.fw.levelKey")}
                    value={l.key}
                    disabled={!editable}
                    onChange={(e) =>
                      onChange({
                        ...rule,
                        levels: rule.levels.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)),
                      })
                    }
                  />
                </Col>
                <Col flex="96px">
                  <InputNumber
                    aria-label={t("dti.fw.points")}
                    min={0}
                    style={{ width: "100%" }}
                    value={l.points}
                    disabled={!editable}
                    onChange={(v) =>
                      onChange({
                        ...rule,
                        levels: rule.levels.map((x, j) => (j === i ? { ...x, points: Number(v ?? 0) } : x)),
                      })
                    }
                  />
                </Col>
                <Col flex="auto">
                  <Input
                    aria-label={t("dti.fw.levelDescription")}
                    value={l.description}
                    disabled={!editable}
                    onChange={(e) =>
                      onChange({
                        ...rule,
                        levels: rule.levels.map((x, j) =>
                          j === i ? { ...x, description: e.target.value } : x,
                        ),
                      })
                    }
                  />
                </Col>
                {editable && (
                  <Col flex="32px">
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t("common.remove")}
                      onClick={() => onChange({ ...rule, levels: rule.levels.filter((_, j) => j !== i) })}
                    />
                  </Col>
                )}
              </Row>
            ))}
            {editable && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  onChange({
                    ...rule,
                    levels: [
                      ...rule.levels,
                      { key: String.fromCharCode(97 + rule.levels.length), points: 0, description: "" },
                    ],
                  })
                }
              >
                {t("dti.fw.addLevel")}
              </Button>
            )}
          </Space>
        </Form.Item>
      );
    case "ratio":
      return (
        <>
          <Form.Item label={t("dti.fw.numerator")}>
            <Input
              value={rule.numeratorLabel}
              disabled={!editable}
              onChange={(e) => onChange({ ...rule, numeratorLabel: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t("dti.fw.denominator")}>
            <Input
              value={rule.denominatorLabel}
              disabled={!editable}
              onChange={(e) => onChange({ ...rule, denominatorLabel: e.target.value })}
            />
          </Form.Item>
          {scaleSelect(rule.scale, (scale) => onChange({ ...rule, scale }))}
          {rule.scale === "banded" && (
            <Form.Item label={t("dti.fw.bands")}>
              <BandsEditor
                bands={rule.bands}
                editable={editable}
                minLabel={t("dti.fw.fromPercent")}
                onChange={(bands) => onChange({ ...rule, bands })}
              />
            </Form.Item>
          )}
        </>
      );
    case "boolean":
      return (
        <Form.Item label={t("dti.fw.yesLabel")}>
          <Input
            value={rule.yesLabel}
            disabled={!editable}
            onChange={(e) => onChange({ ...rule, yesLabel: e.target.value })}
          />
        </Form.Item>
      );
    case "thresholds":
      return (
        <>
          <Form.Item label={t("dti.fw.unit")}>
            <Input
              value={rule.unit}
              disabled={!editable}
              onChange={(e) => onChange({ ...rule, unit: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t("dti.fw.thresholds")}>
            <BandsEditor
              bands={rule.thresholds}
              editable={editable}
              minLabel={t("dti.fw.from")}
              onChange={(thresholds) => onChange({ ...rule, thresholds })}
            />
          </Form.Item>
        </>
      );
    case "indicator":
      return (
        <>
          <Form.Item label={t("dti.fw.indicatorCode")} extra={t("dti.fw.indicatorHint")}>
            <Input
              value={rule.indicatorCode}
              disabled={!editable}
              onChange={(e) => onChange({ ...rule, indicatorCode: e.target.value })}
            />
          </Form.Item>
          {scaleSelect(rule.scale, (scale) => onChange({ ...rule, scale }))}
          {rule.scale === "linear" ? (
            <Form.Item label={t("dti.fw.target")}>
              <InputNumber
                min={0}
                value={rule.target}
                disabled={!editable}
                onChange={(v) => onChange({ ...rule, target: Number(v ?? 100) })}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t("dti.fw.bands")}>
              <BandsEditor
                bands={rule.bands}
                editable={editable}
                minLabel={t("dti.fw.from")}
                onChange={(bands) => onChange({ ...rule, bands })}
              />
            </Form.Item>
          )}
        </>
      );
    default:
      return <Typography.Paragraph type="secondary">{t("dti.fw.aggregateHint")}</Typography.Paragraph>;
  }
}

/** One node's fields: code, name, kind, points (never typed for a sum), weight, rule, evidence, guidance. */
export function NodeForm({
  node,
  computedMax,
  editable,
  onChange,
}: {
  node: EditNode;
  computedMax: number;
  editable: boolean;
  onChange: (patch: Partial<EditNode>) => void;
}) {
  const { t, lang, num } = useI18n();
  const hasChildren = node.children.length > 0;
  const ruleKinds = DTI_RULE_KINDS.filter((k) => isAggregateRule(k) === hasChildren);
  return (
    <Form layout="vertical" component="div" disabled={!editable} data-testid="node-form">
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item label={t("dti.fw.nodeCode")}>
            <Input value={node.code} onChange={(e) => onChange({ code: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label={t("dti.fw.nodeKind")}>
            <Select<TDtiNodeKind>
              value={node.kind}
              onChange={(kind) => onChange({ kind })}
              options={DTI_NODE_KINDS.map((k) => ({ value: k, label: DTI_NODE_KIND_LABELS[k][lang] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("dti.fw.nodeName")}>
        <Input.TextArea
          aria-label={t("dti.fw.nodeName")}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={node.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t("dti.fw.rule")}>
            <Select<TDtiRuleKind>
              value={node.rule.kind}
              onChange={(kind) => onChange({ rule: defaultRule(kind) })}
              options={ruleKinds.map((k) => ({ value: k, label: DTI_RULE_KIND_LABELS[k][lang] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            label={t("dti.fw.maxPoints")}
            extra={node.rule.kind === "sum" ? t("dti.fw.computed", { n: num(computedMax) }) : undefined}
          >
            <InputNumber
              aria-label={t("dti.fw.maxPoints")}
              min={0}
              style={{ width: "100%" }}
              value={node.rule.kind === "sum" ? computedMax : node.maxPoints}
              disabled={!editable || node.rule.kind === "sum"}
              onChange={(v) => onChange({ maxPoints: v === null ? null : Number(v) })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t("dti.fw.weight")}>
            <InputNumber
              min={0}
              style={{ width: "100%" }}
              value={node.weight ?? null}
              onChange={(v) => onChange({ weight: v === null ? null : Number(v) })}
            />
          </Form.Item>
        </Col>
      </Row>
      <RuleEditor rule={node.rule} editable={editable} onChange={(rule) => onChange({ rule })} />
      <Form.Item label={t("dti.fw.evidenceRequired")}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={node.evidenceRequired ?? ""}
          onChange={(e) => onChange({ evidenceRequired: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t("dti.fw.guidance")}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={node.guidance ?? ""}
          onChange={(e) => onChange({ guidance: e.target.value })}
        />
      </Form.Item>
    </Form>
  );
}
