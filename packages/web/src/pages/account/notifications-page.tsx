import { CalendarOutlined, MailOutlined } from "@ant-design/icons";
import type { TNotificationSettings } from "@dtplan/contracts/reminders.ts";
import { NOTIFICATION_CHANNELS } from "@dtplan/domain/reminders/notifications.ts";
import { LANGUAGES } from "@dtplan/domain/text/format.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Popconfirm,
  Row,
  Segmented,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { inboxApi, inboxQueries } from "../../api/inbox.ts";
import { queryClient } from "../../api/query.ts";
import { LoadError } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import "../../i18n/inbox-messages.ts";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, type Lang } from "../../lib/format.ts";
import { useAction } from "../../lib/use-action.ts";

const store = (s: TNotificationSettings) => queryClient.setQueryData(inboxQueries.settings().queryKey, s);

function ChannelsCard({ settings }: { settings: TNotificationSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { saving, error, run } = useAction();
  const choose = (channel: (typeof NOTIFICATION_CHANNELS)[number], on: boolean) =>
    run(async () => {
      store(await inboxApi.choose({ channels: { [channel]: on } }));
      void message.success(t("account.saved"));
    });
  return (
    <Card title={t("account.channels")} style={{ height: "100%" }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical">
        {NOTIFICATION_CHANNELS.map((c) => (
          <Checkbox
            key={c}
            // Without an address no e-mail goes out, whatever was chosen.
            checked={settings.channels[c] && (c === "in_app" || Boolean(settings.email))}
            disabled={
              saving || (c !== "in_app" && !settings.email) || (c === "email" && settings.channels.digest)
            }
            onChange={(e) => void choose(c, e.target.checked)}
            data-testid={`channel-${c}`}
          >
            {t(`account.channel.${c}`)}
          </Checkbox>
        ))}
      </Space>
      <div style={{ marginTop: 12 }}>
        {settings.email ? (
          <Typography.Text type="secondary">
            <MailOutlined /> {t("account.emailTo", { email: settings.email })}
          </Typography.Text>
        ) : (
          <Alert type="warning" showIcon title={t("account.noEmail")} />
        )}
      </div>
      <div style={{ marginTop: 12 }}>
        <Typography.Text id="email-language">{t("account.emailLanguage")}</Typography.Text>{" "}
        <Segmented<Lang>
          aria-labelledby="email-language"
          size="small"
          disabled={saving}
          value={settings.language}
          onChange={(language) =>
            void run(async () => {
              store(await inboxApi.choose({ language }));
              void message.success(t("account.saved"));
            })
          }
          options={LANGUAGES.map((l) => ({ value: l, label: t(`app.lang.${l}`) }))}
          data-testid="email-language"
        />
      </div>
    </Card>
  );
}

function CalendarCard({ settings }: { settings: TNotificationSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { saving, error, run } = useAction();
  const [url, setUrl] = useState<string | null>(null);
  const renew = () =>
    run(async () => {
      const feed = await inboxApi.renewCalendar();
      setUrl(feed.url);
      store({ ...settings, calendar: { active: true, createdAt: feed.createdAt } });
    });
  const revoke = () =>
    run(async () => {
      await inboxApi.revokeCalendar();
      setUrl(null);
      store({ ...settings, calendar: { active: false, createdAt: null } });
      void message.success(t("account.calendar.revoked"));
    });
  const { calendar } = settings;
  return (
    <Card
      title={
        <>
          <CalendarOutlined /> {t("account.calendar")}
        </>
      }
      style={{ height: "100%" }}
    >
      <Typography.Paragraph type="secondary">{t("account.calendar.help")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        {calendar.active && calendar.createdAt
          ? t("account.calendar.active", { date: formatDate(calendar.createdAt.slice(0, 10)) })
          : t("account.calendar.none")}
      </Typography.Paragraph>
      {url && (
        <Alert
          type="success"
          showIcon
          title={t("account.calendar.copy")}
          description={
            <Typography.Text copyable code style={{ wordBreak: "break-all" }} data-testid="calendar-url">
              {url}
            </Typography.Text>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Space wrap>
        <Button type="primary" loading={saving} onClick={() => void renew()} data-testid="calendar-renew">
          {calendar.active ? t("account.calendar.renew") : t("account.calendar.create")}
        </Button>
        {calendar.active && (
          <Popconfirm title={t("account.calendar.revoke")} onConfirm={() => void revoke()}>
            <Button danger disabled={saving}>
              {t("account.calendar.revoke")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

/** Tài khoản / Thông báo: the person's own channels and private deadline calendar. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const settings = useQuery(inboxQueries.settings());
  return (
    <>
      <PageHeader title={t("account.notifications.title")} subtitle={t("account.notifications.subtitle")} />
      {settings.isPending && <Skeleton active />}
      <LoadError query={settings} />
      {settings.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <ChannelsCard settings={settings.data} />
          </Col>
          <Col xs={24} lg={12}>
            <CalendarCard settings={settings.data} />
          </Col>
        </Row>
      )}
    </>
  );
}
