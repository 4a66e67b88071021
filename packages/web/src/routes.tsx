import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "./auth/session.tsx";
import { FullPageSpinner } from "./layout/full-page-spinner.tsx";

// Each page is its own chunk, the sign-in page too: the first screen carries only the
// shell and the page shown (the sign-in form's validation never weighs on the home page).
const LoginPage = lazy(() => import("./pages/login-page.tsx"));
// The signed-in shell (menu, drawer, header) is not the sign-in page's weight either; it
// starts loading while the session is still being checked.
const loadLayout = () => import("./layout/app-layout.tsx");
const AppLayout = lazy(loadLayout);
const DashboardPage = lazy(() => import("./pages/dashboard-page.tsx"));
const OrgPage = lazy(() => import("./pages/org/org-page.tsx"));
const UsersPage = lazy(() => import("./pages/users/users-page.tsx"));
const AuditPage = lazy(() => import("./pages/audit/audit-page.tsx"));
const BackupsPage = lazy(() => import("./pages/backups/backups-page.tsx"));
const PlansPage = lazy(() => import("./pages/plans/plans-page.tsx"));
const ReviewPage = lazy(() => import("./pages/plans/review-page.tsx"));
const PlanDetailPage = lazy(() => import("./pages/plans/plan-detail-page.tsx"));
const MyTasksPage = lazy(() => import("./pages/my-tasks/my-tasks-page.tsx"));
const IndicatorsPage = lazy(() => import("./pages/indicators/indicators-page.tsx"));
const PeriodsPage = lazy(() => import("./pages/reporting/periods-page.tsx"));
const ChasePage = lazy(() => import("./pages/reporting/chase-page.tsx"));
const ReportPage = lazy(() => import("./pages/reporting/report-page.tsx"));
const ReportsPage = lazy(() => import("./pages/consolidated/reports-page.tsx"));
const LeaderDashboardPage = lazy(() => import("./pages/dashboard/leader-dashboard-page.tsx"));
const ProvincePage = lazy(() => import("./pages/province/province-page.tsx"));
const PublicPage = lazy(() => import("./pages/public/public-page.tsx"));
const DtiPage = lazy(() => import("./pages/dti/dti-page.tsx"));
const DtiFrameworksPage = lazy(() => import("./pages/dti/frameworks-page.tsx"));
const DtiFrameworkPage = lazy(() => import("./pages/dti/framework-page.tsx"));
const DtiRoundPage = lazy(() => import("./pages/dti/round-page.tsx"));
const DtiAssessmentPage = lazy(() => import("./pages/dti/assessment-page.tsx"));
const NotificationsPage = lazy(() => import("./pages/account/notifications-page.tsx"));
const NotFoundPage = lazy(() => import("./pages/not-found-page.tsx"));

function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") {
    void loadLayout();
    return <FullPageSpinner />;
  }
  if (state.status === "anonymous") {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, expired: state.expired }}
      />
    );
  }
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <AppLayout />
    </Suspense>
  );
}

function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <FullPageSpinner />;
  if (state.status === "signed-in") {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== "/login" ? from : "/"} replace />;
  }
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <LoginPage />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: "/login", element: <LoginRoute /> },
  // Trang công khai: no session, its own plain layout.
  {
    path: "/cong-khai",
    element: (
      <Suspense fallback={<FullPageSpinner />}>
        <Outlet />
      </Suspense>
    ),
    children: [
      { index: true, element: <PublicPage /> },
      { path: "xep-hang-dti", element: <PublicPage dti /> },
      { path: "xep-hang-dti/:roundId", element: <PublicPage dti /> },
      { path: ":tenant/:code", element: <PublicPage /> },
    ],
  },
  {
    path: "/",
    element: <RequireSession />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: "plans", element: <PlansPage /> },
      { path: "plans/:code", element: <PlanDetailPage /> },
      { path: "plans/:code/review", element: <ReviewPage /> },
      { path: "my-tasks", element: <MyTasksPage /> },
      { path: "periods", element: <PeriodsPage /> },
      { path: "periods/:code/:key", element: <ChasePage /> },
      { path: "periods/:code/:key/units/:unitId", element: <ReportPage /> },
      { path: "reports", element: <ReportsPage /> },
      { path: "reports/:code/:key", element: <ReportsPage /> },
      { path: "dashboard", element: <LeaderDashboardPage /> },
      { path: "dashboard/:code", element: <LeaderDashboardPage /> },
      { path: "province", element: <ProvincePage /> },
      { path: "dti", element: <DtiPage /> },
      { path: "dti/frameworks", element: <DtiFrameworksPage /> },
      { path: "dti/frameworks/:id", element: <DtiFrameworkPage /> },
      { path: "dti/rounds/:id", element: <DtiRoundPage /> },
      { path: "dti/rounds/:id/units/:unitId", element: <DtiAssessmentPage /> },
      { path: "indicators", element: <IndicatorsPage /> },
      { path: "admin/org", element: <OrgPage /> },
      { path: "admin/users", element: <UsersPage /> },
      { path: "admin/audit", element: <AuditPage /> },
      { path: "admin/backups", element: <BackupsPage /> },
      { path: "account/notifications", element: <NotificationsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
