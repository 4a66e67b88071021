import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudDownloadOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  GlobalOutlined,
  LogoutOutlined,
  ProfileOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import { ROLE_LABELS } from "@dtplan/domain/access/roles.ts";
import { Avatar, Button, Layout, Menu, type MenuProps, Tooltip } from "antd";
import { Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { useSession, useUser } from "../auth/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";
import { ErrorBoundary } from "./error-boundary.tsx";
import { FullPageSpinner } from "./full-page-spinner.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { NotificationBell } from "./notification-bell.tsx";

interface NavItem {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  needs?: Permission;
  /** Only for superadministrators (the whole installation). */
  superadmin?: boolean;
}

const MAIN_NAV: NavItem[] = [
  { path: "/", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { path: "/dashboard", label: "nav.leaderDashboard", icon: <FundOutlined /> },
  { path: "/province", label: "nav.province", icon: <GlobalOutlined /> },
  { path: "/plans", label: "nav.plans", icon: <FileTextOutlined /> },
  { path: "/my-tasks", label: "nav.myTasks", icon: <CheckSquareOutlined /> },
  { path: "/periods", label: "nav.periods", icon: <CalendarOutlined /> },
  { path: "/reports", label: "nav.reports", icon: <ProfileOutlined />, needs: "dashboard.read" },
  { path: "/dti", label: "nav.dti", icon: <BarChartOutlined /> },
  { path: "/indicators", label: "nav.indicators", icon: <UnorderedListOutlined /> },
];

const ADMIN_NAV: NavItem[] = [
  { path: "/admin/org", label: "nav.org", icon: <ApartmentOutlined />, needs: "org.read" },
  { path: "/admin/users", label: "nav.users", icon: <TeamOutlined />, needs: "users.read" },
  { path: "/admin/audit", label: "nav.audit", icon: <AuditOutlined />, needs: "audit.read" },
  { path: "/admin/backups", label: "nav.backups", icon: <CloudDownloadOutlined />, superadmin: true },
];

/** The given name's initial: Vietnamese names end with it ("Nguyễn Thị Lan" → "L"). */
function initials(fullName: string): string {
  const words = fullName.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return (words[words.length - 1] ?? "?").charAt(0).toUpperCase();
}

export function AppLayout() {
  const { t, lang } = useI18n();
  const { can, logout } = useSession();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const toItem = (item: NavItem) => ({ key: item.path, icon: item.icon, label: t(item.label) });
  const adminItems = ADMIN_NAV.filter(
    (item) => (!item.needs || can(item.needs)) && (!item.superadmin || user.isSuperadmin),
  ).map(toItem);
  const items: MenuProps["items"] = [
    ...MAIN_NAV.filter((item) => !item.needs || can(item.needs)).map(toItem),
    ...(adminItems.length > 0
      ? [
          { type: "divider" as const },
          { type: "group" as const, key: "admin", label: t("nav.admin"), children: adminItems },
        ]
      : []),
  ];
  const selected =
    [...MAIN_NAV, ...ADMIN_NAV]
      .filter((i) => i.path !== "/" && location.pathname.startsWith(i.path))
      .map((i) => i.path)[0] ?? (location.pathname === "/" ? "/" : "");

  const roleNames = [...new Set(user.grants.map((g) => ROLE_LABELS[g.role]?.[lang] ?? g.role))];
  if (user.isSuperadmin) roleNames.unshift(t("header.superadmin"));
  const rolesText = roleNames.length > 0 ? roleNames.join(", ") : t("header.noRole");
  const grantsDetail = user.grants.map((g) => `${ROLE_LABELS[g.role]?.[lang] ?? g.role} — ${g.unitName}`);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        width={248}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        theme="light"
        style={{
          borderRight: "1px solid #e6e9ef",
          position: "sticky",
          top: 0,
          height: "100vh",
          overflow: "auto",
        }}
      >
        <div className="dt-sider-brand">
          <span className="dt-brand-mark" aria-hidden>
            d
          </span>
          {!collapsed && <span>{t("app.shortName")}</span>}
        </div>
        <nav aria-label={t("app.name")}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: "none", paddingTop: 8 }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <header className="dt-header">
          <div className="dt-header-title">{t("app.name")}</div>
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <NotificationBell />
          <Tooltip
            title={grantsDetail.length > 0 ? grantsDetail.map((g) => <div key={g}>{g}</div>) : rolesText}
          >
            <div style={{ display: "flex", alignItems: "center", gap: 10 }} data-testid="current-user">
              <div className="dt-user">
                <span className="dt-user-name">{user.fullName}</span>
                <span className="dt-user-roles">{rolesText}</span>
              </div>
              <Avatar style={{ background: "#1d4f91", flex: "none" }}>{initials(user.fullName)}</Avatar>
            </div>
          </Tooltip>
          <Button
            icon={<LogoutOutlined />}
            onClick={async () => {
              await logout();
              navigate("/login", { replace: true });
            }}
          >
            {t("header.logout")}
          </Button>
        </header>
        <Layout.Content className="dt-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageSpinner />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
