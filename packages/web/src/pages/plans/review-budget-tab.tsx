import type { TPlanDetail } from "@dtplan/contracts/plans.ts";
import { Alert, Descriptions, List, Space, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * The plan's budget as read from the document: total, sources and the sentence it came
 * from, or a note that the plan names none (a warning while reviewing, a fact once published).
 */
export function BudgetSummary({
  budget,
  missing,
}: {
  budget: TPlanDetail["budget"];
  missing: "warning" | "info";
}) {
  const { t, vnd } = useI18n();
  if (!budget) return <Alert type={missing} showIcon title={t("review.noBudget")} />;
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t("review.budgetTotal")}>
        <b data-testid="budget-total">{vnd(budget.total)}</b>
      </Descriptions.Item>
      <Descriptions.Item label={t("review.budgetSources")}>{budget.sources.join("; ")}</Descriptions.Item>
      {budget.text && <Descriptions.Item label="">{budget.text}</Descriptions.Item>}
    </Descriptions>
  );
}

/** Mục tiêu of the plan as extracted, a paragraph each (shown where the plan states some). */
export function PlanObjectives({ objectives }: { objectives: string[] }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={5}>{t("review.objectives")}</Typography.Title>
      {objectives.map((o) => (
        <Typography.Paragraph key={o}>{o}</Typography.Paragraph>
      ))}
    </div>
  );
}

/** The review's "budget" tab: objectives, budget and reporting rules as extracted. */
export function BudgetTab({ plan }: { plan: TPlanDetail }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: "100%" }} size={16}>
      {plan.objectives.length > 0 && <PlanObjectives objectives={plan.objectives} />}
      <BudgetSummary budget={plan.budget} missing="warning" />
      <div>
        <Typography.Title level={5}>{t("review.reporting")}</Typography.Title>
        <List
          size="small"
          dataSource={plan.reportingRules}
          locale={{ emptyText: t("review.emptyTab") }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Tag color="blue">{t(`freq.${r.frequency}`)}</Tag>
                <span>{r.text}</span>
              </Space>
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}
