import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";
import type { TDtiRanking, TDtiRankingRow } from "@dtplan/contracts/dti.ts";
import { Card, Col, Empty, Row, Select, Space, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { LazyChart } from "../../charts/lazy-chart.tsx";
import { LazyTable } from "../../components/lazy-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatNumber } from "../../lib/format.ts";
import { useWideScreen } from "../../lib/use-wide-screen.ts";
import { CardTitle } from "../dashboard/card-title.tsx";
import { averageOf, rankingBarOption, unitRadarOption } from "./dti-charts.ts";
import { assessmentPath } from "./dti-paths.ts";

/** Rows of a ranking, as the signed-in screens and the public page both show them. */
export type RankingRow = Omit<TDtiRankingRow, "status" | "provisional"> &
  Partial<Pick<TDtiRankingRow, "status" | "provisional">>;

export interface RankingData {
  basis: string;
  pillars: TDtiRanking["pillars"];
  indices: TDtiRanking["indices"];
  rows: RankingRow[];
}

/** The index (0–1) as the decisions publish it: four decimals. */
export function useIndexFormat() {
  const { lang } = useI18n();
  return (v: number) => formatNumber(v, lang, 4);
}

/** Up, down or level against the previous year, with what it was compared with. */
export function ChangeCell({ row }: { row: RankingRow }) {
  const { t } = useI18n();
  const fmt = useIndexFormat();
  const p = row.previous;
  if (!p) return <Typography.Text type="secondary">{t("dti.change.none")}</Typography.Text>;
  const icon = p.change > 0 ? <ArrowUpOutlined /> : p.change < 0 ? <ArrowDownOutlined /> : <MinusOutlined />;
  const basis =
    p.basis === "lineage"
      ? t("dti.change.lineage", { year: p.previousYear, units: p.predecessors.map((u) => u.name).join(", ") })
      : t("dti.change.same", { year: p.previousYear, value: fmt(p.normalised) });
  return (
    <Tooltip title={basis}>
      <span data-testid="change">
        {icon} {p.change > 0 ? "+" : ""}
        {fmt(p.change)}
        {p.rank !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {" "}
            {t("dti.change.rankWas", { rank: p.rank })}
          </Typography.Text>
        )}
        {p.basis === "lineage" && <sup>*</sup>}
      </span>
    </Tooltip>
  );
}

