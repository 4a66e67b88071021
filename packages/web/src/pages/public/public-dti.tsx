import "../../i18n/dti-messages.ts";
import { TrophyOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, List, Select, Skeleton, Typography } from "antd";
import { useEffect } from "react";
import { Link, useNavigate } from "react-router";
import { dtiPublicQueries } from "../../api/dti.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { RankingCharts, RankingTable } from "../dti/round-results.tsx";

export const PUBLIC_DTI_PATH = "/cong-khai/xep-hang-dti";

/** On the public list: the published DTI rankings, one link each (nothing when none is published). */
export function PublicDtiTeaser() {
  const { t } = useI18n();
  const rounds = useQuery(dtiPublicQueries.rounds());
  const list = rounds.data?.rounds ?? [];
  if (list.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <TrophyOutlined /> {t("dti.public.title")}
        </span>
      }
      data-testid="public-dti-teaser"
    >
      <List
        size="small"
        dataSource={list.slice(0, 5)}
        renderItem={(r) => (
          <List.Item>
            <Link to={`${PUBLIC_DTI_PATH}/${r.id}`}>
              {r.name} — {r.province.name}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Xếp hạng DTI công khai: verified, published scores only — no evidence, comments or self scores. */
export function PublicDtiRanking({ roundId }: { roundId: string | null }) {
  const { t, num } = useI18n();
  const navigate = useNavigate();
  const rounds = useQuery(dtiPublicQueries.rounds());
  const list = rounds.data?.rounds ?? [];
  const chosen = roundId ?? list[0]?.id ?? null;
  const province = list.find((r) => r.id === chosen)?.province.id;
  // Once the published rounds are known, so the ranking is looked up within its province.
  const ranking = useQuery({
    ...dtiPublicQueries.ranking(chosen ?? "", province),
    enabled: !!chosen && !!rounds.data,
  });
  const data = chosen ? ranking.data : undefined;

  useEffect(() => {
    document.title = t("dti.public.title");
  }, [t]);

  return (
    <div data-testid="public-dti">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("dti.public.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("dti.public.intro")}</Typography.Paragraph>
      {rounds.error && <Alert type="error" showIcon title={loadError(rounds)} style={{ marginBottom: 12 }} />}
      {rounds.data && list.length === 0 && <Empty description={t("dti.public.empty")} />}
      {list.length > 0 && (
        <Select
          style={{ width: "100%", maxWidth: 640, marginBottom: 12 }}
          aria-label={t("dti.public.pickRound")}
          value={chosen}
          onChange={(id: string) => navigate(`${PUBLIC_DTI_PATH}/${id}`)}
          options={list.map((r) => ({ value: r.id, label: `${r.name} — ${r.province.name}` }))}
        />
      )}
      {ranking.error && (
        <Alert type="error" showIcon title={loadError(ranking)} style={{ marginBottom: 12 }} />
      )}
      {chosen && !data && !ranking.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <Typography.Paragraph>
            <b>{data.round.name}</b>
            <br />
            {t("dti.public.published", {
              date: formatDate(data.round.publishedAt.slice(0, 10)),
              units: num(data.round.units),
              framework: `${data.round.framework.name} (${data.round.framework.year})`,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="ranking-basis">
            {data.basis}
          </Typography.Paragraph>
          <RankingCharts data={data} />
          <Card>
            <RankingTable data={data} testId="public-ranking-table" />
          </Card>
        </>
      )}
    </div>
  );
}
