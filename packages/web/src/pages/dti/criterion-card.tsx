import { RobotOutlined } from "@ant-design/icons";
import type { TDtiCriterion, TDtiVerificationOutcome } from "@dtplan/contracts/dti.ts";
import {
  DTI_RULE_KIND_LABELS,
  DTI_VERIFICATION_OUTCOME_LABELS,
  DTI_VERIFICATION_OUTCOMES,
} from "@dtplan/domain/dti/lists.ts";
import { Alert, Card, Collapse, Form, Input, InputNumber, Radio, Space, Tag, Typography } from "antd";
import type { CSSProperties } from "react";
import type { AssessmentRef } from "../../api/dti.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { type EntryDraft, entryProblem, isManual, previewPoints, ratioPercent } from "./assessment-model.ts";
import { OutcomeTag } from "./dti-labels.tsx";
import { EvidenceEditor, EvidenceLink } from "./evidence-editor.tsx";

const SCORES_STYLE: CSSProperties = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  gap: "4px 20px",
  marginTop: 8,
};

const VERIFY_STYLE: CSSProperties = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "flex-start",
  gap: 8,
  marginTop: 10,
  paddingTop: 10,
  borderTop: "1px dashed #d9dee7",
};

export interface VerificationDraft {
  outcome: TDtiVerificationOutcome | null;
  points: number | null;
  comment: string;
}

/** One criterion: its rule, what the unit entered (or enters), its points, evidence and verification. */
export function CriterionCard({
  criterion: c,
  draft,
  assessmentRef,
  editable,
  verifying,
  verification,
  highlighted,
  onEdit,
  onVerify,
}: {
  criterion: TDtiCriterion;
  draft: EntryDraft;
  assessmentRef: AssessmentRef;
  editable: boolean;
  verifying: boolean;
  verification: VerificationDraft | undefined;
  highlighted: boolean;
  onEdit: (patch: Partial<EntryDraft>) => void;
  onVerify: (patch: Partial<VerificationDraft>) => void;
}) {
  const { t, lang, num, period } = useI18n();
  const self = previewPoints(c, draft);
  const problem = entryProblem(c, draft);
  const decimal = lang === "vi" ? "," : ".";
  const numberInput = (label: string, value: number | null, set: (v: number | null) => void, width = 200) => (
    <Form.Item label={label} style={{ width, marginBottom: 8 }}>
      <InputNumber
        aria-label={label}
        style={{ width: "100%" }}
        min={0}
        decimalSeparator={decimal}
        value={value}
        onChange={(v) => set(v === null ? null : Number(v))}
      />
    </Form.Item>
  );

  let input: React.ReactNode = null;
  const rule = c.rule;
  if (rule.kind === "levels") {
    input = (
      <Form.Item label={t("dti.entry.level")} style={{ marginBottom: 8 }}>
        <Radio.Group
          value={draft.level}
          onChange={(e) => onEdit({ level: e.target.value as string })}
          style={{ display: "flex", flexDirection: "column", gap: 4 }}
          options={rule.levels.map((l) => ({
            value: l.key,
            label: `${l.description} — ${t("dti.pointsN", { n: num(l.points) })}`,
          }))}
        />
      </Form.Item>
    );
  } else if (rule.kind === "ratio") {
    const pct = ratioPercent(draft);
    input = (
      <div className="dt-report-fields">
        {numberInput(`a: ${rule.numeratorLabel}`, draft.numerator, (v) => onEdit({ numerator: v }), 260)}
        {numberInput(
          `b: ${rule.denominatorLabel}`,
          draft.denominator,
          (v) => onEdit({ denominator: v }),
          260,
        )}
        <Form.Item label={t("dti.entry.ratio")} style={{ width: 120, marginBottom: 8 }}>
          <Typography.Text strong data-testid="ratio">
            {pct === null ? "—" : `${num(pct)}%`}
          </Typography.Text>
        </Form.Item>
      </div>
    );
  } else if (rule.kind === "boolean") {
    input = (
      <Form.Item label={t("dti.entry.achieved")} style={{ marginBottom: 8 }}>
        <Radio.Group
          value={draft.achieved}
          onChange={(e) => onEdit({ achieved: e.target.value as boolean })}
          options={[
            { value: true, label: rule.yesLabel || t("common.yes") },
            { value: false, label: t("common.no") },
          ]}
        />
      </Form.Item>
    );
  } else if (rule.kind === "thresholds") {
    input = (
      <>
        {numberInput(
          rule.unit ? t("dti.entry.valueUnit", { unit: rule.unit }) : t("dti.entry.value"),
          draft.value,
          (v) => onEdit({ value: v }),
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("dti.entry.thresholds")}:{" "}
          {rule.thresholds
            .map((b) => t("dti.entry.band", { min: num(b.min), points: num(b.points) }))
            .join("; ")}
        </Typography.Paragraph>
      </>
    );
  }

  const auto = c.automatic;
  return (
    <Card
      size="small"
      id={`criterion-${c.code}`}
      style={{
        marginBottom: 8,
        ...(highlighted ? { borderColor: "#1d4f91", boxShadow: "0 0 0 2px #c9d8ee" } : {}),
      }}
      data-testid="dti-criterion"
      data-code={c.code}
      title={
        <div style={{ whiteSpace: "normal", padding: "6px 0" }}>
          <b>{c.code}.</b> {c.name}
        </div>
      }
      extra={
        <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
          {t("dti.maxN", { n: num(c.maxPoints) })}
        </Typography.Text>
      }
    >
      <Space wrap size={[6, 4]} style={{ marginBottom: 8 }}>
        <Tag icon={rule.kind === "indicator" ? <RobotOutlined /> : undefined}>
          {DTI_RULE_KIND_LABELS[rule.kind][lang]}
        </Tag>
        {c.evidenceRequired && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("dti.evidenceRequired", { text: c.evidenceRequired })}
          </Typography.Text>
        )}
      </Space>
      {c.guidance && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: "g",
              label: t("dti.guidance"),
              children: <Typography.Paragraph>{c.guidance}</Typography.Paragraph>,
            },
          ]}
        />
      )}
      <Form layout="vertical" component="div" disabled={!editable}>
        {isManual(c) ? (
          input
        ) : (
          <Alert
            type="info"
            showIcon
            icon={<RobotOutlined />}
            style={{ marginBottom: 8 }}
            data-testid="automatic-source"
            title={
              auto && (auto.value !== null || auto.numerator !== null)
                ? t("dti.auto.from", {
                    indicator: `${auto.indicatorCode} — ${auto.indicatorName}`,
                    value:
                      auto.numerator !== null && auto.denominator
                        ? `${num(auto.numerator)}/${num(auto.denominator)} (${num((auto.numerator / auto.denominator) * 100)}%)`
                        : num(auto.value),
                    period:
                      auto.periodKey && auto.periodLabel
                        ? period({ key: auto.periodKey, label: auto.periodLabel })
                        : (auto.periodLabel ?? "—"),
                  })
                : t("dti.auto.none", {
                    indicator: auto ? `${auto.indicatorCode} — ${auto.indicatorName}` : "—",
                  })
            }
            description={
              auto && (
                <>
                  {auto.reportId && auto.planCode && auto.periodKey && (
                    <a href={`/periods/${auto.planCode}/${auto.periodKey}/units/${assessmentRef.unitId}`}>
                      {t("dti.auto.openReport")}
                    </a>
                  )}{" "}
                  {auto.approvedAt && t("dti.auto.approvedAt", { at: formatDateTime(auto.approvedAt) })}{" "}
                  {auto.frozen ? t("dti.auto.frozen") : t("dti.auto.live")}
                </>
              )
            }
          />
        )}
        {problem && <Alert type="error" showIcon title={t(problem)} style={{ marginBottom: 8 }} />}
        {isManual(c) && (
          <Form.Item label={t("dti.entry.explanation")} style={{ marginBottom: 8 }}>
            <Input.TextArea
              aria-label={t("dti.entry.explanation")}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={8000}
              value={draft.explanation}
              onChange={(e) => onEdit({ explanation: e.target.value })}
            />
          </Form.Item>
        )}
      </Form>
      {isManual(c) ? (
        <EvidenceEditor
          evidence={draft.evidence}
          assessmentRef={assessmentRef}
          editable={editable}
          onChange={(evidence) => onEdit({ evidence })}
        />
      ) : (
        draft.evidence.length > 0 && (
          <Space wrap>
            {draft.evidence.map((e) => (
              <EvidenceLink key={`${e.kind}:${e.href}`} e={e} />
            ))}
          </Space>
        )
      )}
      <div style={SCORES_STYLE} data-testid="criterion-scores">
        <span>
          {t("dti.selfPoints")}: <b data-testid="self-points">{self === null ? "—" : num(self)}</b>
        </span>
        <span>
          {t("dti.verifiedPoints")}:{" "}
          <b data-testid="verified-points">{c.verifiedPoints === null ? "—" : num(c.verifiedPoints)}</b>
        </span>
        {c.verification && (
          <span>
            <OutcomeTag outcome={c.verification.outcome} />
            {c.verification.comment && <Typography.Text italic>“{c.verification.comment}”</Typography.Text>}
            {c.verification.by && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {" "}
                — {c.verification.by.name}, {formatDateTime(c.verification.at)}
              </Typography.Text>
            )}
          </span>
        )}
      </div>
      {verifying && <VerifyControls criterion={c} value={verification} onChange={onVerify} />}
    </Card>
  );
}

