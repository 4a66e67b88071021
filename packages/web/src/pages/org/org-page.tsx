import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Space,
  Spin,
  Switch,
  Tree,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { orgQueries } from "../../api/endpoints.ts";
import { invalidate } from "../../api/query.ts";
import { useSession } from "../../auth/session.tsx";
import { LoadError } from "../../components/load-error.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { dayAfter, formatDate, toIsoDate } from "../../lib/format.ts";
import { CloseUnitModal } from "./close-unit-modal.tsx";
import { MergeModal } from "./merge-modal.tsx";
import { MoveUnitModal } from "./move-unit-modal.tsx";
import {
  ancestorIds,
  buildUnitTree,
  filterUnitTree,
  highlightParts,
  type UnitNode,
  unitStateOn,
} from "./org-tree-model.ts";
import { ReassignModal } from "./reassign-modal.tsx";
import { SplitModal } from "./split-modal.tsx";
import { UnitDetail } from "./unit-detail.tsx";
import { UnitFormModal } from "./unit-form-modal.tsx";
import { UnitKindIcon } from "./unit-kind.tsx";

export type OrgDialog =
  | { type: "add"; parent: TOrgUnit | null }
  | { type: "edit"; unit: TOrgUnit }
  | { type: "move"; unit: TOrgUnit }
  | { type: "close"; unit: TOrgUnit }
  | { type: "merge"; sources: TOrgUnit[] }
  | { type: "split"; unit: TOrgUnit }
  | { type: "reassign"; unitIds: string[] | null; defaultTo: string | null };

interface TreeItem {
  key: string;
  title: string;
  unit: TOrgUnit;
  children: TreeItem[];
}

