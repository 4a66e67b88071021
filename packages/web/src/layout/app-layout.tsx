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
  MenuOutlined,
  ProfileOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import { ROLE_LABELS } from "@dtplan/domain/access/roles.ts";
import { Avatar, Button, Drawer, Layout, Menu, type MenuProps, Popover, Tooltip } from "antd";
import { Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { userCanProvince, useSession, useUser } from "../auth/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";
import { useWideScreen } from "../lib/use-wide-screen.ts";
import { ChangePasswordButton } from "./change-password.tsx";
import { ClosedGrantsBanner } from "./closed-grants-banner.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import { FullPageSpinner } from "./full-page-spinner.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { SearchButton } from "./search-button.tsx";

interface NavItem {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  needs?: Permission;
  /** Needs the permission over a whole province (the top-level unit), as the server checks. */
  wholeProvince?: Permission;
  /** Only for superadministrators (the whole installation). */
  superadmin?: boolean;
}

const MAIN_NAV: NavItem[] = [
  { path: "/", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { path: "/dashboard", label: "nav.leaderDashboard", icon: <FundOutlined /> },
  { path: "/province", label: "nav.province", icon: <GlobalOutlined />, wholeProvince: "dashboard.read" },
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

export default function AppLayout() {
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
    ...MAIN_NAV.filter(
      (item) =>
        (!item.needs || can(item.needs)) &&
        (!item.wholeProvince || userCanProvince(user, item.wholeProvince)),
    ).map(toItem),
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

  // Below 768 px (phones) the menu is a drawer and the header keeps only icons;
  // the name, roles and sign-out move into the avatar's popover.
  const phone = !useWideScreen();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const signOut = async () => {
    await logout();
    navigate("/login", { replace: true });
  };
  const menu = (
    <nav aria-label={t("app.name")}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[selected]}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(key);
        }}
        style={{ borderInlineEnd: "none", paddingTop: 8 }}
      />
    </nav>
  );
  const brand = (
    <div className="dt-sider-brand">
      <span className="dt-brand-mark" aria-hidden>
        d
      </span>
      {!collapsed && <span>{t("app.shortName")}</span>}
    </div>
  );
  const avatar = <Avatar style={{ background: "#1d4f91", flex: "none" }}>{initials(user.fullName)}</Avatar>;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          closable={false}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
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
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <header className={phone ? "dt-header dt-header-phone" : "dt-header"}>
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined style={{ fontSize: 18 }} />}
              aria-label={t("nav.open")}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-open"
            />
          )}
          <div className="dt-header-title">{phone ? t("app.shortName") : t("app.name")}</div>
          <div style={{ flex: 1 }} />
          <SearchButton compact={phone} />
          <LanguageSwitch />
          <NotificationBell />
          {phone ? (
            <Popover
              trigger="click"
              placement="bottomRight"
              content={
                <div className="dt-user-popover">
                  <div className="dt-user-name">{user.fullName}</div>
                  {grantsDetail.length > 0 ? (
                    grantsDetail.map((g) => (
                      <div key={g} className="dt-user-roles-full">
                        {g}
                      </div>
                    ))
                  ) : (
                    <div className="dt-user-roles-full">{rolesText}</div>
                  )}
                  <div style={{ marginTop: 8 }}>
                    <ChangePasswordButton block />
                  </div>
                  <Button icon={<LogoutOutlined />} onClick={signOut} block style={{ marginTop: 8 }}>
                    {t("header.logout")}
                  </Button>
                </div>
              }
            >
              <Button
                type="text"
                shape="circle"
                style={{ padding: 0 }}
                aria-label={user.fullName}
                data-testid="current-user"
              >
                {avatar}
              </Button>
            </Popover>
          ) : (
            <>
              <Tooltip
                title={grantsDetail.length > 0 ? grantsDetail.map((g) => <div key={g}>{g}</div>) : rolesText}
              >
                <div
                  style={{ display: "flex", alignItems: "center", gap: 10, minWidth: 0 }}
                  data-testid="current-user"
                >
                  <div className="dt-user">
                    <span className="dt-user-name">{user.fullName}</span>
                    <span className="dt-user-roles">{rolesText}</span>
                  </div>
                  {avatar}
                </div>
              </Tooltip>
              <ChangePasswordButton iconOnly />
              <Button icon={<LogoutOutlined />} onClick={signOut}>
                {t("header.logout")}
              </Button>
            </>
          )}
        </header>
        <Layout.Content className="dt-content">
          <ClosedGrantsBanner />
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
