import { ArrowRightOutlined } from "@ant-design/icons";
import type { TAuditEntry } from "@dtplan/contracts/audit.ts";
import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Select, Space, Tag, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { auditQueries, orgQueries } from "../../api/endpoints.ts";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { isMessageKey } from "../../i18n/translate.ts";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { serverPagination } from "../../lib/server-paging.ts";
import { auditSubject, diffAudit, formatAuditValue, type ValueContext } from "./audit-diff.ts";

const PAGE_SIZE = 25;
const KNOWN_ENTITIES = ["org_unit", "user", "session"];

export default function AuditPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const entity = params.get("entity") ?? undefined;
  const entityId = params.get("entityId") ?? undefined;
  const [page, setPage] = useState(1);

  const list = useQuery(
    auditQueries.list({ entity, entityId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );
  const fieldLabel = useCallback(
    (field: string) => {
      const key = `audit.field.${field}`;
      return isMessageKey(key) ? t(key) : field;
    },
    [t],
  );
  // Unit names turn parent ids and merge targets into words.
  const unitsLoad = useQuery(orgQueries.list({ includeClosed: true }));
  const ctx = useMemo<ValueContext>(
    () => ({
      lang,
      names: new Map((unitsLoad.data?.items ?? []).map((u) => [u.id, u.name])),
      yes: t("common.yes"),
      no: t("common.no"),
      label: fieldLabel,
    }),
    [unitsLoad.data, lang, t, fieldLabel],
  );

  const entityLabel = (e: string) => {
    const key = `audit.entity.${e}`;
    return isMessageKey(key) ? t(key) : e;
  };
  const actionLabel = (action: string) => {
    const full = `audit.action.${action}`;
    if (isMessageKey(full)) return t(full);
    const last = `audit.action.${action.split(".").pop() ?? ""}`;
    return isMessageKey(last) ? t(last) : action;
  };

  const entityOptions = [
    ...new Set([...KNOWN_ENTITIES, ...(list.data?.items ?? []).map((e) => e.entity)]),
  ].map((e) => ({ value: e, label: entityLabel(e) }));

  function setEntity(value: string | undefined) {
    const next = new URLSearchParams();
    if (value) next.set("entity", value);
    setParams(next, { replace: true });
    setPage(1);
  }

  function renderChanges(entry: TAuditEntry) {
    const { shape, changes } = diffAudit(entry.before, entry.after);
    if (shape === "event" || changes.length === 0) {
      return <Typography.Text type="secondary">{t("audit.noDiff")}</Typography.Text>;
    }
    return (
      <Space orientation="vertical" size={2}>
        {changes.map((c) => (
          <div key={c.field}>
            {c.field && <Typography.Text type="secondary">{fieldLabel(c.field)}: </Typography.Text>}
            {shape === "created" ? (
              <span className="dt-diff-new">{formatAuditValue(c.field, c.after, ctx)}</span>
            ) : shape === "deleted" ? (
              <span className="dt-diff-old">{formatAuditValue(c.field, c.before, ctx)}</span>
            ) : (
              <>
                <span className="dt-diff-old">{formatAuditValue(c.field, c.before, ctx)}</span>
                <ArrowRightOutlined style={{ margin: "0 6px", color: "#98a2b3", fontSize: 11 }} />
                <span className="dt-diff-new">{formatAuditValue(c.field, c.after, ctx)}</span>
              </>
            )}
          </div>
        ))}
      </Space>
    );
  }

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={entity}
            onChange={(v) => setEntity(v)}
            options={entityOptions}
            placeholder={t("audit.filterEntity")}
            aria-label={t("audit.filterEntity")}
            style={{ width: 260 }}
          />
          {entityId && (
            <Tag closable onClose={() => setEntity(entity)}>
              {ctx.names.get(entityId) ?? entityId}
            </Tag>
          )}
        </Flex>
        <LoadError query={list} style={{ marginBottom: 16 }} />
        <ResponsiveTable<TAuditEntry>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t("audit.empty") }}
          pagination={serverPagination({
            page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            onChange: setPage,
            showTotal: (n) => t("audit.total", { n }),
          })}
          expandable={{
            expandedRowRender: (entry) => (
              <Flex gap={16} wrap>
                {(["before", "after"] as const).map((side) => (
                  <div key={side} style={{ flex: "1 1 320px", minWidth: 0 }}>
                    <Typography.Text strong>
                      {t(side === "before" ? "audit.before" : "audit.after")}
                    </Typography.Text>
                    <pre
                      style={{
                        fontSize: 12,
                        background: "#fafafa",
                        padding: 8,
                        borderRadius: 4,
                        overflow: "auto",
                      }}
                    >
                      {entry[side] == null ? "—" : JSON.stringify(entry[side], null, 2)}
                    </pre>
                  </div>
                ))}
              </Flex>
            ),
          }}
          columns={[
            {
              title: t("audit.at"),
              key: "at",
              width: 190,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  <span>{formatDateTime(e.at)}</span>
                  <Typography.Text type="secondary">{e.actorName ?? t("audit.system")}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t("audit.action"),
              key: "action",
              width: 300,
              render: (_, e) => {
                const subject = auditSubject(e.before, e.after);
                return (
                  <Space orientation="vertical" size={2}>
                    <Tag color="blue" variant="outlined">
                      {actionLabel(e.action)}
                    </Tag>
                    <span>
                      <Typography.Text type="secondary">{entityLabel(e.entity)}</Typography.Text>
                      {subject && <span>: {subject}</span>}
                    </span>
                  </Space>
                );
              },
            },
            { title: t("audit.changes"), key: "changes", render: (_, e) => renderChanges(e) },
          ]}
        />
      </Card>
    </>
  );
}