export default function OrgPage() {
  const { t, lang } = useI18n();
  const { can, user } = useSession();
  const canManage = can("org.manage");
  const [params, setParams] = useSearchParams();
  const selectedId = params.get("unit");
  const today = toIsoDate(new Date());
  const [asOf, setAsOf] = useState(today);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<OrgDialog | null>(null);

  const list = useQuery(orgQueries.list({ asOf: asOf === today ? undefined : asOf, includeClosed }));
  // Closed units still holding work, and every unit in force (where that work may go).
  const pending = useQuery({ ...orgQueries.pending(), enabled: canManage });
  const current = useQuery({ ...orgQueries.list({}), enabled: canManage });
  const pendingItems = pending.data?.items ?? [];
  const reassigning =
    dialog?.type === "reassign"
      ? pendingItems.filter((p) => !dialog.unitIds || dialog.unitIds.includes(p.unit.id))
      : [];
  const units = list.data?.items ?? [];
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const filtered = useMemo(() => filterUnitTree(roots, query), [roots, query]);

  const treeData = useMemo(() => {
    const toItem = (n: UnitNode): TreeItem => ({
      key: n.unit.id,
      title: n.unit.name,
      unit: n.unit,
      children: n.children.map(toItem),
    });
    return filtered.roots.map(toItem);
  }, [filtered]);

  const selectedUnit = units.find((u) => u.id === selectedId) ?? null;
  // Until the user folds or opens a node, the top levels are open so departments
  // and communes show at once.
  const baseExpanded = expanded ?? roots.map((r) => r.unit.id);
  const expandedKeys = query.trim() ? [...new Set([...baseExpanded, ...filtered.expand])] : baseExpanded;

  function select(id: string | null) {
    const next = new URLSearchParams(params);
    if (id) next.set("unit", id);
    else next.delete("unit");
    setParams(next, { replace: true });
    if (id)
      setExpanded((prev) => [
        ...new Set([...(prev ?? roots.map((r) => r.unit.id)), ...ancestorIds(units, id)]),
      ]);
  }

  /** A lineage link may point at a closed unit: show closed units so it can be selected. */
  function reveal(id: string) {
    if (!units.some((u) => u.id === id)) setIncludeClosed(true);
    select(id);
  }

  function afterChange(focusId?: string): Promise<void> {
    setDialog(null);
    if (focusId) select(focusId);
    // The tree, the open unit's detail and the closed units' pending work all change.
    return invalidate("org");
  }

  function renderTitle(item: TreeItem) {
    const unit = item.unit;
    const state = unitStateOn(unit, asOf);
    const muted = state !== "active";
    return (
      <span className={`dt-tree-title${muted ? " dt-closed" : ""}`} data-unit-id={unit.id}>
        <span className="dt-unit-icon" title={unitKindLabel(unit.kind, lang)}>
          <UnitKindIcon kind={unit.kind} />
        </span>
        <span className="dt-unit-main">
          <span className="dt-unit-name">
            {highlightParts(unit.name, query).map((p, i) =>
              p.hit ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
                <mark key={i} className="dt-highlight">
                  {p.text}
                </mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
                <span key={i}>{p.text}</span>
              ),
            )}
          </span>
          {state === "closed" && unit.validTo && (
            <span className="dt-tree-note">
              {" "}
              · {t("org.closedSince", { date: formatDate(dayAfter(unit.validTo)) })}
            </span>
          )}
          {state === "future" && unit.validFrom && (
            <span className="dt-tree-note"> · {t("org.notYet", { date: formatDate(unit.validFrom) })}</span>
          )}
        </span>
        <span className="dt-unit-kind">{unitKindLabel(unit.kind, lang)}</span>
      </span>
    );
  }

  const countText = query.trim()
    ? t("org.matchCount", { n: filtered.matches.size })
    : t("org.unitCount", { n: units.length });

  return (
    <>
      <PageHeader
        title={t("org.title")}
        subtitle={t("org.subtitle")}
        extra={
          canManage && (
            <Space wrap>
              <Button
                onClick={() =>
                  setDialog({ type: "merge", sources: selectedUnit?.active ? [selectedUnit] : [] })
                }
              >
                {t("org.merge")}
              </Button>
              {user?.isSuperadmin && (
                <Button icon={<PlusOutlined />} onClick={() => setDialog({ type: "add", parent: null })}>
                  {t("org.addRoot")}
                </Button>
              )}
            </Space>
          )
        }
      />
      {pendingItems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="dt-reassign-pending"
          style={{ marginBottom: 16 }}
          title={t("org.reassign.pending", { n: pendingItems.length })}
          description={t("org.reassign.pendingHelp")}
          action={
            <Button onClick={() => setDialog({ type: "reassign", unitIds: null, defaultTo: null })}>
              {t("org.reassign.open")}
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} lg={12} xl={11}>
          <Card
            styles={{ body: { padding: 16 } }}
            title={
              <SearchBox
                placeholder={t("org.searchPlaceholder")}
                value={query}
                onChange={setQuery}
                variant="filled"
              />
            }
          >
            <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
              <Space size={6}>
                <label htmlFor="org-as-of">{t("org.asOf")}</label>
                <DatePicker
                  id="org-as-of"
                  format="DD/MM/YYYY"
                  allowClear={false}
                  value={dayjs(asOf)}
                  onChange={(d) => setAsOf(d ? d.format("YYYY-MM-DD") : today)}
                  size="small"
                  style={{ width: 130 }}
                />
              </Space>
              <Space size={6}>
                <Switch
                  size="small"
                  checked={includeClosed}
                  onChange={setIncludeClosed}
                  id="org-show-closed"
                />
                <label htmlFor="org-show-closed" style={{ cursor: "pointer" }}>
                  {t("org.showClosed")}
                </label>
              </Space>
              <div style={{ flex: 1 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {list.data ? countText : ""}
              </Typography.Text>
              <Button
                size="small"
                type="text"
                icon={<ReloadOutlined />}
                aria-label={t("common.refresh")}
                title={t("common.refresh")}
                onClick={() => void list.refetch()}
              />
            </Flex>
            <LoadError query={list} />
            {!list.error && !list.data && (
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            )}
            {list.data && treeData.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={query.trim() ? t("org.noMatch", { q: query.trim() }) : t("org.empty")}
              />
            )}
            {list.data && treeData.length > 0 && (
              <Spin spinning={list.isFetching} delay={200}>
                <div style={{ maxHeight: "calc(100vh - 300px)", minHeight: 320, overflow: "auto" }}>
                  <Tree<TreeItem>
                    className="dt-org-tree"
                    aria-label={t("org.title")}
                    treeData={treeData}
                    showLine={{ showLeafIcon: false }}
                    blockNode
                    expandedKeys={expandedKeys}
                    onExpand={(keys) => setExpanded(keys.map(String))}
                    selectedKeys={selectedId ? [selectedId] : []}
                    onSelect={(keys) => select(keys.length > 0 ? String(keys[0]) : selectedId)}
                    titleRender={renderTitle}
                  />
                </div>
              </Spin>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12} xl={13}>
          <UnitDetail
            unit={selectedUnit}
            unitId={selectedId}
            units={units}
            asOf={asOf}
            canManage={canManage}
            onSelect={reveal}
            onAction={setDialog}
          />
        </Col>
      </Row>

      {dialog?.type === "add" && (
        <UnitFormModal
          mode="add"
          parent={dialog.parent}
          onCancel={() => setDialog(null)}
          onDone={(unit) => afterChange(unit.id)}
        />
      )}
      {dialog?.type === "edit" && (
        <UnitFormModal
          mode="edit"
          unit={dialog.unit}
          onCancel={() => setDialog(null)}
          onDone={(u) => afterChange(u.id)}
        />
      )}
      {dialog?.type === "move" && (
        <MoveUnitModal
          unit={dialog.unit}
          units={units}
          onCancel={() => setDialog(null)}
          onDone={(u) => afterChange(u.id)}
        />
      )}
      {dialog?.type === "close" && (
        <CloseUnitModal
          unit={dialog.unit}
          units={units}
          onCancel={() => setDialog(null)}
          onDone={async (u) => {
            setIncludeClosed(true);
            await afterChange(u.id);
            setDialog({ type: "reassign", unitIds: [u.id], defaultTo: null });
          }}
        />
      )}
      {dialog?.type === "merge" && (
        <MergeModal
          units={units}
          initialSources={dialog.sources}
          onCancel={() => setDialog(null)}
          onDone={async (targetId, sourceIds) => {
            await afterChange(targetId ?? undefined);
            // The merged units' work goes to the unit that carries them on, in the next step.
            setDialog({ type: "reassign", unitIds: sourceIds, defaultTo: targetId });
          }}
        />
      )}
      {dialog?.type === "reassign" && reassigning.length > 0 && (
        <ReassignModal
          pending={reassigning}
          units={current.data?.items ?? []}
          defaultTo={dialog.defaultTo}
          onCancel={() => setDialog(null)}
          onDone={() => afterChange()}
        />
      )}
      {dialog?.type === "split" && (
        <SplitModal
          unit={dialog.unit}
          units={units}
          onCancel={() => setDialog(null)}
          onDone={async (firstId) => {
            const source = dialog.unit.id;
            await afterChange(firstId ?? undefined);
            setDialog({ type: "reassign", unitIds: [source], defaultTo: null });
          }}
        />
      )}
    </>
  );
}
