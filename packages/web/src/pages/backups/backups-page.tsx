import { CloudDownloadOutlined, DownloadOutlined } from "@ant-design/icons";
import type { TBackupItem } from "@dtplan/contracts/backup.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { backupsApi, backupsQueries } from "../../api/backups.ts";
import { errorMessage } from "../../api/client.ts";
import { invalidate, loadError } from "../../api/query.ts";
import "../../i18n/backups-messages.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";

/** 1 536 000 → "1,5 MB" (vi) / "1.5 MB" (en). */
function formatSize(bytes: number, lang: "vi" | "en"): string {
  const units = ["byte", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, lang, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Sao lưu — superadministrators: the backups on the server, start one, download one. */
export default function BackupsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const list = useQuery(backupsQueries.list());
  const [starting, setStarting] = useState(false);
  const error = loadError(list);

  const start = async () => {
    setStarting(true);
    try {
      const item = await backupsApi.create();
      message.success(t("backups.started", { name: item.name }));
      void invalidate("backups");
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };

  const columns = [
    {
      title: t("backups.col.time"),
      key: "time",
      render: (b: TBackupItem) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(b.createdAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("backups.col.size"),
      key: "size",
      align: "right" as const,
      render: (b: TBackupItem) => formatSize(b.bytes, lang),
    },
    {
      title: t("backups.col.contents"),
      key: "contents",
      responsive: ["sm" as const],
      render: (b: TBackupItem) =>
        b.complete ? (
          <Space wrap size={4}>
            <span>
              {t("backups.contents", {
                tables: formatNumber(b.tables, lang),
                rows: formatNumber(b.rows, lang),
                files: formatNumber(b.evidenceFiles, lang),
              })}
            </span>
            {b.missingEvidence > 0 && (
              <Tag color="orange">{t("backups.missing", { n: b.missingEvidence })}</Tag>
            )}
          </Space>
        ) : (
          <Tag color="red">{t("backups.incomplete")}</Tag>
        ),
    },
    {
      title: t("backups.col.schema"),
      key: "schema",
      responsive: ["md" as const],
      render: (b: TBackupItem) =>
        b.schemaVersion ? (
          <span>
            {b.schemaVersion}
            {b.databaseKind && <Typography.Text type="secondary"> · {b.databaseKind}</Typography.Text>}
          </span>
        ) : null,
    },
    {
      title: "",
      key: "download",
      render: (b: TBackupItem) =>
        b.complete ? (
          <Button icon={<DownloadOutlined />} href={backupsApi.downloadUrl(b.name)} download={b.name}>
            {t("backups.download")}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("backups.title")}
        subtitle={t("backups.subtitle")}
        extra={
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={starting} onClick={start}>
            {t("backups.start")}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        {list.data && (
          <Typography.Paragraph type="secondary" data-testid="backup-schedule">
            {list.data.everyHours > 0
              ? t("backups.schedule", {
                  hours: formatNumber(list.data.everyHours, lang),
                  dir: list.data.dir,
                  keep: list.data.keep,
                })
              : t("backups.scheduleOff", { dir: list.data.dir })}
          </Typography.Paragraph>
        )}
        <Table
          rowKey="name"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t("backups.empty") }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t("backups.restoreHint")}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
