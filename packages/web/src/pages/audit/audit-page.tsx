import { ArrowRightOutlined, DownloadOutlined } from "@ant-design/icons";
import type { TAuditEntry } from "@dtplan/contracts/audit.ts";
import {
  AUDIT_ENTITIES,
  AUDIT_ENTITY_WORDS,
  auditChangeLines,
  auditEntityWords,
  auditSentence,
  auditTimeText,
} from "@dtplan/domain/audit/audit-words.ts";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Select, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { auditQueries, orgQueries } from "../../api/endpoints.ts";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { DateInput } from "../../forms/date-input.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { toIsoDate } from "../../lib/format.ts";
import { serverPagination } from "../../lib/server-paging.ts";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";

const PAGE_SIZE = 25;
const FILTERS = ["actorId", "unitId", "entity", "entityId", "from", "to"] as const;
type FilterName = (typeof FILTERS)[number];

function isoOf(d: Dayjs | Dayjs[] | null): string | null {
  return d && !Array.isArray(d) ? toIsoDate(d.toDate()) : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Nhật ký thay đổi: who did what to which named object, in words, filtered and exported to Excel. */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  ) as Partial<Record<FilterName, string>>;
  // A link may carry anything: only a kind the log knows is sent.
  const entity = AUDIT_ENTITIES.find((e) => e === filter.entity);
  const [page, setPage] = useState(1);

  const list = useQuery(
    auditQueries.list({ ...filter, entity, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );
  const people = useQuery(auditQueries.people());
  const units = useQuery(orgQueries.list({ includeClosed: true }));

  function setFilter(name: FilterName, value: string | null | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== "entityId") next.delete("entityId");
    setParams(next, { replace: true });
    setPage(1);
  }
  const dateValue = (iso: string | undefined) => (iso ? dayjs(iso) : undefined);

  const exportHref = (() => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    q.set("lang", lang);
    return `/api/exports/audit?${q.toString()}`;
  })();

  function renderChanges(entry: TAuditEntry) {
    const lines = auditChangeLines(entry, lang);
    if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Space orientation="vertical" size={2}>
        {lines.map((c) => (
          <div key={c.field}>
            <Typography.Text type="secondary">{c.label}: </Typography.Text>
            {c.before && entry.after != null && (
              <>
                <span className="dt-diff-old">{c.before}</span>
                <ArrowRightOutlined style={{ margin: "0 6px", color: "#98a2b3", fontSize: 11 }} />
              </>
            )}
            {entry.after == null ? (
              <span className="dt-diff-old">{c.before}</span>
            ) : (
              <span className="dt-diff-new">{c.after}</span>
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
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
          <Select
            allowClear
            showSearch={foldedSearch}
            value={filter.actorId}
            onChange={(v) => setFilter("actorId", v)}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
            placeholder={t("audit.filterPerson")}
            aria-label={t("audit.filterPerson")}
            style={{ width: 220, maxWidth: "100%" }}
          />
          <div style={{ width: 260, maxWidth: "100%" }}>
            <UnitTreeSelect
              units={units.data?.items ?? []}
              value={filter.unitId ?? null}
              onChange={(v) => setFilter("unitId", typeof v === "string" ? v : null)}
              placeholder={t("audit.filterUnit")}
              history
            />
          </div>
          <Select
            allowClear
            value={filter.entity}
            onChange={(v) => setFilter("entity", v)}
            options={AUDIT_ENTITIES.map((e) => ({
              value: e,
              label: capitalise(AUDIT_ENTITY_WORDS[e][lang]),
            }))}
            placeholder={t("audit.filterEntity")}
            aria-label={t("audit.filterEntity")}
            style={{ width: 200, maxWidth: "100%" }}
          />
          <DateInput
            value={dateValue(filter.from)}
            onChange={(d) => setFilter("from", isoOf(d))}
            placeholder={t("audit.from")}
            aria-label={t("audit.from")}
            style={{ width: 150 }}
          />
          <DateInput
            value={dateValue(filter.to)}
            onChange={(d) => setFilter("to", isoOf(d))}
            placeholder={t("audit.to")}
            aria-label={t("audit.to")}
            style={{ width: 150 }}
          />
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="audit-export">
            {t("audit.exportXlsx")}
          </Button>
          {filter.entityId && (
            <Tag closable onClose={() => setFilter("entityId", null)}>
              {list.data?.items[0]?.subject ?? t("audit.entity")}
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
          columns={[
            {
              title: t("audit.at"),
              key: "at",
              width: 170,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  <span>{auditTimeText(e.at)}</span>
                  {e.unitName && <Typography.Text type="secondary">{e.unitName}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t("audit.what"),
              key: "what",
              width: 380,
              render: (_, e) => (
                <Space orientation="vertical" size={2}>
                  <span data-testid="audit-sentence">{auditSentence(e, lang)}</span>
                  <Tag variant="outlined">{capitalise(auditEntityWords(e.entity, lang))}</Tag>
                </Space>
              ),
            },
            { title: t("audit.changes"), key: "changes", render: (_, e) => renderChanges(e) },
          ]}
        />
      </Card>
    </>
  );
}
