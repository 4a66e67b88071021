import {
  ApartmentOutlined,
  CalendarOutlined,
  CheckCircleTwoTone,
  CheckSquareOutlined,
  FundOutlined,
  GlobalOutlined,
  ProfileOutlined,
  TeamOutlined,
  WarningTwoTone,
} from "@ant-design/icons";
import { ROLE_LABELS } from "@dtplan/domain/access/roles.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useNavigate } from "react-router";
import { healthQuery } from "../api/endpoints.ts";
import { loadError } from "../api/query.ts";
import { userCanProvince, useSession, useUser } from "../auth/session.tsx";
import { Section } from "../components/section.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { PageHeader } from "../layout/page-header.tsx";
import { TodoCard } from "./todo-card.tsx";

/** "PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten, compiled by …" → "PostgreSQL 18.6". */
function shortVersion(full: string): string {
  return full.split(/ on |, compiled| \(/)[0].trim();
}

function HealthCard() {
  const { t } = useI18n();
  const health = useQuery(healthQuery);
  return (
    <Section title={t("dashboard.status")} style={{ height: "100%" }}>
      {health.isFetching && <Skeleton active paragraph={{ rows: 3 }} />}
      {health.error && (
        <Alert
          type="warning"
          showIcon
          title={t("dashboard.statusUnavailable")}
          description={loadError(health)}
          action={<Button onClick={() => void health.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      {health.data && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("org.status")}>
            {health.data.status === "ok" ? (
              <Space>
                <CheckCircleTwoTone twoToneColor="#389e0d" />
                {t("dashboard.statusOk")}
              </Space>
            ) : (
              <Space>
                <WarningTwoTone twoToneColor="#d48806" />
                {t("dashboard.statusDegraded")}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.version")}>{health.data.version}</Descriptions.Item>
          <Descriptions.Item label={t("dashboard.database")}>
            <span>
              {t(health.data.database.kind === "pglite" ? "dashboard.db.pglite" : "dashboard.db.postgres")}
              <Typography.Text type="secondary">
                {" "}
                · {shortVersion(health.data.database.serverVersion ?? "")}
              </Typography.Text>
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.migration")}>
            {health.data.database.migration.upToDate
              ? t("dashboard.migrationOk", { version: health.data.database.migration.latest })
              : t("dashboard.migrationBehind", {
                  current: health.data.database.migration.current ?? "—",
                  latest: health.data.database.migration.latest,
                })}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Section>
  );
}

export default function DashboardPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name: user.fullName })} subtitle={t("dashboard.intro")} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <TodoCard />
        </Col>
        <Col xs={24}>
          <Section title={t("dashboard.shortcuts")}>
            <Space wrap>
              {can("dashboard.read") && (
                <Button type="primary" icon={<FundOutlined />} onClick={() => navigate("/dashboard")}>
                  {t("dashboard.go.leader")}
                </Button>
              )}
              {userCanProvince(user, "dashboard.read") && (
                <Button icon={<GlobalOutlined />} onClick={() => navigate("/province")}>
                  {t("dashboard.go.province")}
                </Button>
              )}
              {can("reports.submit") && (
                <Button icon={<CheckSquareOutlined />} onClick={() => navigate("/my-tasks")}>
                  {t("dashboard.go.myTasks")}
                </Button>
              )}
              <Button icon={<CalendarOutlined />} onClick={() => navigate("/periods")}>
                {t("dashboard.go.periods")}
              </Button>
              {can("dashboard.read") && (
                <Button icon={<ProfileOutlined />} onClick={() => navigate("/reports")}>
                  {t("dashboard.go.reports")}
                </Button>
              )}
              <Button type="link" href="/cong-khai" target="_blank" rel="noopener">
                {t("dashboard.go.public")}
              </Button>
            </Space>
          </Section>
        </Col>
        <Col xs={24} lg={14}>
          <Section title={t("dashboard.myUnits")} style={{ height: "100%" }}>
            {user.isSuperadmin && (
              <Alert
                type="info"
                showIcon
                title={t("dashboard.superadminNote")}
                style={{ marginBottom: 12 }}
              />
            )}
            {user.grants.length === 0 && !user.isSuperadmin ? (
              <Typography.Text type="secondary">{t("dashboard.noUnits")}</Typography.Text>
            ) : (
              <ul className="dt-section-list">
                {user.grants.map((g) => (
                  <li key={`${g.unitId}:${g.role}`}>
                    <Space>
                      <ApartmentOutlined style={{ color: "#1d4f91" }} />
                      <span>{g.unitName}</span>
                    </Space>
                    <Tag color="blue">{ROLE_LABELS[g.role]?.[lang] ?? g.role}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </Col>
        {/* Versions and the database's migration are for whoever runs the installation. */}
        {(user.isSuperadmin || can("users.manage")) && (
          <Col xs={24} lg={10}>
            <HealthCard />
          </Col>
        )}
        {(can("org.manage") || can("users.manage")) && (
          <Col xs={24}>
            <Section title={t("dashboard.next")}>
              <Space wrap>
                {can("org.read") && (
                  <Button icon={<ApartmentOutlined />} onClick={() => navigate("/admin/org")}>
                    {t("dashboard.next.org")}
                  </Button>
                )}
                {can("users.read") && (
                  <Button icon={<TeamOutlined />} onClick={() => navigate("/admin/users")}>
                    {t("dashboard.next.users")}
                  </Button>
                )}
              </Space>
            </Section>
          </Col>
        )}
      </Row>
    </>
  );
}
