import "../../i18n/dti-messages.ts";
import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import type { TDtiRankingRow, TDtiRound } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
} from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client.ts";
import { dtiApi, dtiQueries, type RoundAction } from "../../api/dti.ts";
import { invalidate } from "../../api/query.ts";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { AssessmentStatusTag, RoundStatusTag } from "./dti-labels.tsx";
import { assessmentPath } from "./dti-paths.ts";
import { RoundResults } from "./round-results.tsx";

/** The next step of a round and its button's words. */
const NEXT_ACTION: Partial<
  Record<TDtiRound["status"], { action: RoundAction; label: MessageKey; confirm: MessageKey }>
> = {
  draft: { action: "open", label: "dti.round.open", confirm: "dti.round.openConfirm" },
  open: { action: "close", label: "dti.round.close", confirm: "dti.round.closeConfirm" },
  closed: { action: "publish", label: "dti.round.publish", confirm: "dti.round.publishConfirm" },
};

/** Một đợt đánh giá: where each unit stands, the focal officer's next step, and the results. */
export default function RoundPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const round = useQuery(dtiQueries.round(id));
  const r = round.data;
  // The province reads every round's results; a unit reads them once published.
  const showResults = !!r && (r.can.readResults || r.status === "published");
  const ranking = useQuery({ ...dtiQueries.ranking(id), enabled: showResults });
  const tab = search.get("tab") ?? "units";

  return (
    <div data-testid="round-page">
      <PageHeader
        title={r?.name ?? t("dti.title")}
        subtitle={r ? `${r.framework.name} (${r.framework.year})` : undefined}
        extra={r && <RoundActions round={r} />}
      />
      <LoadError query={round} style={{ marginBottom: 12 }} />
      {!r && round.isFetching && <Skeleton active paragraph={{ rows: 8 }} />}
      {r && (
        <>
          <RoundSummary round={r} />
          <Tabs
            activeKey={tab}
            onChange={(key) => setSearch({ tab: key }, { replace: true })}
            items={[
              {
                key: "units",
                label: t("dti.round.tab.units"),
                children: (
                  <RoundUnits round={r} rows={r.can.readResults ? (ranking.data?.rows ?? null) : null} />
                ),
              },
              ...(showResults
                ? [
                    {
                      key: "results",
                      label: t("dti.round.tab.results"),
                      children: (
                        <>
                          <LoadError query={ranking} style={{ marginBottom: 12 }} />
                          {ranking.data ? (
                            <RoundResults ranking={ranking.data} />
                          ) : (
                            <Skeleton active paragraph={{ rows: 8 }} />
                          )}
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </div>
  );
}

function RoundActions({ round }: { round: TDtiRound }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const next = NEXT_ACTION[round.status];
  return (
    <Space wrap>
      {round.can.readResults && (
        <>
          <Button
            icon={<FileExcelOutlined />}
            href={dtiApi.rankingXlsxUrl(round.id)}
            data-testid="ranking-xlsx"
          >
            {t("dti.download.rankingXlsx")}
          </Button>
          <Button
            icon={<FileWordOutlined />}
            href={dtiApi.rankingDocxUrl(round.id)}
            data-testid="ranking-docx"
          >
            {t("dti.download.rankingDocx")}
          </Button>
        </>
      )}
      {round.can.manage && next && (
        <Button
          type="primary"
          loading={busy}
          data-testid={`round-${next.action}`}
          onClick={() =>
            modal.confirm({
              title: t(next.label),
              content: t(next.confirm, { name: round.name }),
              okText: t(next.label),
              cancelText: t("common.cancel"),
              onOk: async () => {
                setBusy(true);
                try {
                  await dtiApi.roundAction(round.id, next.action);
                  await invalidate("dti", "public");
                  message.success(t("dti.round.done"));
                } catch (err) {
                  modal.error({ title: errorMessage(err) });
                } finally {
                  setBusy(false);
                }
              },
            })
          }
        >
          {t(next.label)}
        </Button>
      )}
    </Space>
  );
}

function RoundSummary({ round }: { round: TDtiRound }) {
  const { t, num } = useI18n();
  const c = round.counts;
  const stats = [
    { key: "units", title: t("dti.count.units"), value: c.units },
    { key: "notStarted", title: t("dti.count.notStarted"), value: c.notStarted },
    { key: "draft", title: t("dti.count.draft"), value: c.draft },
    { key: "submitted", title: t("dti.count.submitted"), value: c.submitted },
    { key: "returned", title: t("dti.count.returned"), value: c.returned },
    { key: "verified", title: t("dti.count.verified"), value: c.verified },
  ];
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "status", label: t("dti.col.status"), children: <RoundStatusTag status={round.status} /> },
          { key: "year", label: t("dti.round.year"), children: round.year },
          {
            key: "dates",
            label: t("dti.col.dates"),
            children: `${formatDate(round.startDate)} – ${formatDate(round.dueDate)}`,
          },
          {
            key: "published",
            label: t("dti.round.publishedAt"),
            children: round.publishedAt ? formatDate(round.publishedAt.slice(0, 10)) : "—",
          },
        ]}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={s.title} value={num(s.value)} data-testid={`count-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {round.mine.length > 0 && !round.can.manage && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            {round.mine.map((m) => (
              <Link key={m.unit.id} to={assessmentPath(round.id, m.unit.id)} data-testid="open-my-assessment">
                {m.canEdit ? t("dti.mine.fill") : t("dti.mine.view")} — {m.unit.name}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </>
  );
}

/** Each assessed unit: its self-assessment's state, its points so far, and the way to it. */
function RoundUnits({ round, rows }: { round: TDtiRound; rows: TDtiRankingRow[] | null }) {
  const { t, num } = useI18n();
  if (!rows) {
    // Without the results (a unit's reporter), the round's units are listed by name only.
    return (
      <Table
        rowKey="id"
        dataSource={round.units}
        pagination={false}
        columns={[{ title: t("dti.col.unit"), dataIndex: "name" }]}
      />
    );
  }
  const byName = [...rows].sort((a, b) => a.unit.name.localeCompare(b.unit.name, "vi"));
  return (
    <ResponsiveTable<TDtiRankingRow>
      rowKey={(row) => row.unit.id}
      dataSource={byName}
      pagination={false}
      size="small"
      scroll={{ x: "max-content" }}
      data-testid="round-units"
      locale={{ emptyText: <Empty description={t("dti.rounds.empty")} /> }}
      columns={[
        { title: t("dti.col.unit"), key: "unit", render: (_, row) => row.unit.name },
        {
          title: t("dti.col.selfStatus"),
          key: "status",
          render: (_, row) => <AssessmentStatusTag status={row.status} />,
        },
        {
          title: t("dti.col.points"),
          key: "points",
          align: "right",
          render: (_, row) =>
            `${num(row.total)} / ${num(row.maxPoints)}${row.provisional ? ` (${t("dti.provisional")})` : ""}`,
        },
        {
          title: t("common.actions"),
          key: "open",
          render: (_, row) => (
            <Link to={assessmentPath(round.id, row.unit.id)} data-testid="open-assessment">
              {round.can.verify && row.status === "submitted" ? t("dti.verify.open") : t("dti.open")}
            </Link>
          ),
        },
      ]}
    />
  );
}
