import "../../i18n/dti-messages.ts";
import { CopyOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type { TDtiFramework } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { dtiApi, dtiQueries } from "../../api/dti.ts";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { SUBJECT_KEYS } from "./dti-labels.tsx";
import { DtiTabs } from "./dti-tabs.tsx";
import { CopyFrameworkModal, CreateFrameworkModal, ImportFrameworkModal } from "./framework-modals.tsx";

/** Bộ chỉ số: each year's frameworks of the province; the focal officer creates, copies and imports them. */
export default function FrameworksPage() {
  const { t, num } = useI18n();
  const navigate = useNavigate();
  const list = useQuery(dtiQueries.frameworks());
  const [modal, setModal] = useState<
    { kind: "create" | "import" } | { kind: "copy"; from: TDtiFramework } | null
  >(null);
  const manage = list.data?.can.manage ?? false;
  const open = (fw: TDtiFramework) => navigate(`/dti/frameworks/${fw.id}`);

  return (
    <div data-testid="frameworks-page">
      <PageHeader
        title={t("dti.title")}
        subtitle={t("dti.frameworks.subtitle")}
        extra={
          manage && (
            <Space wrap>
              <Button icon={<UploadOutlined />} onClick={() => setModal({ kind: "import" })}>
                {t("dti.frameworks.import")}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: "create" })}>
                {t("dti.frameworks.create")}
              </Button>
            </Space>
          )
        }
      />
      <DtiTabs active="frameworks" />
      <LoadError query={list} style={{ marginBottom: 12 }} />
      <Card>
        <ResponsiveTable<TDtiFramework>
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.frameworks ?? []}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="frameworks-table"
          locale={{ emptyText: <Empty description={t("dti.frameworks.empty")} /> }}
          expandable={{
            expandedRowRender: (fw) => (
              <Typography.Paragraph style={{ maxWidth: 900, whiteSpace: "pre-wrap" }}>
                {fw.description}
              </Typography.Paragraph>
            ),
            rowExpandable: (fw) => fw.description.length > 0,
          }}
          columns={[
            {
              title: t("dti.col.framework"),
              key: "name",
              render: (_, fw) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/dti/frameworks/${fw.id}`}>{fw.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fw.code}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t("dti.col.year"), dataIndex: "year", width: 80 },
            { title: t("dti.col.subject"), key: "subject", render: (_, fw) => t(SUBJECT_KEYS[fw.subject]) },
            {
              title: t("dti.col.maxPoints"),
              key: "max",
              align: "right",
              render: (_, fw) => num(fw.maxPoints),
            },
            { title: t("dti.col.criteria"), dataIndex: "criteriaCount", align: "right" },
            {
              title: t("dti.col.status"),
              key: "locked",
              render: (_, fw) =>
                fw.locked ? (
                  <Tag>{t("dti.frameworks.locked")}</Tag>
                ) : (
                  <Tag color="blue">{t("dti.frameworks.editable")}</Tag>
                ),
            },
            { title: t("dti.col.updated"), key: "updated", render: (_, fw) => formatDateTime(fw.updatedAt) },
            {
              title: t("common.actions"),
              key: "actions",
              render: (_, fw) => (
                <Space wrap size={4}>
                  <Button size="small" onClick={() => open(fw)}>
                    {manage && !fw.locked ? t("common.edit") : t("dti.open")}
                  </Button>
                  {manage && (
                    <Button
                      size="small"
                      icon={<CopyOutlined />}
                      onClick={() => setModal({ kind: "copy", from: fw })}
                    >
                      {t("dti.frameworks.copy")}
                    </Button>
                  )}
                  <Button size="small" icon={<FileExcelOutlined />} href={dtiApi.frameworkXlsxUrl(fw.id)}>
                    {t("dti.frameworks.export")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {modal?.kind === "create" && <CreateFrameworkModal onCancel={() => setModal(null)} onDone={open} />}
      {modal?.kind === "import" && <ImportFrameworkModal onCancel={() => setModal(null)} onDone={open} />}
      {modal?.kind === "copy" && (
        <CopyFrameworkModal from={modal.from} onCancel={() => setModal(null)} onDone={open} />
      )}
    </div>
  );
}
