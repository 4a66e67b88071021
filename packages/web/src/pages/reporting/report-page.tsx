import "../../i18n/reporting-messages.ts";
import {
  ArrowLeftOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import type { TReportTask, TReportValue, TUnitReport } from "@dtplan/contracts/reporting.ts";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Radio,
  Slider,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import dayjs from "dayjs";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { type ReportRef, reportingApi } from "../../api/reporting.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/use-load.ts";
import { goalText } from "../plans/review-model.ts";
import { type ExcelErrorRow, excelErrorRows } from "./excel-errors.ts";
import {
  type DraftPart,
  draftFromReport,
  type FormErrors,
  isRatio,
  type ReportDraft,
  ratioPercent,
  savePayload,
  validateDraft,
} from "./report-model.ts";
import { ReportStatusTag, TimelinessTag } from "./report-tags.tsx";

const AUTOSAVE_MS = 1200;
// `POST …/reports/:unitId/evidence` stores the file; the draft's autosave then references it (`evidenceFileIds`).
const REPORT_EVIDENCE_UPLOAD = true;

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "dirty" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

/** Báo cáo của đơn vị: the unit's report for one period, autosaved as a draft, then submitted and reviewed. */
export default function ReportPage() {
  const { code = "", key = "", unitId = "" } = useParams();
  const ref: ReportRef = { code, periodKey: key, unitId };
  const loaded = useLoad(() => reportingApi.report({ code, periodKey: key, unitId }), [code, key, unitId]);
  if (loaded.error && !loaded.data) return <Alert type="error" showIcon title={loaded.error} />;
  if (!loaded.data) return <Spin style={{ display: "block", marginTop: 64 }} />;
  return (
    <ReportForm
      key={`${loaded.data.id}:${loaded.data.version}`}
      initial={loaded.data}
      reportRef={ref}
      reload={loaded.reload}
    />
  );
}

function ReportForm({
  initial,
  reportRef,
  reload,
}: {
  initial: TUnitReport;
  reportRef: ReportRef;
  reload: () => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [report, setReport] = useState(initial);
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(initial));
  const [showRequired, setShowRequired] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [editTick, setEditTick] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const errors: FormErrors = useMemo(
    () => validateDraft(report, draft, showRequired),
    [report, draft, showRequired],
  );
  const history = useLoad(() => reportingApi.history(reportRef), [report.status, report.version]);

  // What changed since the last save, with a counter per part so an edit made
  // while a save is in flight is not marked saved by that save's answer.
  const dirty = useRef(new Map<DraftPart, number>());
  const version = useRef(initial.version);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saving = useRef<Promise<boolean> | null>(null);
  const conflict = save.kind === "conflict";
  const editable = report.can.edit && !report.locked && !conflict;

  const edit = (part: DraftPart, change: (d: ReportDraft) => ReportDraft) => {
    setDraft(change);
    dirty.current.set(part, (dirty.current.get(part) ?? 0) + 1);
    setSave((prev) => (prev.kind === "conflict" || prev.kind === "saving" ? prev : { kind: "dirty" }));
    setEditTick((n) => n + 1);
  };

  /** Saves what is dirty and valid; resolves false on a failure (conflict included). */
  const flush = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    const current = draftRef.current;
    const errs = validateDraft(report, current, false);
    const payload = savePayload(version.current, current, new Set(dirty.current.keys()), errs);
    if (!payload) return true;
    const generations = new Map(payload.sent.map((p) => [p, dirty.current.get(p)]));
    setSave({ kind: "saving" });
    const run = (async () => {
      try {
        const next = await reportingApi.save(reportRef, payload.body);
        version.current = next.version;
        for (const [part, gen] of generations) {
          if (dirty.current.get(part) === gen) dirty.current.delete(part);
        }
        setReport(next);
        setSave(dirty.current.size > 0 ? { kind: "dirty" } : { kind: "saved", at: dayjs().format("HH:mm") });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409)
          setSave({ kind: "conflict", message: err.message });
        else setSave({ kind: "error", message: errorMessage(err) });
        return false;
      } finally {
        saving.current = null;
      }
    })();
    saving.current = run;
    return run;
  }, [report, reportRef]);

  // Debounced autosave after each edit.
  useEffect(() => {
    if (editTick === 0 || conflict || !report.can.edit) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [editTick, conflict, report.can.edit, flush]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  const afterAction = (next: TUnitReport, done: MessageKey) => {
    version.current = next.version;
    dirty.current.clear();
    setReport(next);
    setDraft(draftFromReport(next));
    setShowRequired(false);
    setSave({ kind: "idle" });
    message.success(t(done));
  };

  const act = async (name: string, run: () => Promise<TUnitReport>, done: MessageKey) => {
    setBusy(name);
    try {
      afterAction(await run(), done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setSave({ kind: "conflict", message: err.message });
      else modal.error({ title: errorMessage(err), content: detailsList(err) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const submit = () => {
    const errs = validateDraft(report, draft, true);
    setShowRequired(true);
    if (Object.keys(errs).length > 0) {
      message.error(t("report.submitInvalid"));
      const first = Object.keys(errs)[0];
      document.querySelector(`[data-field="${CSS.escape(first)}"]`)?.scrollIntoView({ block: "center" });
      return;
    }
    modal.confirm({
      title: t("report.submitConfirmTitle", { period: report.period.label }),
      content: t("report.submitConfirm"),
      okText: t("report.submit"),
      cancelText: t("report.cancel"),
      onOk: async () => {
        if (!(await flush())) return;
        await act("submit", () => reportingApi.submit(reportRef, version.current), "report.submitted");
      },
    });
  };

  const approve = () =>
    modal.confirm({
      title: t("report.approveConfirm", { unit: report.unit.name }),
      okText: t("report.approve"),
      cancelText: t("report.cancel"),
      onOk: () => act("approve", () => reportingApi.approve(reportRef, version.current), "report.approved"),
    });

  const [commentModal, setCommentModal] = useState<"return" | "reopen" | null>(null);
  const [excelErrors, setExcelErrors] = useState<{ title: string; rows: ExcelErrorRow[] } | null>(null);

  const downloadExcel = async (event: React.MouseEvent) => {
    // The form should carry what was just typed: save it first.
    if (dirty.current.size === 0) return;
    event.preventDefault();
    if (await flush()) window.location.assign(reportingApi.excelUrl(reportRef));
  };

  const importExcel = async (file: File) => {
    if (!(await flush())) return;
    setBusy("excel");
    try {
      await reportingApi.importExcel(reportRef, file);
      dirty.current.clear();
      message.success(t("report.excel.imported"));
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setSave({ kind: "conflict", message: err.message });
      else if (err instanceof ApiError && err.status === 400 && err.details.length > 0)
        setExcelErrors({ title: err.message, rows: excelErrorRows(err.details) });
      else modal.error({ title: errorMessage(err), content: detailsList(err) });
    } finally {
      setBusy(null);
    }
  };

  const statusLine = (() => {
    if (!report.can.edit || report.locked) return null;
    switch (save.kind) {
      case "saving":
        return <Typography.Text type="secondary">{t("report.saving")}</Typography.Text>;
      case "saved":
        return (
          <Typography.Text type="success" data-testid="save-status">
            {t("report.savedAt", { time: save.at })}
          </Typography.Text>
        );
      case "error":
        return (
          <Typography.Text type="danger">{t("report.saveFailed", { message: save.message })}</Typography.Text>
        );
      case "dirty":
        return Object.keys(errors).length > 0 ? (
          <Typography.Text type="danger">{t("report.invalidPending")}</Typography.Text>
        ) : (
          <Typography.Text type="warning">{t("report.unsaved")}</Typography.Text>
        );
      default:
        return null;
    }
  })();

  const fieldError = (path: string) => {
    const e = errors[path];
    return e ? { validateStatus: "error" as const, help: t(e) } : {};
  };

  const backToChase = report.can.review;

  return (
    <div data-testid="report-page" className={editable ? undefined : "dt-report-readonly"}>
      <Space style={{ marginBottom: 8 }}>
        <Link
          to={
            backToChase
              ? `/periods/${reportRef.code}/${reportRef.periodKey}`
              : `/periods?plan=${reportRef.code}`
          }
        >
          <ArrowLeftOutlined /> {backToChase ? t("report.back") : t("report.backPeriods")}
        </Link>
      </Space>
      <div className="dt-report-sticky">
        <PageHeader
          title={`${t("report.title")}: ${report.unit.name}`}
          subtitle={`${report.period.label} · ${report.plan.title}`}
          extra={
            <Space wrap>
              {statusLine}
              {editable && (
                <>
                  <Button
                    icon={<DownloadOutlined />}
                    href={reportingApi.excelUrl(reportRef)}
                    onClick={downloadExcel}
                    data-testid="excel-download"
                  >
                    {t("report.excel.download")}
                  </Button>
                  <Upload
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void importExcel(file);
                      return false;
                    }}
                  >
                    <Button
                      icon={<FileExcelOutlined />}
                      loading={busy === "excel"}
                      data-testid="excel-import"
                    >
                      {t("report.excel.import")}
                    </Button>
                  </Upload>
                </>
              )}
              {report.can.submit && (
                <Button type="primary" onClick={submit} loading={busy === "submit"} disabled={conflict}>
                  {t("report.submit")}
                </Button>
              )}
              {report.can.review && report.status === "submitted" && (
                <>
                  <Button danger onClick={() => setCommentModal("return")} disabled={conflict}>
                    {t("report.return")}
                  </Button>
                  <Button type="primary" onClick={approve} loading={busy === "approve"} disabled={conflict}>
                    {t("report.approve")}
                  </Button>
                </>
              )}
              {report.can.reopen && report.status === "approved" && (
                <Button onClick={() => setCommentModal("reopen")}>{t("report.reopen")}</Button>
              )}
            </Space>
          }
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <ReportStatusTag status={report.status} />
          <TimelinessTag timeliness={report.timeliness} />
          <Typography.Text type="secondary">
            {t("report.dataRange", {
              start: formatDate(report.period.start),
              end: formatDate(report.period.end),
              due: formatDate(report.period.dueDate),
            })}
          </Typography.Text>
        </Space>
      </div>

      {save.kind === "conflict" && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.conflict")}
          description={
            <>
              <div>{save.message}</div>
              <div>{t("report.conflictHint")}</div>
            </>
          }
          action={
            <Button danger onClick={reload}>
              {t("report.conflictAction")}
            </Button>
          }
          data-testid="report-conflict"
        />
      )}
      {report.status === "returned" && report.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.returnedBanner")}
          description={
            <>
              <div style={{ whiteSpace: "pre-wrap" }} data-testid="return-comment">
                {report.returnComment}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("report.returnedBy", {
                  by: report.reviewedBy?.name ?? "",
                  at: formatDateTime(report.reviewedAt),
                })}
              </Typography.Text>
            </>
          }
        />
      )}
      {report.locked && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.locked", {
            at: formatDateTime(report.reviewedAt),
            by: report.reviewedBy?.name ?? "",
          })}
          data-testid="report-locked"
        />
      )}
      {!report.locked && report.status === "submitted" && !report.can.edit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.readOnlySubmitted", { at: formatDateTime(report.submittedAt) })}
        />
      )}

      <Form layout="vertical" component="div" disabled={!editable}>
        <Card title={t("report.section.tasks")} style={{ marginBottom: 12 }} data-testid="report-tasks">
          {report.tasks.length === 0 && <Empty description={t("report.noTasks")} />}
          {report.tasks.map((task, i) => (
            <TaskRow
              key={task.key}
              index={i + 1}
              task={task}
              draft={draft.tasks[task.key]}
              progressError={fieldError(`task:${task.key}.progress`)}
              editable={editable}
              onChange={(patch) =>
                edit(`task:${task.key}`, (d) => ({
                  ...d,
                  tasks: { ...d.tasks, [task.key]: { ...d.tasks[task.key], ...patch } },
                }))
              }
            />
          ))}
        </Card>

        <Card title={t("report.section.values")} style={{ marginBottom: 12 }} data-testid="report-values">
          {report.values.length === 0 && <Empty description={t("report.noValues")} />}
          {report.values.map((v, i) => (
            <ValueRow
              key={v.targetKey}
              index={i + 1}
              value={v}
              draft={draft.values[v.targetKey]}
              reportRef={reportRef}
              editable={editable}
              fieldError={(f) => fieldError(`value:${v.targetKey}.${f}`)}
              onChange={(patch) =>
                edit(`value:${v.targetKey}`, (d) => ({
                  ...d,
                  values: { ...d.values, [v.targetKey]: { ...d.values[v.targetKey], ...patch } },
                }))
              }
            />
          ))}
        </Card>

        <Card title={t("report.section.difficulties")} style={{ marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t("report.section.difficulties")}
            rows={4}
            maxLength={20_000}
            placeholder={editable ? t("report.difficultiesPlaceholder") : undefined}
            value={draft.difficulties}
            onChange={(e) => edit("difficulties", (d) => ({ ...d, difficulties: e.target.value }))}
          />
        </Card>
        <Card title={t("report.section.proposals")} style={{ marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t("report.section.proposals")}
            rows={4}
            maxLength={20_000}
            placeholder={editable ? t("report.proposalsPlaceholder") : undefined}
            value={draft.proposals}
            onChange={(e) => edit("proposals", (d) => ({ ...d, proposals: e.target.value }))}
          />
        </Card>
      </Form>

      <Card title={t("report.section.history")} data-testid="report-history">
        {(history.data?.events ?? []).length === 0 ? (
          <Empty description={t("report.noHistory")} />
        ) : (
          <Timeline
            items={(history.data?.events ?? []).map((e) => ({
              key: e.id,
              color: e.action === "returned" ? "orange" : e.action === "approved" ? "green" : "blue",
              content: (
                <>
                  <div>
                    <b>{e.summary}</b>
                  </div>
                  {e.comment && !e.summary.includes(e.comment) && (
                    <div style={{ whiteSpace: "pre-wrap" }}>{e.comment}</div>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                    {e.actor ? ` · ${e.actor.name}` : ""}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Card>

      <Modal
        open={excelErrors !== null}
        title={t("report.excel.errorsTitle", { n: excelErrors?.rows.length ?? 0 })}
        width={760}
        onCancel={() => setExcelErrors(null)}
        footer={<Button onClick={() => setExcelErrors(null)}>{t("common.close")}</Button>}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {excelErrors?.title} {t("report.excel.errorsHint")}
        </Typography.Paragraph>
        <Table<ExcelErrorRow>
          size="small"
          rowKey="key"
          dataSource={excelErrors?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ y: 400 }}
          data-testid="excel-errors"
          columns={[
            { title: t("report.excel.col.sheet"), dataIndex: "sheet", width: 180 },
            {
              title: t("report.excel.col.cell"),
              key: "cell",
              width: 90,
              render: (_: unknown, r) => r.cell ?? (r.row ? t("report.excel.row", { n: r.row }) : "—"),
            },
            { title: t("report.excel.col.message"), dataIndex: "message" },
          ]}
        />
      </Modal>

      <CommentModal
        open={commentModal !== null}
        title={commentModal === "reopen" ? t("report.reopenTitle") : t("report.returnTitle")}
        label={commentModal === "reopen" ? t("report.reopenReason") : t("report.returnComment")}
        requiredMessage={commentModal === "reopen" ? t("report.reopenRequired") : t("report.returnRequired")}
        okText={commentModal === "reopen" ? t("report.reopen") : t("report.return")}
        danger={commentModal === "return"}
        onCancel={() => setCommentModal(null)}
        onOk={async (text) => {
          const ok =
            commentModal === "reopen"
              ? await act("reopen", () => reportingApi.reopen(reportRef, text), "report.reopened")
              : await act(
                  "return",
                  () => reportingApi.returnReport(reportRef, version.current, text),
                  "report.returned",
                );
          if (ok) setCommentModal(null);
        }}
      />
    </div>
  );
}

function detailsList(err: unknown): ReactNode {
  if (!(err instanceof ApiError) || err.details.length === 0) return null;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {err.details.map((d) => (
        <li key={`${d.path}:${d.message}`}>{d.message}</li>
      ))}
    </ul>
  );
}

interface FieldState {
  validateStatus?: "error";
  help?: string;
}

function TaskRow({
  index,
  task,
  draft,
  progressError,
  editable,
  onChange,
}: {
  index: number;
  task: TReportTask;
  editable: boolean;
  draft: { progress: number | null; note: string };
  progressError: FieldState;
  onChange: (patch: Partial<{ progress: number | null; note: string }>) => void;
}) {
  const { t, num } = useI18n();
  const deadline = task.recurring
    ? t("review.recurring")
    : task.deadline.date
      ? formatDate(task.deadline.date)
      : (task.deadline.text ?? t("common.notSet"));
  return (
    <div className="dt-report-row" data-testid="report-task" data-task-key={task.key}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <b>{index}.</b> {task.text}
      </Typography.Paragraph>
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag color={task.role === "lead" ? "blue" : "default"}>{t(`myTasks.role.${task.role}`)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("report.task.deadline", { value: deadline })}
        </Typography.Text>
        {task.lastProgress !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            · {t("report.task.lastProgress", { value: `${num(task.lastProgress)}%` })}
          </Typography.Text>
        )}
      </Space>
      <div className="dt-report-fields">
        {task.progressRequired ? (
          <Form.Item
            label={t("report.task.progress")}
            style={{ minWidth: 320, marginBottom: 8 }}
            data-field={`task:${task.key}.progress`}
            {...progressError}
          >
            <Space align="center">
              <Slider
                min={0}
                max={100}
                style={{ width: 200 }}
                value={Math.min(100, Math.max(0, draft.progress ?? 0))}
                onChange={(v) => onChange({ progress: v })}
              />
              <InputNumber
                aria-label={t("report.task.progress")}
                value={draft.progress}
                onChange={(v) => onChange({ progress: v === null ? null : Math.round(Number(v)) })}
                suffix="%"
                style={{ width: 100 }}
              />
            </Space>
          </Form.Item>
        ) : (
          <Typography.Text type="secondary" style={{ display: "block", minWidth: 320, marginBottom: 8 }}>
            {t("report.task.coordinated")}
          </Typography.Text>
        )}
        <Form.Item label={t("report.task.note")} style={{ flex: 1, marginBottom: 8 }}>
          <Input.TextArea
            aria-label={t("report.task.note")}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            placeholder={editable ? t("report.task.notePlaceholder") : undefined}
            value={draft.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </Form.Item>
      </div>
    </div>
  );
}

function ValueRow({
  index,
  value,
  draft,
  reportRef,
  editable,
  fieldError,
  onChange,
}: {
  index: number;
  value: TReportValue;
  draft: ReportDraft["values"][string];
  reportRef: ReportRef;
  editable: boolean;
  fieldError: (field: "numerator" | "denominator" | "value") => FieldState;
  onChange: (patch: Partial<ReportDraft["values"][string]>) => void;
}) {
  const { t, lang, num } = useI18n();
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const ratio = isRatio(value);
  const computed = ratio ? ratioPercent(draft.numerator, draft.denominator) : null;
  const goal = goalText(value.target as Parameters<typeof goalText>[0], (v) => num(v));
  const decimal = lang === "vi" ? "," : ".";
  const unit = value.indicator.unit || value.target.unit || "";

  const upload = async (file: File) => {
    setUploadError(null);
    setUploading(0);
    try {
      const f = await reportingApi.uploadEvidence(reportRef, file, setUploading);
      onChange({ evidence: [...draft.evidence, f] });
    } catch (err) {
      setUploadError(errorMessage(err));
    } finally {
      setUploading(null);
    }
  };

  return (
    <div className="dt-report-row" data-testid="report-value" data-target-key={value.targetKey}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <b>{index}.</b> {value.targetText}
      </Typography.Paragraph>
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag>{value.indicator.name}</Tag>
        {goal && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("report.value.target", { goal })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {t(`report.value.rule.${value.indicator.aggregation}`)}
        </Typography.Text>
        {value.required && <Tag color="red">{t("report.value.required")}</Tag>}
      </Space>
      <div className="dt-report-fields">
        {ratio ? (
          <>
            <Form.Item
              label={value.indicator.numeratorLabel ?? t("report.value.numerator")}
              data-field={`value:${value.targetKey}.numerator`}
              style={{ width: 220, marginBottom: 8 }}
              {...fieldError("numerator")}
            >
              <InputNumber
                aria-label={t("report.value.numerator")}
                style={{ width: "100%" }}
                decimalSeparator={decimal}
                value={draft.numerator}
                onChange={(v) => onChange({ numerator: v === null ? null : Number(v) })}
              />
            </Form.Item>
            <Form.Item
              label={value.indicator.denominatorLabel ?? t("report.value.denominator")}
              data-field={`value:${value.targetKey}.denominator`}
              style={{ width: 220, marginBottom: 8 }}
              {...fieldError("denominator")}
            >
              <InputNumber
                aria-label={t("report.value.denominator")}
                style={{ width: "100%" }}
                decimalSeparator={decimal}
                value={draft.denominator}
                onChange={(v) => onChange({ denominator: v === null ? null : Number(v) })}
              />
            </Form.Item>
            <Form.Item label={t("report.value.computed")} style={{ width: 140, marginBottom: 8 }}>
              <Typography.Text
                strong
                type={computed !== null && computed > 100 ? "danger" : undefined}
                style={{ fontSize: 16 }}
                data-testid="computed-ratio"
              >
                {computed === null ? "—" : `${num(computed)}%`}
              </Typography.Text>
            </Form.Item>
          </>
        ) : value.indicator.aggregation === "boolean" ? (
          <Form.Item
            label={t("report.value.valuePlain")}
            data-field={`value:${value.targetKey}.value`}
            style={{ width: 220, marginBottom: 8 }}
            {...fieldError("value")}
          >
            <Radio.Group
              value={draft.value}
              onChange={(e) => onChange({ value: e.target.value as number })}
              options={[
                { value: 1, label: t("report.value.yes") },
                { value: 0, label: t("report.value.no") },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label={unit ? t("report.value.value", { unit }) : t("report.value.valuePlain")}
            data-field={`value:${value.targetKey}.value`}
            style={{ width: 220, marginBottom: 8 }}
            {...fieldError("value")}
          >
            <InputNumber
              aria-label={t("report.value.valuePlain")}
              style={{ width: "100%" }}
              decimalSeparator={decimal}
              value={draft.value}
              onChange={(v) => onChange({ value: v === null ? null : Number(v) })}
            />
          </Form.Item>
        )}
        <Form.Item label={t("report.value.note")} style={{ flex: 1, minWidth: 220, marginBottom: 8 }}>
          <Input
            aria-label={t("report.value.note")}
            maxLength={5000}
            value={draft.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </Form.Item>
      </div>
      <div>
        <Space wrap size={[12, 4]}>
          {(draft.evidence.length > 0 || (editable && REPORT_EVIDENCE_UPLOAD)) && (
            <Typography.Text type="secondary">{t("report.value.evidence")}:</Typography.Text>
          )}
          {draft.evidence.map((f) => (
            <a key={f.id} href={f.url} download={f.name}>
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
          {editable && REPORT_EVIDENCE_UPLOAD && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={uploading !== null}>
                {t("report.value.upload")}
              </Button>
            </Upload>
          )}
        </Space>
        {uploading !== null && <Progress percent={uploading} size="small" />}
        {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 4 }} />}
      </div>
    </div>
  );
}

function CommentModal({
  open,
  title,
  label,
  requiredMessage,
  okText,
  danger,
  onCancel,
  onOk,
}: {
  open: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  okText: string;
  danger: boolean;
  onCancel: () => void;
  onOk: (text: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setText("");
      setError(false);
    }
  }, [open]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t("report.cancel")}
      okButtonProps={{ danger, loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        if (!text.trim()) {
          setError(true);
          return;
        }
        setBusy(true);
        try {
          await onOk(text.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          required
          validateStatus={error ? "error" : undefined}
          help={error ? requiredMessage : undefined}
        >
          <Input.TextArea
            aria-label={label}
            rows={4}
            maxLength={5000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) setError(false);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
