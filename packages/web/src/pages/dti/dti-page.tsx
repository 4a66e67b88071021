import "../../i18n/dti-messages.ts";
import { PlusOutlined } from "@ant-design/icons";
import type { TDtiRound } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, List, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { dtiQueries } from "../../api/dti.ts";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { AssessmentStatusTag, RoundStatusTag } from "./dti-labels.tsx";
import { assessmentPath } from "./dti-paths.ts";
import { DtiTabs } from "./dti-tabs.tsx";
import { RoundModal } from "./round-modal.tsx";

/** Chỉ số DTI: the rounds the user has a part in — its own self-assessments first. */
export default function DtiPage() {
  const { t, num } = useI18n();
  const navigate = useNavigate();
  const rounds = useQuery(dtiQueries.rounds());
  const [creating, setCreating] = useState(false);
  const list = rounds.data?.rounds ?? [];
  // The unit's own self-assessments; province managers (who may fill any unit's) act from the round.
  const mine = list.filter((r) => !r.can.manage).flatMap((r) => r.mine.map((m) => ({ round: r, ...m })));

  return (
    <div data-testid="dti-page">
      <PageHeader
        title={t("dti.title")}
        subtitle={t("dti.subtitle")}
        extra={
          rounds.data?.can.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("dti.round.create")}
            </Button>
          )
        }
      />
      <DtiTabs active="rounds" />
      <LoadError query={rounds} style={{ marginBottom: 12 }} />
      {mine.length > 0 && (
        <Card title={t("dti.mine.title")} style={{ marginBottom: 12 }} data-testid="dti-mine">
          <List
            dataSource={mine}
            renderItem={(m) => (
              <List.Item
                actions={[
                  <Link
                    key="open"
                    to={assessmentPath(m.round.id, m.unit.id)}
                    data-testid="open-my-assessment"
                  >
                    {m.canEdit ? t("dti.mine.fill") : t("dti.mine.view")}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={m.round.name}
                  description={
                    <Space wrap size={[8, 4]}>
                      <span>{m.unit.name}</span>
                      <AssessmentStatusTag status={m.status} />
                      <Typography.Text type="secondary">
                        {t("dti.round.due", { date: formatDate(m.round.dueDate) })}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title={t("dti.rounds.title")}>
        <ResponsiveTable<TDtiRound>
          rowKey="id"
          loading={rounds.isFetching && !rounds.data}
          dataSource={list}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="dti-rounds"
          locale={{ emptyText: <Empty description={t("dti.rounds.empty")} /> }}
          onRow={(r) => ({ onClick: () => navigate(`/dti/rounds/${r.id}`), style: { cursor: "pointer" } })}
          columns={[
            {
              title: t("dti.col.round"),
              key: "name",
              render: (_, r) => (
                <Link to={`/dti/rounds/${r.id}`} onClick={(e) => e.stopPropagation()}>
                  {r.name}
                </Link>
              ),
            },
            { title: t("dti.col.year"), dataIndex: "year", width: 80 },
            {
              title: t("dti.col.framework"),
              key: "fw",
              render: (_, r) => `${r.framework.name} (${r.framework.year})`,
            },
            {
              title: t("dti.col.status"),
              key: "status",
              render: (_, r) => <RoundStatusTag status={r.status} />,
            },
            {
              title: t("dti.col.dates"),
              key: "dates",
              render: (_, r) => `${formatDate(r.startDate)} – ${formatDate(r.dueDate)}`,
            },
            {
              title: t("dti.col.progress"),
              key: "progress",
              render: (_, r) =>
                t("dti.round.countsShort", {
                  submitted: num(r.counts.submitted),
                  units: num(r.counts.units),
                  verified: num(r.counts.verified),
                }),
            },
          ]}
        />
      </Card>
      {creating && (
        <RoundModal
          onCancel={() => setCreating(false)}
          onDone={(round) => {
            setCreating(false);
            navigate(`/dti/rounds/${round.id}`);
          }}
        />
      )}
    </div>
  );
}
