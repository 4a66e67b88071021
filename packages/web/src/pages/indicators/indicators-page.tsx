import "../../i18n/plans-messages.ts";
import { PlusOutlined } from "@ant-design/icons";
import type { TIndicator, TPillar } from "@dtplan/contracts/indicators.ts";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Select, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { indicatorsQueries, orgQueries } from "../../api/endpoints.ts";
import { invalidate, loadError } from "../../api/query.ts";
import { useSession } from "../../auth/session.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { matchesFolded } from "../../lib/fold.ts";
import { PILLAR_OPTIONS, pillarLabel } from "../plans/review-model.ts";
import { IndicatorFormModal } from "./indicator-form-modal.tsx";

/** Danh mục chỉ tiêu: the canonical indicators targets map to, searchable with or without diacritics. */
export default function IndicatorsPage() {
  const { t, lang } = useI18n();
  const { can, user } = useSession();
  const canManage = can("plans.manage");
  const [query, setQuery] = useState("");
  const [pillar, setPillar] = useState<TPillar | undefined>();
  const [creating, setCreating] = useState(false);
  // The catalogue of a province is a few hundred rows: load it once, filter here (folded search).
  const list = useQuery(indicatorsQueries.list({ limit: 200 }));
  const units = useQuery({ ...orgQueries.list({ includeClosed: true }), enabled: canManage });
  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (i) => (!pillar || i.pillar === pillar) && matchesFolded(`${i.code} ${i.name}`, query),
      ),
    [list.data, pillar, query],
  );
  // A user with plans.manage on a unit can add indicators to that unit's province.
  const grantUnitIds = new Set(user?.grants.map((g) => g.unitId));
  const pickable = (units.data?.items ?? []).filter((u) => user?.isSuperadmin || grantUnitIds.has(u.id));

  return (
    <>
      <PageHeader
        title={t("indicators.title")}
        subtitle={t("indicators.subtitle")}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("indicators.create")}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            placeholder={t("indicators.search")}
            value={query}
            onChange={setQuery}
            style={{ width: 360 }}
            testId="indicator-search"
          />
          <Select
            allowClear
            placeholder={t("indicators.allPillars")}
            value={pillar}
            onChange={setPillar}
            style={{ width: 260 }}
            options={PILLAR_OPTIONS.map((p) => ({ value: p, label: pillarLabel(p, lang) }))}
          />
          <div style={{ flex: 1 }} />
          <Typography.Text type="secondary">{t("indicators.total", { n: rows.length })}</Typography.Text>
        </Flex>
        {list.error && <Typography.Text type="danger">{loadError(list)}</Typography.Text>}
        <ResponsiveTable<TIndicator>
          rowKey="code"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 25, showSizeChanger: false }}
          data-testid="indicators-table"
          columns={[
            {
              title: t("indicators.col.code"),
              dataIndex: "code",
              width: 110,
              render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
            },
            {
              title: t("indicators.col.name"),
              dataIndex: "name",
              render: (name: string, i) => (
                <>
                  <div>{name}</div>
                  {i.aggregation === "ratio" && i.numeratorLabel && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.numeratorLabel} / {i.denominatorLabel}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: t("indicators.col.unit"), dataIndex: "unit", width: 100 },
            {
              title: t("indicators.col.pillar"),
              dataIndex: "pillar",
              width: 190,
              render: (p: string) => pillarLabel(p, lang),
            },
            {
              title: t("indicators.col.aggregation"),
              dataIndex: "aggregation",
              width: 160,
              render: (a: TIndicator["aggregation"]) => t(`indicators.agg.${a}`).replace(/ \(.*\)$/, ""),
            },
            {
              title: t("indicators.col.direction"),
              dataIndex: "direction",
              width: 150,
              render: (d: TIndicator["direction"]) => t(`indicators.dir.${d}`),
            },
            {
              title: t("indicators.col.origin"),
              dataIndex: "origin",
              width: 110,
              render: (o: TIndicator["origin"]) => (
                <Tag color={o === "local" ? "purple" : "default"}>{t(`indicators.origin.${o}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      {creating && (
        <IndicatorFormModal
          units={pickable}
          initial={pickable.length === 1 ? { unitId: pickable[0].id } : undefined}
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void invalidate("indicators");
          }}
        />
      )}
    </>
  );
}
