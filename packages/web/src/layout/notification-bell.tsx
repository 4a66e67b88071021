import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Popover, Spin } from "antd";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useLocation } from "react-router";
import { notificationQueries } from "../api/notifications.ts";
import { queryClient } from "../api/query.ts";
import { useT } from "../i18n/i18n.tsx";

// The list is fetched and rendered only when opened: the bell itself costs one tiny request.
const NotificationPanel = lazy(() => import("./notification-panel.tsx"));

/** Chuông thông báo: the unread count, polled every minute (TanStack Query) and on navigation. */
export function NotificationBell() {
  const t = useT();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const unreadQuery = useQuery(notificationQueries.unread());
  const unread = unreadQuery.data ?? 0;
  const { refetch } = unreadQuery;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const setUnread = useCallback(
    (n: number) => queryClient.setQueryData(notificationQueries.unread().queryKey, n),
    [],
  );

  // Moving to another screen is a reason to look again (a return may have arrived).
  // biome-ignore lint/correctness/useExhaustiveDependencies: navigation is the reason to refresh
  useEffect(refresh, [pathname, refresh]);

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      // Centred under the bell and shifted to stay on screen: "bottomRight" ran off a phone's left edge.
      placement="bottom"
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