/** Bảng xếp hạng: overall, per pillar (or per main index when there are no pillars) and the year's change. */
export function RankingTable({
  data,
  unitLink,
  testId = "ranking-table",
}: {
  data: RankingData;
  unitLink?: (row: RankingRow) => string | null;
  testId?: string;
}) {
  const { t, num } = useI18n();
  const fmt = useIndexFormat();
  const groups = data.pillars.length > 0 ? data.pillars : data.indices;
  const scoreOf = (row: RankingRow, code: string) =>
    (data.pillars.length > 0 ? row.pillars : row.indices).find((s) => s.code === code);
  const columns: ColumnsType<RankingRow> = [
    { title: t("dti.col.rank"), dataIndex: "rank", width: 64, align: "center", fixed: "left" },
    {
      title: t("dti.col.unit"),
      key: "unit",
      fixed: "left",
      render: (_, row) => {
        const to = unitLink?.(row);
        return (
          <Space size={4} wrap>
            {to ? <Link to={to}>{row.unit.name}</Link> : row.unit.name}
            {row.provisional && <Tag>{t("dti.provisional")}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t("dti.col.index"),
      key: "normalised",
      align: "right",
      render: (_, row) => <b>{fmt(row.normalised)}</b>,
    },
    { title: t("dti.col.change"), key: "change", render: (_, row) => <ChangeCell row={row} /> },
    {
      title: t("dti.col.points"),
      key: "total",
      align: "right",
      render: (_, row) => `${num(row.total)} / ${num(row.maxPoints)}`,
    },
    ...groups.map((g) => ({
      title: (
        <Tooltip title={g.name}>
          <span>{g.code}</span>
        </Tooltip>
      ),
      key: `g-${g.code}`,
      align: "right" as const,
      render: (_: unknown, row: RankingRow) => {
        const s = scoreOf(row, g.code);
        return s ? (
          <span>
            {fmt(s.normalised)}{" "}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({t("dti.rankShort", { rank: s.rank })})
            </Typography.Text>
          </span>
        ) : (
          "—"
        );
      },
    })),
  ];
  return (
    <>
      <LazyTable<RankingRow>
        rowKey={(row) => row.unit.id}
        dataSource={[...data.rows].sort((a, b) => a.rank - b.rank)}
        columns={columns}
        pagination={false}
        size="small"
        scroll={{ x: "max-content" }}
        data-testid={testId}
        locale={{ emptyText: <Empty description={t("dti.ranking.empty")} /> }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {groups.map((g) => `${g.code}: ${g.name}`).join(" · ")}
      </Typography.Paragraph>
    </>
  );
}

/** Bar chart of every unit and one unit's radar; a click on a bar shows that unit. */
export function RankingCharts({
  data,
  unitLink,
}: {
  data: RankingData;
  unitLink?: (row: RankingRow) => string | null;
}) {
  const { t } = useI18n();
  const fmt = useIndexFormat();
  const sorted = useMemo(() => [...data.rows].sort((a, b) => a.rank - b.rank), [data.rows]);
  const [unitId, setUnitId] = useState<string | null>(null);
  // On a phone the axes name indices by code (listed under the table) and unit names are cut shorter.
  const compact = !useWideScreen();
  const row = sorted.find((r) => r.unit.id === unitId) ?? sorted[0];
  const bar = useMemo(
    () => rankingBarOption(sorted as TDtiRankingRow[], fmt, t("dti.col.index"), compact),
    [sorted, fmt, t, compact],
  );
  const average = useMemo(() => averageOf(data.indices, sorted as TDtiRankingRow[]), [data.indices, sorted]);
  const radar = useMemo(
    () =>
      row
        ? unitRadarOption(
            data.indices,
            row as TDtiRankingRow,
            { name: t("dti.chart.average"), values: average },
            fmt,
            compact,
          )
        : null,
    [data.indices, row, average, fmt, t, compact],
  );
  if (sorted.length === 0) return null;
  const link = row ? unitLink?.(row) : null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} xl={12}>
        <Card title={<CardTitle title={t("dti.chart.bar")} hint={t("dti.chart.barHint")} />}>
          <LazyChart
            option={bar}
            height={Math.max(200, 34 * sorted.length + 40)}
            ariaLabel={t("dti.chart.barAria")}
            testId="dti-bar-chart"
            onClick={(p) => {
              const hit = [...sorted].reverse()[p.dataIndex];
              if (hit) setUnitId(hit.unit.id);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          title={<CardTitle title={t("dti.chart.radar")} hint={t("dti.chart.radarHint")} />}
          extra={link && <Link to={link}>{t("dti.chart.openUnit")}</Link>}
        >
          <Select
            style={{ width: "100%", marginBottom: 8 }}
            aria-label={t("dti.chart.pickUnit")}
            value={row?.unit.id}
            onChange={setUnitId}
            showSearch={foldedSearch}
            options={sorted.map((r) => ({ value: r.unit.id, label: `${r.rank}. ${r.unit.name}` }))}
          />
          {radar && data.indices.length >= 3 ? (
            <LazyChart
              option={radar}
              height={380}
              ariaLabel={t("dti.chart.radarAria", { unit: row.unit.name })}
              testId="dti-radar-chart"
            />
          ) : (
            <Empty description={t("dti.chart.radarFew")} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** Kết quả of a round, signed in: the basis, charts and the ranking, each unit opening its scoresheet. */
export function RoundResults({ ranking }: { ranking: TDtiRanking }) {
  const link = (row: RankingRow) => assessmentPath(ranking.round.id, row.unit.id);
  return (
    <div data-testid="round-results">
      <Typography.Paragraph type="secondary" data-testid="ranking-basis">
        {ranking.basis}
      </Typography.Paragraph>
      <RankingCharts data={ranking} unitLink={link} />
      <Card>
        <RankingTable data={ranking} unitLink={link} />
      </Card>
    </div>
  );
}
