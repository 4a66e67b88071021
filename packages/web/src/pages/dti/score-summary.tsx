import type { TDtiAssessment, TDtiScoreNode } from "@dtplan/contracts/dti.ts";
import { Collapse, Typography } from "antd";
import { useMemo } from "react";
import { LazyTable } from "../../components/lazy-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { scrollBehavior } from "../../lib/reduced-motion.ts";
import { useWideScreen } from "../../lib/use-wide-screen.ts";
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
  // A phone has no room for four figure columns: each row's figures go under its name.
  const wide = useWideScreen();
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
            <LazyTable<Row>
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={false}
              scroll={wide ? { x: "max-content" } : undefined}
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
                      {!wide && (
                        <Typography.Text type="secondary" className="dt-score-line">
                          {t("dti.selfPoints")}: {points(r.node.selfPoints)} · {t("dti.verifiedPoints")}:{" "}
                          {points(r.node.verifiedPoints)} · {t("dti.col.maxPoints")}: {num(r.node.maxPoints)}{" "}
                          · {t("dti.col.index")}: <b>{fmt(r.node.normalised)}</b>
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: t("dti.selfPoints"),
                  key: "self",
                  hidden: !wide,
                  align: "right",
                  render: (_, r) => points(r.node.selfPoints),
                },
                {
                  title: t("dti.verifiedPoints"),
                  key: "verified",
                  hidden: !wide,
                  align: "right",
                  render: (_, r) => points(r.node.verifiedPoints),
                },
                {
                  title: t("dti.col.maxPoints"),
                  key: "max",
                  hidden: !wide,
                  align: "right",
                  render: (_, r) => num(r.node.maxPoints),
                },
                {
                  title: t("dti.col.index"),
                  key: "normalised",
                  hidden: !wide,
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
