import {
  BranchesOutlined,
  DragOutlined,
  EditOutlined,
  ForkOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  StopOutlined,
} from "@ant-design/icons";
import type { TOrgUnit, TOrgUnitDetail } from "@dtplan/contracts/org.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from "antd";
import { orgQueries } from "../../api/endpoints.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { dayAfter, formatDate } from "../../lib/format.ts";
import type { OrgDialog } from "./org-page.tsx";
import { unitStateOn } from "./org-tree-model.ts";
import { UnitKindIcon, UnitKindTag } from "./unit-kind.tsx";

interface Props {
  unit: TOrgUnit | null;
  unitId: string | null;
  units: readonly TOrgUnit[];
  asOf: string;
  canManage: boolean;
  onSelect: (id: string) => void;
  onAction: (dialog: OrgDialog) => void;
}

type Link = TOrgUnitDetail["predecessors"][number];

function LineageLinks({ links, onSelect }: { links: Link[]; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2}>
      {links.map((l) => (
        <span key={`${l.unitId}-${l.effectiveDate}`}>
          <Typography.Link onClick={() => onSelect(l.unitId)}>{l.name}</Typography.Link>{" "}
          <Typography.Text type="secondary">
            ({t("org.onDate", { date: formatDate(l.effectiveDate) })})
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}

export function UnitDetail({ unit, unitId, units, asOf, canManage, onSelect, onAction }: Props) {
  const { t, lang } = useI18n();
  const detail = useQuery({ ...orgQueries.unit(unitId ?? ""), enabled: unitId !== null });

  if (!unitId) {
    return (
      <Card style={{ height: "100%" }}>
        <Empty description={t("org.selectHint")} style={{ padding: "48px 0" }} />
      </Card>
    );
  }
  if (detail.error) {
    return (
      <Card>
        <Alert type="error" showIcon title={t("common.loadFailed")} description={loadError(detail)} />
      </Card>
    );
  }
  const d = detail.data && detail.data.id === unitId ? detail.data : null;
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }

  const current = unit ?? d;
  const state = unitStateOn(d, asOf);
  const isOpen = d.validTo === null;
  const children = units.filter((u) => u.parentId === d.id);
  const activeChildren = children.filter((u) => unitStateOn(u, asOf) === "active");
  const parentPath = d.path.filter((p) => p.id !== d.id);

  const validity =
    d.validFrom && d.validTo
      ? t("org.validFromTo", { from: formatDate(d.validFrom), to: formatDate(d.validTo) })
      : d.validFrom
        ? t("org.validFromOnly", { from: formatDate(d.validFrom) })
        : d.validTo
          ? t("org.validToOnly", { to: formatDate(d.validTo) })
          : t("org.validAlways");

  const mergedFrom = d.predecessors.filter((l) => l.event === "merge");
  const splitFrom = d.predecessors.filter((l) => l.event === "split");
  const mergedInto = d.successors.filter((l) => l.event === "merge");
  const splitInto = d.successors.filter((l) => l.event === "split");
  const hasHistory = d.predecessors.length + d.successors.length > 0;

  return (
    <Card
      title={
        <Space>
          <UnitKindIcon kind={d.kind} />
          <span>{d.name}</span>
        </Space>
      }
      extra={
        state === "active" ? <Tag color="success">{t("org.active")}</Tag> : <Tag>{t("org.inactive")}</Tag>
      }
      data-testid="unit-detail"
    >
      <Descriptions column={1} size="middle" colon={false} styles={{ label: { width: 170 } }}>
        <Descriptions.Item label={t("org.parent")}>
          {parentPath.length === 0 ? (
            <Typography.Text type="secondary">{t("org.topLevel")}</Typography.Text>
          ) : (
            <span>
              {parentPath.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && <span style={{ color: "#98a2b3", margin: "0 6px" }}>›</span>}
                  <Typography.Link onClick={() => onSelect(p.id)}>{p.name}</Typography.Link>
                </span>
              ))}
            </span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("org.code")}>
          <Typography.Text code copyable>
            {d.code}
          </Typography.Text>
        </Descriptions.Item>
        {d.shortName && <Descriptions.Item label={t("org.shortName")}>{d.shortName}</Descriptions.Item>}
        <Descriptions.Item label={t("org.kind")}>
          <UnitKindTag kind={d.kind} lang={lang} />
        </Descriptions.Item>
        <Descriptions.Item label={t("org.validity")}>{validity}</Descriptions.Item>
        <Descriptions.Item label={t("org.children")}>
          {children.length === 0 ? (
            <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
          ) : (
            t("org.childrenCount", { n: children.length })
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("org.history")}>
          {!hasHistory && <Typography.Text type="secondary">{t("org.noHistory")}</Typography.Text>}
          {hasHistory && (
            <Space orientation="vertical" size={8}>
              {mergedFrom.length > 0 && (
                <div>
                  <Typography.Text strong>{t("org.mergedFrom")}: </Typography.Text>
                  <LineageLinks links={mergedFrom} onSelect={onSelect} />
                </div>
              )}
              {splitFrom.length > 0 && (
                <div>
                  <Typography.Text strong>{t("org.splitFrom")}: </Typography.Text>
                  <LineageLinks links={splitFrom} onSelect={onSelect} />
                </div>
              )}
              {mergedInto.length > 0 && (
                <div>
                  <Typography.Text strong>{t("org.mergedInto")}: </Typography.Text>
                  <LineageLinks links={mergedInto} onSelect={onSelect} />
                </div>
              )}
              {splitInto.length > 0 && (
                <div>
                  <Typography.Text strong>{t("org.splitInto")}: </Typography.Text>
                  <LineageLinks links={splitInto} onSelect={onSelect} />
                </div>
              )}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>

      {canManage && isOpen && (
        <Space wrap style={{ marginTop: 8, paddingTop: 16, borderTop: "1px solid #f0f0f0", width: "100%" }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => onAction({ type: "add", parent: current })}
          >
            {t("org.addChild")}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction({ type: "edit", unit: current })}>
            {t("org.edit")}
          </Button>
          {d.parentId && (
            <Button icon={<DragOutlined />} onClick={() => onAction({ type: "move", unit: current })}>
              {t("org.move")}
            </Button>
          )}
          <Button
            icon={<MergeCellsOutlined />}
            onClick={() => onAction({ type: "merge", sources: [current] })}
          >
            {t("org.merge")}
          </Button>
          {d.parentId && (
            <Button icon={<ForkOutlined />} onClick={() => onAction({ type: "split", unit: current })}>
              {t("org.split")}
            </Button>
          )}
          {d.parentId && (
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => onAction({ type: "close", unit: current })}
              title={
                activeChildren.length > 0
                  ? t("org.close.hasChildren", { n: activeChildren.length })
                  : undefined
              }
            >
              {t("org.close")}
            </Button>
          )}
        </Space>
      )}
      {d.validTo && (
        <Alert
          type="info"
          showIcon
          icon={<BranchesOutlined />}
          style={{ marginTop: 8 }}
          title={t("org.closedBanner", { date: formatDate(dayAfter(d.validTo)) })}
        />
      )}
    </Card>
  );
}
