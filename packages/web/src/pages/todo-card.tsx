import { SettingOutlined } from "@ant-design/icons";
import type { TTodoItem } from "@dtplan/contracts/reminders.ts";
import { TODO_KINDS, type TodoKind } from "@dtplan/domain/reminders/notifications.ts";
import { useQuery } from "@tanstack/react-query";
import { Skeleton, Tag, Typography } from "antd";
import { Link } from "react-router";
import { inboxQueries } from "../api/inbox.ts";
import { useI18n } from "../i18n/i18n.tsx";
import "../i18n/inbox-messages.ts";
import { LoadError } from "../components/load-error.tsx";
import { Section } from "../components/section.tsx";
import { formatDate } from "../lib/format.ts";

const COLORS: Record<TodoKind, string> = {
  returned: "#cf1322",
  fill: "#1d4f91",
  approve: "#d48806",
  overdue: "#cf1322",
  direction: "#531dab",
  dti: "#08979c",
};

function TodoLine({ item }: { item: TTodoItem }) {
  const { t, period } = useI18n();
  // A report's title begins with its period, named here in the reader's language.
  const title =
    item.period && item.title.startsWith(item.period.label)
      ? `${period(item.period)}${item.title.slice(item.period.label.length)}`
      : item.title;
  return (
    <li className="dt-todo-item">
      <Link to={item.link} data-testid="todo-link">
        {title}
      </Link>
      <div className="dt-todo-meta">
        <Typography.Text type="secondary">
          {item.kind === "dti" ? t("inbox.dtiDetail") : item.detail}
        </Typography.Text>
        {item.due && (
          <Tag color={item.late ? "red" : "default"} style={{ marginInlineEnd: 0 }}>
            {t(item.late ? "inbox.late" : "inbox.due", { date: formatDate(item.due) })}
          </Tag>
        )}
      </div>
      {item.reason && (
        <div className="dt-todo-reason">
          {item.kind === "returned" ? t("inbox.reason", { reason: item.reason }) : item.reason}
        </div>
      )}
    </li>
  );
}

/**
 * Việc chờ tôi: what waits for the signed-in person, counted per kind, each item a link to
 * where to act. Part of the home, the first screen: no antd Card, List, Badge or Empty.
 */
export function TodoCard() {
  const { t } = useI18n();
  const todo = useQuery(inboxQueries.todo());
  const kinds = TODO_KINDS.filter((k) => (todo.data?.counts[k] ?? 0) > 0);
  return (
    <Section
      title={
        <span className="dt-todo-title">
          {t("inbox.title")}
          <Link to="/account/notifications" className="dt-todo-settings">
            <SettingOutlined /> {t("inbox.settingsLink")}
          </Link>
        </span>
      }
      testId="todo-card"
    >
      {todo.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {todo.error && <LoadError query={todo} />}
      {todo.data && kinds.length === 0 && (
        <Typography.Text type="secondary">{t("inbox.nothing")}</Typography.Text>
      )}
      {todo.data && kinds.length > 0 && (
        <>
          <div className="dt-todo-counts">
            {kinds.map((k) => (
              <a key={k} href={`#todo-${k}`} className="dt-todo-count" data-testid={`todo-count-${k}`}>
                <span className="dt-todo-bubble" style={{ background: COLORS[k] }}>
                  {todo.data.counts[k]}
                </span>
                <span>{t(`inbox.kind.${k}`)}</span>
              </a>
            ))}
          </div>
          {kinds.map((k) => {
            const items = todo.data.items.filter((i) => i.kind === k);
            const more = todo.data.counts[k] - items.length;
            return (
              <section key={k} id={`todo-${k}`} className="dt-todo-section" data-testid={`todo-${k}`}>
                <Typography.Title level={5} style={{ color: COLORS[k] }}>
                  {t(`inbox.kind.${k}`)} ({todo.data.counts[k]})
                </Typography.Title>
                <ul className="dt-todo-list">
                  {items.map((item) => (
                    <TodoLine key={`${item.link}:${item.title}`} item={item} />
                  ))}
                </ul>
                {more > 0 && (
                  <Typography.Text type="secondary">{t("inbox.more", { n: more })}</Typography.Text>
                )}
              </section>
            );
          })}
        </>
      )}
    </Section>
  );
}
