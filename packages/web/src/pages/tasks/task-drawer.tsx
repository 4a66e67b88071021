import "../../i18n/plans-messages.ts";
import { PaperClipOutlined } from "@ant-design/icons";
import type { TTaskComment, TTaskDetail } from "@dtplan/contracts/tasks.ts";
import { reportNoteIn } from "@dtplan/domain/reporting/period-label.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Segmented,
  Slider,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { invalidate, loadError, queryClient } from "../../api/query.ts";
import { tasksApi, tasksQueries } from "../../api/tasks.ts";
import { EvidenceUploadButton } from "../../components/evidence-upload-button.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useEvidenceUpload } from "../../lib/use-evidence-upload.ts";
import { TaskStatusTag } from "../plans/plan-tags.tsx";
import { pillarLabel } from "../plans/review-model.ts";

interface Props {
  taskId: string | null;
  onClose: () => void;
}

/** Chi tiết nhiệm vụ: status, progress, directions, comments, evidence, history — and the actions `can` allows. */
export function TaskDrawer({ taskId, onClose }: Props) {
  const { t, lang } = useI18n();
  const loaded = useQuery({ ...tasksQueries.task(taskId ?? ""), enabled: taskId !== null });
  const task = loaded.data && loaded.data.id === taskId ? loaded.data : null;
  // A write changes this task and the lists it appears in (việc của tôi).
  const changed = () => void invalidate("tasks");

  return (
    <Drawer
      open={taskId !== null}
      onClose={onClose}
      size={720}
      title={t("task.title")}
      destroyOnHidden
      data-testid="task-drawer"
    >
      {loaded.error && <Alert type="error" showIcon title={loadError(loaded)} />}
      {!task && !loaded.error && <Spin />}
      {task && (
        <>
          <Typography.Paragraph strong style={{ fontSize: 15 }}>
            {task.text}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("task.status")}>
              <TaskStatusTag status={task.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t("task.progress")}>
              <Progress percent={task.progress ?? 0} size="small" style={{ minWidth: 140 }} />
            </Descriptions.Item>
            <Descriptions.Item label={t("task.plan")} span="filled">
              <Link to={`/plans/${task.plan.code}`}>{task.plan.title}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("task.lead")}>
              {task.lead.unit?.name ?? task.lead.text}
            </Descriptions.Item>
            <Descriptions.Item label={t("task.deadline")}>
              {task.recurring
                ? t("review.recurring")
                : task.deadline?.date
                  ? formatDate(task.deadline.date)
                  : (task.deadline?.text ?? t("common.notSet"))}
            </Descriptions.Item>
            <Descriptions.Item label={t("task.coordinators")} span="filled">
              {task.coordinators.length === 0
                ? "—"
                : task.coordinators.map((c) => <Tag key={c.text}>{c.unit?.name ?? c.text}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t("item.pillar")} span="filled">
              {pillarLabel(task.pillar, lang)}
            </Descriptions.Item>
          </Descriptions>
          {task.directions.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("task.directions")}
              description={<CommentList items={task.directions} />}
              data-testid="task-directions"
            />
          )}
          <Tabs
            // Who cannot update the progress (a leader, a coordinating unit) opens on the
            // comments and directions, where they act.
            defaultActiveKey={task.can.updateProgress ? "progress" : "comments"}
            items={[
              {
                key: "progress",
                label: t("task.tab.progress"),
                children: (
                  <ProgressTab
                    task={task}
                    onSaved={(next) => {
                      queryClient.setQueryData(tasksQueries.task(next.id).queryKey, next);
                      changed();
                    }}
                    onReload={() => void loaded.refetch()}
                  />
                ),
              },
              {
                key: "comments",
                // Directions are written here too: they count with the comments.
                label: `${t("task.tab.comments")} (${task.comments.length + task.directions.length})`,
                children: (
                  <CommentsTab
                    task={task}
                    onAdded={() => {
                      changed();
                    }}
                  />
                ),
              },
              {
                key: "evidence",
                label: `${t("task.tab.evidence")} (${task.evidence.length})`,
                children: <EvidenceTab task={task} onAdded={changed} />,
              },
              {
                key: "history",
                label: t("task.tab.history"),
                children:
                  task.history.length === 0 ? (
                    <Empty description={t("task.noHistory")} />
                  ) : (
                    <Timeline
                      items={task.history.map((h) => ({
                        key: h.id,
                        content: (
                          <>
                            <div>{h.summary}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {formatDateTime(h.at)}
                              {h.actor ? ` · ${h.actor.name}` : ""}
                            </Typography.Text>
                          </>
                        ),
                      }))}
                    />
                  ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** Comments in order; a leader's direction says so. */
function CommentList({ items }: { items: TTaskComment[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(c) => (
        <List.Item style={{ paddingInline: 0 }}>
          <div>
            {c.kind === "direction" && <Tag color="orange">{t("task.kind.direction")}</Tag>}
            <div style={{ whiteSpace: "pre-wrap" }}>{c.body}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.author?.name ?? ""} · {formatDateTime(c.at)}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

function ProgressTab({
  task,
  onSaved,
  onReload,
}: {
  task: TTaskDetail;
  onSaved: (next: TTaskDetail) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<number>(task.progress ?? 0);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  useEffect(() => setProgress(task.progress ?? 0), [task.progress]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const next = await tasksApi.updateProgress(task.id, {
        progress,
        note: note.trim() || undefined,
        lastUpdateId: task.lastUpdateId,
      });
      setNote("");
      onSaved(next);
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setError({ message: conflict ? t("task.conflict") : errorMessage(err), conflict });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {task.can.updateProgress ? (
        <Form layout="vertical" onFinish={save} data-testid="task-progress-form">
          <Form.Item label={t("task.newProgress")}>
            {/* The slider gives way on a phone so the figure stays on screen. */}
            <div style={{ display: "flex", alignItems: "center", gap: 8, maxWidth: 440 }}>
              <Slider
                min={0}
                max={100}
                value={progress}
                onChange={setProgress}
                style={{ flex: 1, minWidth: 0 }}
              />
              <InputNumber
                min={0}
                max={100}
                value={progress}
                onChange={(v) => setProgress(Math.max(0, Math.min(100, Math.round(v ?? 0))))}
                suffix="%"
                aria-label={t("task.newProgress")}
              />
            </div>
          </Form.Item>
          <Form.Item label={t("task.note")}>
            <Input.TextArea
              aria-label={t("task.note")}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={5000}
            />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={error.message}
              action={
                error.conflict ? (
                  <Button
                    size="small"
                    onClick={() => {
                      setError(null);
                      onReload();
                    }}
                  >
                    {t("task.reload")}
                  </Button>
                ) : undefined
              }
              data-testid="task-progress-error"
            />
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("task.saveProgress")}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">{t("task.readOnly")}</Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t("task.updates")}
      </Typography.Title>
      {task.updates.length === 0 ? (
        <Empty description={t("task.noUpdates")} />
      ) : (
        <List
          size="small"
          dataSource={task.updates}
          renderItem={(u) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div>
                <div>
                  <b>
                    {u.progressBefore === null ? "" : `${formatNumber(u.progressBefore, lang)}% → `}
                    {formatNumber(u.progress, lang)}%
                  </b>
                  {u.note ? ` — ${reportNoteIn(u.note, lang)}` : ""}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {u.actor?.name ?? ""} · {formatDateTime(u.at)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function CommentsTab({ task, onAdded }: { task: TTaskDetail; onAdded: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<"comment" | "direction">("comment");
  const [body, setBody] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canWrite = task.can.comment || task.can.direct;
  const effectiveKind =
    task.can.direct && (kind === "direction" || !task.can.comment) ? "direction" : "comment";

  const send = async () => {
    if (!body.trim()) {
      setError(t("task.bodyRequired"));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await tasksApi.comment(task.id, { kind: effectiveKind, body: body.trim() });
      setBody("");
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 16 }}>
          {task.can.comment && task.can.direct && (
            <Segmented
              style={{ marginBottom: 8 }}
              value={kind}
              onChange={(v) => setKind(v as "comment" | "direction")}
              options={[
                { value: "comment", label: t("task.kind.comment") },
                { value: "direction", label: t("task.kind.direction") },
              ]}
            />
          )}
          <Form.Item validateStatus={error ? "error" : undefined} help={error ?? undefined}>
            <Input.TextArea
              aria-label={t("task.tab.comments")}
              rows={3}
              value={body}
              maxLength={5000}
              onChange={(e) => setBody(e.target.value)}
              placeholder={
                effectiveKind === "direction" ? t("task.directionPlaceholder") : t("task.commentPlaceholder")
              }
            />
          </Form.Item>
          <Button type="primary" onClick={send} loading={saving}>
            {effectiveKind === "direction" ? t("task.sendDirection") : t("task.sendComment")}
          </Button>
        </div>
      )}
      {task.comments.length + task.directions.length === 0 ? (
        <Empty description={t("task.noComments")} />
      ) : (
        <CommentList
          items={[...task.directions, ...task.comments].sort((a, b) => a.at.localeCompare(b.at))}
        />
      )}
    </>
  );
}

function EvidenceTab({ task, onAdded }: { task: TTaskDetail; onAdded: () => void }) {
  const { t, lang } = useI18n();
  const { upload, percent, error } = useEvidenceUpload(
    (file, onProgress) => tasksApi.attachEvidence(task.id, file, onProgress),
    () => onAdded(),
  );

  return (
    <>
      {task.can.attachEvidence && (
        <div style={{ marginBottom: 16 }}>
          <EvidenceUploadButton upload={upload} busy={percent !== null} label={t("task.attach")} />
          {percent !== null && <Progress percent={percent} size="small" />}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
        </div>
      )}
      {task.evidence.length === 0 ? (
        <Empty description={t("task.noEvidence")} />
      ) : (
        <List
          size="small"
          dataSource={task.evidence}
          renderItem={(f) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div>
                <a href={f.url} download={f.name}>
                  <PaperClipOutlined /> {f.name}
                </a>{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({formatNumber(f.size / 1024, lang, 0)} KB) · {f.uploadedBy?.name ?? ""} ·{" "}
                  {formatDateTime(f.at)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
