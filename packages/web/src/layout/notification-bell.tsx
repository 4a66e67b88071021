import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Popover, Spin } from "antd";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useLocation } from "react-router";
import { notificationsApi } from "../api/notifications.ts";
import { useT } from "../i18n/i18n.tsx";

const POLL_MS = 60_000;
// The list is fetched and rendered only when opened: the bell itself costs one tiny request.
const NotificationPanel = lazy(() => import("./notification-panel.tsx"));

/** Chuông thông báo: the unread count, polled every minute and on navigation. */
export function NotificationBell() {
  const t = useT();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    notificationsApi
      .list(1)
      .then((r) => setUnread(r.unread))
      .catch(() => {
        // A missed poll is not worth an error on every screen; the next one retries.
      });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: navigation is the reason to refresh
  useEffect(refresh, [pathname, refresh]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t("notifications.title")}
      destroyOnHidden
      content={
        <Suspense fallback={<Spin size="small" style={{ display: "block", margin: 16 }} />}>
          <NotificationPanel
            onUnread={setUnread}
            onDone={() => {
              setOpen(false);
              refresh();
            }}
          />
        </Suspense>
      }
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t("notifications.bell", { n: unread })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
