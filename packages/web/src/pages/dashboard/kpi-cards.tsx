import { Card, Col, type ColProps, Row, Space, Statistic, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";

/** One key figure over a dashboard: what it is, the figure, and what it is made of. */
export interface Kpi {
  key: string;
  title: string;
  value: string;
  hint: string;
  /** Marked tạm tính (reports still missing or the period not yet due). */
  provisional?: boolean;
  /** Shown in red (e.g. overdue tasks). */
  danger?: boolean;
}

/** The key figures over the leader's dashboard and the province view, a card each. */
export function KpiCards({ kpis, col, testId }: { kpis: Kpi[]; col: ColProps; testId?: string }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid={testId}>
      {kpis.map((k) => (
        <Col key={k.key} {...col}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic
              title={
                k.provisional ? (
                  <Space size={4} wrap>
                    {k.title}
                    <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                      {t("dashboard.provisional")}
                    </Tag>
                  </Space>
                ) : (
                  k.title
                )
              }
              value={k.value}
              styles={{ content: { color: k.danger ? "#cf1322" : undefined, fontWeight: 600 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.hint}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
