import type { TBulkEditItems, TBulkEditItemsResult } from "@dtplan/contracts/bulk.ts";
import type { TPlanTarget, TPlanTask } from "@dtplan/contracts/plans.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import type { ReviewTabProps } from "./review-model.ts";

/**
 * Giao hàng loạt: one lead unit for many tasks, or the suggested indicators of many targets
 * confirmed — each after the server's preview (what changes, what is skipped and why).
 */
export function BulkItemsTab({ code, plan, onChanged }: ReviewTabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const units = useQuery(plansQueries.targetUnits(code));
  const [tasks, setTasks] = useState<string[]>([]);
  const [targets, setTargets] = useState<string[]>([]);
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ body: TBulkEditItems; result: TBulkEditItemsResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const toConfirm = plan.targets.filter((x) => x.indicator && !x.indicator.confirmed);

  const ask = async (body: TBulkEditItems) => {
    setBusy(true);
    try {
      setPreview({ body, result: await plansApi.bulkItems(code, { ...body, preview: true }) });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const changedIds = preview.result.items.filter((i) => i.outcome === "changed").map((i) => i.id);
      const done = await plansApi.bulkItems(code, { ...preview.body, ids: changedIds, preview: false });
      message.success(t("bulkItems.done", { changed: done.changed, skipped: done.skipped }));
      setPreview(null);
      setTasks([]);
      setTargets([]);
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const changing = preview?.result.items.filter((i) => i.outcome === "changed").length ?? 0;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="bulk-items">
      <Card size="small" title={t("bulkItems.tasks")}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            showSearch={foldedSearch}
            placeholder={t("bulkItems.leadUnit")}
            aria-label={t("bulkItems.leadUnit")}
            style={{ minWidth: 280 }}
            value={leadUnitId}
            onChange={setLeadUnitId}
            loading={units.isPending}
            options={(units.data?.candidates ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Button
            type="primary"
            disabled={tasks.length === 0 || !leadUnitId}
            loading={busy && !preview}
            onClick={() =>
              leadUnitId && ask({ action: "assign_lead", ids: tasks, leadUnitId, preview: true })
            }
          >
            {t("bulkItems.assign", { n: tasks.length })}
          </Button>
        </Space>
        <ResponsiveTable<TPlanTask>
          rowKey="id"
          size="small"
          dataSource={plan.tasks}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          rowSelection={{ selectedRowKeys: tasks, onChange: (keys) => setTasks(keys as string[]) }}
          columns={[
            { title: t("bulkItems.col.task"), dataIndex: "text" },
            {
              title: t("bulkItems.col.lead"),
              key: "lead",
              width: 240,
              render: (_: unknown, x) => x.lead.unit?.name ?? x.lead.text ?? "—",
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("bulkItems.targets")}>
        {toConfirm.length === 0 ? (
          <Typography.Text type="secondary">{t("bulkItems.noneToConfirm")}</Typography.Text>
        ) : (
          <>
            <Button
              type="primary"
              style={{ marginBottom: 8 }}
              disabled={targets.length === 0}
              onClick={() => ask({ action: "confirm_indicators", ids: targets, preview: true })}
            >
              {t("bulkItems.confirm", { n: targets.length })}
            </Button>
            <ResponsiveTable<TPlanTarget>
              rowKey="id"
              size="small"
              dataSource={toConfirm}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              rowSelection={{ selectedRowKeys: targets, onChange: (keys) => setTargets(keys as string[]) }}
              columns={[
                { title: t("bulkItems.col.target"), dataIndex: "text" },
                {
                  title: t("bulkItems.col.indicator"),
                  key: "indicator",
                  width: 260,
                  render: (_: unknown, x) => `${x.indicator?.code} ${x.indicator?.name ?? ""}`,
                },
              ]}
            />
          </>
        )}
      </Card>
      {preview && (
        <Modal
          open
          width={680}
          title={t("bulkItems.previewTitle", {
            changed: preview.result.changed,
            skipped: preview.result.skipped,
          })}
          onCancel={() => setPreview(null)}
          okText={t("bulkItems.apply", { n: changing })}
          okButtonProps={{ disabled: changing === 0, loading: busy }}
          onOk={apply}
        >
          <Alert type="info" showIcon title={t("bulkItems.previewNote")} style={{ marginBottom: 8 }} />
          <List
            size="small"
            dataSource={preview.result.items}
            renderItem={(i) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <span>
                    <Tag color={i.outcome === "changed" ? "blue" : undefined}>
                      {t(i.outcome === "changed" ? "bulkItems.changed" : "bulkItems.skipped")}
                    </Tag>
                    {i.text}
                  </span>
                  <Typography.Text type="secondary">
                    {i.outcome === "changed" ? `${i.before ?? "—"} → ${i.after ?? "—"}` : i.reason}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Modal>
      )}
    </Space>
  );
}
