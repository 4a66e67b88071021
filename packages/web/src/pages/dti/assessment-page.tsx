import "../../i18n/dti-messages.ts";
import {
  CheckOutlined,
  FileExcelOutlined,
  ReloadOutlined,
  SaveOutlined,
  SendOutlined,
} from "@ant-design/icons";
import type { TDtiAssessment, TDtiVerificationInput } from "@dtplan/contracts/dti.ts";
import { ZDtiVerificationInput } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { type AssessmentRef, dtiApi, dtiQueries } from "../../api/dti.ts";
import { LoadError } from "../../components/load-error.tsx";
import { inReaderLanguage } from "../../forms/schema-message.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { missingEntries, nodeNames } from "./assessment-model.ts";
import { CriterionCard, type VerificationDraft } from "./criterion-card.tsx";
import { AssessmentStatusTag, RoundStatusTag } from "./dti-labels.tsx";
import { ScoreSummary } from "./score-summary.tsx";
import { type SaveState, useAssessmentDraft } from "./use-assessment-draft.ts";

/** Tự đánh giá of one unit in a round: filled by the unit, verified by the province. */
export default function AssessmentPage() {
  const { id = "", unitId = "" } = useParams();
  const ref = useMemo<AssessmentRef>(() => ({ roundId: id, unitId }), [id, unitId]);
  const loaded = useQuery(dtiQueries.assessment(ref));
  if (!loaded.data) {
    return loaded.error ? <LoadError query={loaded} /> : <Skeleton active paragraph={{ rows: 12 }} />;
  }
  return (
    <AssessmentForm
      key={`${loaded.data.unit.id}:${loaded.data.version}`}
      initial={loaded.data}
      assessmentRef={ref}
      reload={() => void loaded.refetch()}
    />
  );
}

function SaveStatus({ save }: { save: SaveState }) {
  const { t } = useI18n();
  const text =
    save.kind === "saving"
      ? t("dti.save.saving")
      : save.kind === "dirty"
        ? t("dti.save.dirty")
        : save.kind === "saved"
          ? t("dti.save.saved", { at: save.at })
          : save.kind === "error"
            ? save.message
            : "";
  return (
    <Typography.Text type={save.kind === "error" ? "danger" : "secondary"} data-testid="save-status">
      {text}
    </Typography.Text>
  );
}

