import { DownloadOutlined, FileOutlined } from "@ant-design/icons";
import type { TDashboardTarget, TDashboardTargetUnit, TPlanDashboard } from "@dtplan/contracts/dashboard.ts";
import type { TEvidenceFile } from "@dtplan/contracts/tasks.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb, Button, Card, Empty, Select, Space, Tag, Typography } from "antd";
import { dashboardQueries } from "../../api/dashboard.ts";
import { loadError } from "../../api/query.ts";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { figureText, goalOf, StatusTag, TrendIcon } from "./target-cells.tsx";

export interface Drill {
  pillar: string | null;
  targetKey: string | null;
  unitId: string | null;
}

/** 12 345 bytes → `12,1 KB`. */
function fileSize(bytes: number, num: (v: number) => string): string {
  if (bytes < 1024) return `${num(bytes)} B`;
  if (bytes < 1024 * 1024) return `${num(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${num(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/**
 * Xem chi tiết: pillar → its targets → a target's figure in each unit → the evidence a
 * unit sent with it. The first two steps come from the dashboard's payload; a target's
 * units load on demand.
 */
export function DrillDown({
  data,
  drill,
  onDrill,
}: {
  data: TPlanDashboard;
  drill: Drill;
  onDrill: (next: Drill) => void;
}) {
  const { t, num } = useI18n();
  const pillar = data.pillars.find((p) => p.pillar === drill.pillar) ?? null;
  const target = data.targets.find((x) => x.targetKey === drill.targetKey) ?? null;
  const detail = useQuery({
    ...dashboardQueries.target(data.plan.code, target?.targetKey ?? "", data.period?.key),
    enabled: target !== null,
  });
  const units = detail.data?.target.targetKey === target?.targetKey ? (detail.data?.units ?? []) : [];
  const unit = units.find((u) => u.unit.id === drill.unitId) ?? null;

  const crumbs = [
    {
      key: "all",
      title: pillar ? (
        <Typography.Link onClick={() => onDrill({ pillar: null, targetKey: null, unitId: null })}>
          {t("dashboard.drill.all")}
        </Typography.Link>
      ) : (
        t("dashboard.drill.all")
      ),
    },
    ...(pillar
      ? [
          {
            key: "pillar",
            title: target ? (
              <Typography.Link
                onClick={() => onDrill({ pillar: pillar.pillar, targetKey: null, unitId: null })}
              >
                {pillar.label}
              </Typography.Link>
            ) : (
              pillar.label
            ),
          },
        ]
      : []),
    ...(target
      ? [
          {
            key: "target",
            title: unit ? (
              <Typography.Link onClick={() => onDrill({ ...drill, unitId: null })}>
                {target.text.length > 60 ? `${target.text.slice(0, 60)}…` : target.text}
              </Typography.Link>
            ) : target.text.length > 60 ? (
              `${target.text.slice(0, 60)}…`
            ) : (
              target.text
            ),
          },
        ]
      : []),
    ...(unit ? [{ key: "unit", title: unit.unit.name }] : []),
  ];

  return (
    <Card
      data-testid="drill-down"
      title={<Breadcrumb items={crumbs} />}
      extra={
        <Select
          style={{ width: 280 }}
          placeholder={t("dashboard.drill.all")}
          aria-label={t("dashboard.drill.all")}
          allowClear
          value={drill.pillar ?? undefined}
          onChange={(p?: string) => onDrill({ pillar: p ?? null, targetKey: null, unitId: null })}
          options={data.pillars.map((p) => ({ value: p.pillar, label: p.label }))}
        />
      }
    >
      {!pillar && <Alert type="info" showIcon title={t("dashboard.drill.pickPillar")} />}
      {pillar && !target && (
        <PillarTargets
          targets={data.targets.filter((x) => x.pillar === pillar.pillar)}
          title={t("dashboard.drill.pillar", { pillar: pillar.label })}
          onOpen={(x) => onDrill({ pillar: pillar.pillar, targetKey: x.targetKey, unitId: null })}
        />
      )}
      {target && (
        <>
          <Space wrap size={[16, 4]} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{target.text}</Typography.Text>
            <Typography.Text type="secondary">
              {t("dashboard.col.goal")}: {goalOf(target, num) || "—"}
            </Typography.Text>
            <Typography.Text>
              {t("dashboard.col.value")}: <b>{figureText(target.value, target, num)}</b>
            </Typography.Text>
            <StatusTag target={target} />
            <TrendIcon target={target} />
          </Space>
          {detail.error && <Alert type="error" showIcon title={loadError(detail)} />}
          {detail.data?.ownUnitsOnly && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("dashboard.panel.ownUnits")} />
          )}
          <TargetUnits
            target={target}
            units={units}
            loading={detail.isFetching}
            unitId={drill.unitId}
            onUnit={(unitId) => onDrill({ ...drill, unitId })}
          />
        </>
      )}
    </Card>
  );
}

/** A target's figure in each unit of the tree, each reporting unit's evidence one click away. */
export function TargetUnits({
  target,
  units,
  loading,
  unitId,
  onUnit,
}: {
  target: Pick<TDashboardTarget, "percent" | "unit">;
  units: TDashboardTargetUnit[];
  loading: boolean;
  unitId: string | null;
  onUnit: (unitId: string) => void;
}) {
  const { t, num } = useI18n();
  const unit = units.find((u) => u.unit.id === unitId) ?? null;
  return (
    <>
      <Typography.Title level={5}>{t("dashboard.drill.target")}</Typography.Title>
      <ResponsiveTable<TDashboardTargetUnit>
        rowKey={(u) => u.unit.id}
        size="small"
        loading={loading}
        dataSource={units}
        pagination={false}
        data-testid="drill-units"
        locale={{ emptyText: <Empty description={t("dashboard.drill.noUnits")} /> }}
        rowClassName={(u) => (u.unit.id === unitId ? "ant-table-row-selected" : "")}
        columns={[
          {
            title: t("dashboard.col.unit"),
            key: "unit",
            render: (_: unknown, u) => (
              <>
                <span style={{ paddingInlineStart: u.parentId ? 16 : 0 }}>
                  {u.parentId ? u.unit.name : <b>{u.unit.name}</b>}
                </span>
                {!u.reported && (
                  <Tag style={{ marginInlineStart: 8 }}>{t("dashboard.drill.aggregate", { n: u.units })}</Tag>
                )}
              </>
            ),
          },
          {
            title: t("dashboard.col.value"),
            key: "value",
            width: 170,
            align: "right",
            render: (_: unknown, u) => (
              <>
                <b>{figureText(u.value, target, num)}</b>
                {u.numerator !== null && u.denominator !== null && (
                  <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                    {num(u.numerator)}/{num(u.denominator)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t("dashboard.col.evidence"),
            key: "evidence",
            width: 200,
            render: (_: unknown, u) =>
              u.reported ? (
                <Button
                  size="small"
                  icon={<FileOutlined />}
                  onClick={() => onUnit(u.unit.id)}
                  aria-label={`${t("dashboard.drill.openUnit")}: ${u.unit.name}`}
                >
                  {u.canReadEvidence
                    ? `${t("dashboard.drill.openUnit")} (${num(u.evidence.length)})`
                    : t("dashboard.drill.openUnit")}
                </Button>
              ) : null,
          },
        ]}
      />
      {unit && <UnitEvidence unit={unit} />}
    </>
  );
}

function UnitEvidence({ unit }: { unit: TDashboardTargetUnit }) {
  const { t, num } = useI18n();
  return (
    <div data-testid="drill-evidence" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t("dashboard.drill.unit", { unit: unit.unit.name })}</Typography.Title>
      {!unit.canReadEvidence ? (
        <Alert type="info" showIcon title={t("dashboard.drill.evidenceHidden")} />
      ) : unit.evidence.length === 0 ? (
        <Alert type="info" showIcon title={t("dashboard.drill.noEvidence")} />
      ) : (
        <ResponsiveTable<TEvidenceFile>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={unit.evidence}
          columns={[
            {
              title: t("dashboard.col.file"),
              key: "name",
              render: (_: unknown, f) => (
                <a href={f.url} download={f.name}>
                  <DownloadOutlined /> {f.name}
                </a>
              ),
            },
            {
              title: t("dashboard.col.size"),
              key: "size",
              width: 120,
              align: "right",
              render: (_: unknown, f) => fileSize(f.size, num),
            },
            {
              title: "",
              key: "at",
              width: 320,
              render: (_: unknown, f) => (
                <Typography.Text type="secondary">
                  {t("dashboard.drill.uploaded", { at: formatDate(f.at), by: f.uploadedBy?.name ?? "—" })}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

function PillarTargets({
  targets,
  title,
  onOpen,
}: {
  targets: TDashboardTarget[];
  title: string;
  onOpen: (x: TDashboardTarget) => void;
}) {
  const { t, num } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ResponsiveTable<TDashboardTarget>
        rowKey="targetKey"
        size="small"
        dataSource={targets}
        pagination={false}
        data-testid="drill-targets"
        // Every target row opens its figures by unit, not only its link.
        onRow={(x) => ({ onClick: () => onOpen(x), style: { cursor: "pointer" } })}
        columns={[
          {
            title: t("dashboard.col.target"),
            key: "text",
            render: (_: unknown, x) => (
              <>
                <Typography.Link onClick={() => onOpen(x)}>{x.text}</Typography.Link>
                {x.indicatorName && (
                  <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                    {x.indicatorName}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t("dashboard.col.goal"),
            key: "goal",
            width: 150,
            render: (_: unknown, x) => goalOf(x, num),
          },
          {
            title: t("dashboard.col.value"),
            key: "value",
            width: 110,
            align: "right",
            render: (_: unknown, x) => <b>{figureText(x.value, x, num)}</b>,
          },
          {
            title: t("dashboard.col.status"),
            key: "status",
            width: 140,
            render: (_: unknown, x) => <StatusTag target={x} />,
          },
          {
            title: t("dashboard.col.trend"),
            key: "trend",
            width: 80,
            align: "center",
            render: (_: unknown, x) => <TrendIcon target={x} />,
          },
          {
            title: "",
            key: "open",
            width: 120,
            render: (_: unknown, x) => (
              <Button size="small" onClick={() => onOpen(x)}>
                {t("dashboard.drill.openTarget")}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