/** Thẩm định: accept, adjust (points and a reason) or return to the unit with a comment. */
function VerifyControls({
  criterion: c,
  value,
  onChange,
}: {
  criterion: TDtiCriterion;
  value: VerificationDraft | undefined;
  onChange: (patch: Partial<VerificationDraft>) => void;
}) {
  const { t, lang } = useI18n();
  const v = value ?? { outcome: null, points: null, comment: "" };
  return (
    <div style={VERIFY_STYLE} data-testid="verify-controls">
      <Radio.Group
        aria-label={t("dti.verify.outcome")}
        value={v.outcome}
        onChange={(e) => onChange({ outcome: e.target.value as TDtiVerificationOutcome })}
        optionType="button"
        options={DTI_VERIFICATION_OUTCOMES.map((o) => ({
          value: o,
          label: DTI_VERIFICATION_OUTCOME_LABELS[o][lang],
        }))}
      />
      {v.outcome === "adjusted" && (
        <InputNumber
          aria-label={t("dti.verify.points")}
          placeholder={t("dti.verify.points")}
          min={0}
          max={c.maxPoints}
          value={v.points}
          onChange={(p) => onChange({ points: p === null ? null : Number(p) })}
          style={{ width: 160 }}
        />
      )}
      {(v.outcome === "adjusted" || v.outcome === "returned") && (
        <Input.TextArea
          aria-label={v.outcome === "adjusted" ? t("dti.verify.reason") : t("dti.verify.comment")}
          placeholder={v.outcome === "adjusted" ? t("dti.verify.reason") : t("dti.verify.comment")}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={4000}
          style={{ flex: "1 1 260px" }}
          value={v.comment}
          onChange={(e) => onChange({ comment: e.target.value })}
        />
      )}
    </div>
  );
}