function AssessmentForm({
  initial,
  assessmentRef,
  reload,
}: {
  initial: TDtiAssessment;
  assessmentRef: AssessmentRef;
  reload: () => void;
}) {
  const { t, num } = useI18n();
  const { modal, message } = App.useApp();
  const [search] = useSearchParams();
  const focus = search.get("criterion");
  const d = useAssessmentDraft(initial, assessmentRef);
  const a = d.assessment;
  const editable = a.can.edit && !d.conflict;
  const verifying = a.can.verify && a.status === "submitted";
  const [verification, setVerification] = useState<Record<string, VerificationDraft>>({});
  const [busy, setBusy] = useState<"submit" | "verify" | null>(null);
  const names = useMemo(() => nodeNames(a), [a]);

  useEffect(() => {
    if (focus) document.getElementById(`criterion-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus]);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) d.conflicted(err.message);
    else
      modal.error({
        title: errorMessage(err),
        content:
          err instanceof ApiError && err.details.length > 0 ? (
            <ul>
              {err.details.map((x) => (
                <li key={`${x.path}:${x.message}`}>{x.message}</li>
              ))}
            </ul>
          ) : undefined,
      });
  };

  const submit = () => {
    const missing = missingEntries(a.criteria, d.draft);
    modal.confirm({
      title: t("dti.submit.title", { round: a.round.name }),
      content:
        missing.length > 0
          ? t("dti.submit.missing", { n: missing.length, codes: missing.map((c) => c.code).join(", ") })
          : t("dti.submit.confirm"),
      okText: t("dti.submit"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        if (!(await d.flush())) return;
        setBusy("submit");
        try {
          d.replace(await dtiApi.submit(assessmentRef, d.version()));
          message.success(t("dti.submit.done"));
        } catch (err) {
          fail(err);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const saveVerification = async () => {
    const items: TDtiVerificationInput[] = [];
    for (const [code, v] of Object.entries(verification)) {
      if (!v.outcome) continue;
      const item = { code, outcome: v.outcome, points: v.points, comment: v.comment.trim() || undefined };
      const parsed = ZDtiVerificationInput.safeParse(item);
      if (!parsed.success) {
        message.error(`${code}: ${inReaderLanguage(parsed.error.issues[0]?.message ?? "")}`);
        document.getElementById(`criterion-${code}`)?.scrollIntoView({ block: "center" });
        return;
      }
      items.push(parsed.data);
    }
    if (items.length === 0) {
      message.warning(t("dti.verify.nothing"));
      return;
    }
    setBusy("verify");
    try {
      d.replace(await dtiApi.verify(assessmentRef, { version: d.version(), items }));
      setVerification({});
      message.success(t("dti.verify.done", { n: items.length }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const acceptAll = () =>
    setVerification((prev) => {
      const next = { ...prev };
      for (const c of a.criteria) {
        if (!c.verification && !next[c.code]?.outcome)
          next[c.code] = { outcome: "accepted", points: null, comment: "" };
      }
      return next;
    });

  // Criteria under their top node's heading (main index or pillar).
  let lastGroup = "";

  return (
    <div data-testid="assessment-page">
      <PageHeader
        title={t("dti.assessment.title", { unit: a.unit.name })}
        subtitle={`${a.round.name} · ${a.round.framework.name}`}
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={dtiApi.scoresheetXlsxUrl(assessmentRef)}>
              {t("dti.download.scoresheet")}
            </Button>
            <Link to={`/dti/rounds/${a.round.id}`}>{t("dti.backToRound")}</Link>
          </Space>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "round", label: t("dti.col.status"), children: <RoundStatusTag status={a.round.status} /> },
          {
            key: "self",
            label: t("dti.col.selfStatus"),
            children: (
              <span data-testid="assessment-state">
                <AssessmentStatusTag status={a.status} />
                {a.submittedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("dti.submittedAt", {
                      at: formatDateTime(a.submittedAt),
                      by: a.submittedBy?.name ?? "",
                    })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            key: "self-total",
            label: t("dti.selfTotal"),
            children: (
              <b data-testid="self-total">
                {num(a.total.selfPoints)} / {num(a.total.maxPoints)}
              </b>
            ),
          },
          {
            key: "verified-total",
            label: t("dti.verifiedTotal"),
            children: (
              <b data-testid="verified-total">
                {a.total.verifiedPoints === null
                  ? t("dti.notVerifiedYet")
                  : `${num(a.total.verifiedPoints)} / ${num(a.total.maxPoints)}`}
              </b>
            ),
          },
        ]}
      />
      <ScoreSummary assessment={a} open={!editable} />
      {d.conflict && d.save.kind === "conflict" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={d.save.message}
          description={t("dti.conflict")}
          action={
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t("common.refresh")}
            </Button>
          }
          data-testid="conflict"
        />
      )}
      {a.status === "returned" && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("dti.returnedHint")} />
      )}
      {(editable || verifying) && (
        <div className="dt-report-sticky">
          <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: "8px 12px" } }}>
            <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
              {editable ? (
                <SaveStatus save={d.save} />
              ) : (
                <Typography.Text>{t("dti.verify.hint")}</Typography.Text>
              )}
              <Space wrap>
                {editable && (
                  <>
                    <Button
                      icon={<SaveOutlined />}
                      onClick={() => void d.flush()}
                      loading={d.save.kind === "saving"}
                    >
                      {t("dti.saveDraft")}
                    </Button>
                    {a.can.submit && (
                      <Button
                        type="primary"
                        icon={<SendOutlined />}
                        onClick={submit}
                        loading={busy === "submit"}
                      >
                        {t("dti.submit")}
                      </Button>
                    )}
                  </>
                )}
                {verifying && (
                  <>
                    <Button icon={<CheckOutlined />} onClick={acceptAll}>
                      {t("dti.verify.acceptAll")}
                    </Button>
                    <Button
                      type="primary"
                      onClick={() => void saveVerification()}
                      loading={busy === "verify"}
                    >
                      {t("dti.verify.save")}
                    </Button>
                  </>
                )}
              </Space>
            </Space>
          </Card>
        </div>
      )}
      <div className={editable ? undefined : "dt-report-readonly"}>
        {a.criteria.map((c) => {
          const group = c.path[0] ?? "";
          const heading = group !== lastGroup;
          lastGroup = group;
          return (
            <div key={c.code}>
              {heading && group && (
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {group}. {names.get(group) ?? ""}
                </Typography.Title>
              )}
              <CriterionCard
                criterion={c}
                draft={d.draft[c.code]}
                assessmentRef={assessmentRef}
                editable={editable}
                verifying={verifying}
                verification={verification[c.code]}
                highlighted={focus === c.code}
                onEdit={(patch) => d.edit(c.code, patch)}
                onVerify={(patch) =>
                  setVerification((prev) => ({
                    ...prev,
                    [c.code]: { ...(prev[c.code] ?? { outcome: null, points: null, comment: "" }), ...patch },
                  }))
                }
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
