import { ArrowRightOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import type {
  TPendingReassignment,
  TReassignKind,
  TReassignmentItem,
  TReassignmentRequest,
} from "@dtplan/contracts/reassign.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Flex, List, Modal, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { orgApi, orgQueries } from "../../api/endpoints.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatDate } from "../../lib/format.ts";

interface Props {
  /** The closed units whose work moves, with their lineage's successors. */
  pending: readonly TPendingReassignment[];
  /** Units in force: where work may go. */
  units: readonly TOrgUnit[];
  /** The receiving unit chosen already (the unit a merger just formed). */
  defaultTo?: string | null;
  onCancel: () => void;
  onDone: () => void;
}

const KIND_COLOURS: Record<TReassignKind, string> = {
  task: "blue",
  assignment: "cyan",
  report: "purple",
  grant: "gold",
};

/**
 * Chuyển công việc: one row per closed unit with the unit that takes its work (its
 * successor by default), the server's preview of every item below, one button.
 */
export function ReassignModal({ pending, units, defaultTo, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string | undefined>>(() =>
    Object.fromEntries(pending.map((p) => [p.unit.id, defaultTo ?? p.successors[0]?.id])),
  );
  const request: TReassignmentRequest | null = useMemo(() => {
    const moves = pending
      .filter((p) => chosen[p.unit.id])
      .map((p) => ({ fromUnitId: p.unit.id, toUnitId: chosen[p.unit.id] as string }));
    return moves.length ? { moves } : null;
  }, [pending, chosen]);
  const preview = useQuery({
    ...orgQueries.reassignPreview(request ?? { moves: [] }),
    enabled: request !== null,
  });
  const moving = preview.data ? preview.data.items.filter((i) => !i.skipped).length : 0;
  const open = useMemo(() => units.filter((u) => u.active && u.parentId !== null), [units]);

  async function confirm() {
    if (!request) return;
    setBusy(true);
    try {
      const result = await orgApi.reassign(request);
      message.success(t("org.reassign.done", { n: result.items.filter((i) => !i.skipped).length }));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={900}
      title={t("org.reassign.title")}
      okText={t("org.reassign.confirm", { n: moving })}
      okButtonProps={{ disabled: !request || moving === 0 || preview.isFetching, loading: busy }}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("org.reassign.intro")}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={[...pending]}
        renderItem={(p) => {
          const successorIds = new Set(p.successors.map((s) => s.id));
          return (
            <List.Item>
              <Flex wrap gap={8} justify="space-between" align="center" style={{ width: "100%" }}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{p.unit.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t("org.reassign.closedOn", { date: formatDate(p.unit.validTo) })} ·{" "}
                    {t("org.reassign.counts", p.counts)}
                  </Typography.Text>
                </Space>
                <Select
                  style={{ width: 300, maxWidth: "100%" }}
                  showSearch={foldedSearch}
                  aria-label={`${t("org.reassign.to")} ${p.unit.name}`}
                  placeholder={
                    p.successors.length ? t("org.reassign.chooseTo") : t("org.reassign.noSuccessor")
                  }
                  value={chosen[p.unit.id]}
                  onChange={(value) => setChosen((c) => ({ ...c, [p.unit.id]: value }))}
                  options={[
                    ...p.successors.map((s) => ({
                      value: s.id,
                      label: `${s.name} (${t("org.reassign.successor")})`,
                    })),
                    ...open
                      .filter((u) => !successorIds.has(u.id))
                      .map((u) => ({ value: u.id, label: u.name })),
                  ]}
                />
              </Flex>
            </List.Item>
          );
        }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("org.reassign.previewTitle")}
      </Typography.Title>
      {preview.isFetching && <Spin />}
      {preview.error && <Alert type="error" showIcon title={loadError(preview)} />}
      {preview.data && preview.data.items.length === 0 && (
        <Typography.Text type="secondary">{t("org.reassign.nothing")}</Typography.Text>
      )}
      {preview.data && preview.data.items.length > 0 && (
        <Table
          size="small"
          className="dt-reassign-preview"
          rowKey={(i) => `${i.kind}:${i.id}`}
          dataSource={preview.data.items}
          pagination={preview.data.items.length > 10 ? { pageSize: 10, size: "small" } : false}
          columns={[
            {
              title: "",
              width: 90,
              render: (_: unknown, i: TReassignmentItem) => (
                <Tag color={i.skipped ? "default" : KIND_COLOURS[i.kind]}>
                  {t(`org.reassign.kind.${i.kind}`)}
                </Tag>
              ),
            },
            {
              title: t("org.reassign.previewTitle"),
              render: (_: unknown, i: TReassignmentItem) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text delete={Boolean(i.skipped)}>{i.label}</Typography.Text>
                  {i.detail && <Typography.Text type="secondary">{i.detail}</Typography.Text>}
                  <span>
                    {i.from.name} <ArrowRightOutlined /> <b>{i.to.name}</b>
                  </span>
                  {i.skipped && (
                    <Typography.Text type="warning">
                      {t("org.reassign.skipped")}: {i.skipped}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
