import type { TNotification, TNotificationList } from "@dtplan/contracts/reminders.ts";
import { Alert, Button, Empty, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../api/client.ts";
import { notificationsApi } from "../api/notifications.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { relativeTime } from "../lib/relative-time.ts";

/** The bell's list, newest first (lazy: loaded when the bell is opened). */
export default function NotificationPanel({
  onUnread,
  onDone,
}: {
  onUnread: (n: number) => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [list, setList] = useState<TNotificationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the server words each notice in both languages: read again on a switch
  useEffect(() => {
    let cancelled = false;
    notificationsApi
      .list(30)
      .then((r) => {
        if (cancelled) return;
        setList(r);
        onUnread(r.unread);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(errorMessage(err));
      });
    return () => {
      cancelled = true;
    };
  }, [onUnread, lang]);

  const open = async (n: TNotification) => {
    try {
      if (!n.readAt) await notificationsApi.read(n.id);
    } catch {
      // Reading the notice matters more than its read mark.
    }
    onDone();
    if (n.link) navigate(n.link);
  };

  const readAll = async () => {
    setBusy(true);
    try {
      await notificationsApi.readAll();
      const now = new Date().toISOString();
      setList((l) => l && { unread: 0, items: l.items.map((i) => ({ ...i, readAt: i.readAt ?? now })) });
      onUnread(0);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const now = new Date();
  return (
    <div style={{ width: 360, maxWidth: "calc(100vw - 32px)" }} data-testid="notification-panel">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {!list && !error && <Spin size="small" style={{ display: "block", margin: 16 }} />}
      {list && list.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      )}
      {list && list.items.length > 0 && (
        <>
          <ul className="dt-notifications">
            {list.items.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={n.readAt ? "dt-notification" : "dt-notification dt-notification-unread"}
                  onClick={() => void open(n)}
                  data-testid="notification-item"
                >
                  <span className="dt-notification-title">{n.title}</span>
                  <span className="dt-notification-body">{n.body}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {relativeTime(n.createdAt, now, lang)}
                  </Typography.Text>
                </button>
              </li>
            ))}
          </ul>
          <div style={{ textAlign: "right", marginTop: 8 }}>
            <Button size="small" type="link" onClick={readAll} loading={busy} disabled={list.unread === 0}>
              {t("notifications.markAllRead")}
            </Button>
          </div>
        </>
      )}
      <div style={{ textAlign: "right" }}>
        <Button
          size="small"
          type="link"
          onClick={() => {
            onDone();
            navigate("/account/notifications");
          }}
        >
          {t("notifications.settings")}
        </Button>
      </div>
    </div>
  );
}
