import type { TDtiAssessment, TDtiScoreNode } from "@dtplan/contracts/dti.ts";
import { Collapse, Table, Typography } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { scrollBehavior } from "../../lib/reduced-motion.ts";
import { useIndexFormat } from "./round-results.tsx";

interface Row {
  key: string;
  node: TDtiScoreNode;
  children?: Row[];
}

const toRows = (nodes: readonly TDtiScoreNode[]): Row[] =>
  nodes.map((n) => ({
    key: n.code,
    node: n,
    children: n.children.length > 0 ? toRows(n.children) : undefined,
  }));

/**
 * Bảng điểm: the unit's points per pillar, main index and criterion (self, verified, maximum,
 * index 0–1); a criterion's row takes the reader to it and its evidence below.
 */
export function ScoreSummary({ assessment, open }: { assessment: TDtiAssessment; open: boolean }) {
  const { t, num } = useI18n();
  const fmt = useIndexFormat();
  const rows = useMemo(() => toRows(assessment.scores), [assessment.scores]);
  const points = (v: number | null) => (v === null ? "—" : num(v));
  const goTo = (code: string) =>
    document
      .getElementById(`criterion-${code}`)
      ?.scrollIntoView({ block: "center", behavior: scrollBehavior() });
  return (
    <Collapse
      style={{ marginBottom: 12, background: "#fff" }}
      defaultActiveKey={open ? ["scores"] : []}
      items={[
        {
          key: "scores",
          label: t("dti.scores.title"),
          children: (
            <Table<Row>
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={false}
              scroll={{ x: "max-content" }}
              expandable={{ defaultExpandAllRows: false }}
              data-testid="score-summary"
              onRow={(r) =>
                r.children ? {} : { onClick: () => goTo(r.node.code), style: { cursor: "pointer" } }
              }
              columns={[
                {
                  title: t("dti.scores.node"),
                  key: "name",
                  render: (_, r) => (
                    <span>
                      <b>{r.node.code}.</b> {r.node.name}
                    </span>
                  ),
                },
                {
                  title: t("dti.selfPoints"),
                  key: "self",
                  align: "right",
                  render: (_, r) => points(r.node.selfPoints),
                },
                {
                  title: t("dti.verifiedPoints"),
                  key: "verified",
                  align: "right",
                  render: (_, r) => points(r.node.verifiedPoints),
                },
                {
                  title: t("dti.col.maxPoints"),
                  key: "max",
                  align: "right",
                  render: (_, r) => num(r.node.maxPoints),
                },
                {
                  title: t("dti.col.index"),
                  key: "normalised",
                  align: "right",
                  render: (_, r) => <Typography.Text strong>{fmt(r.node.normalised)}</Typography.Text>,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
