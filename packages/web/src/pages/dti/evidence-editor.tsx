import { FileTextOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { TDtiEvidence } from "@dtplan/contracts/dti.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Progress, Select, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { type AssessmentRef, dtiApi } from "../../api/dti.ts";
import { plansQueries } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useEvidenceUpload } from "../../lib/use-evidence-upload.ts";

const ICON = {
  file: <PaperClipOutlined />,
  plan: <FileTextOutlined />,
  report: <FileTextOutlined />,
  url: <LinkOutlined />,
};

/** One evidence item, opening what it points at. */
export function EvidenceLink({ e }: { e: TDtiEvidence }) {
  const download = e.kind === "file" ? (e.file?.name ?? e.label) : undefined;
  const external = e.kind === "url";
  return (
    <a
      href={e.href}
      download={download}
      target={external ? "_blank" : undefined}
      rel={external ? "noopener noreferrer" : undefined}
      data-testid="evidence-item"
    >
      {ICON[e.kind]} {e.label}
    </a>
  );
}

/**
 * Minh chứng of one criterion: a file uploaded for it, the unit's own plan, or a web
 * address. Items added here are saved with the draft.
 */
export function EvidenceEditor({
  evidence,
  assessmentRef,
  editable,
  onChange,
}: {
  evidence: TDtiEvidence[];
  assessmentRef: AssessmentRef;
  editable: boolean;
  onChange: (next: TDtiEvidence[]) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState<"url" | "plan" | null>(null);
  const [url, setUrl] = useState("");
  const plans = useQuery({
    ...plansQueries.list({ unitId: assessmentRef.unitId, status: "published", limit: 50, offset: 0 }),
    enabled: adding === "plan",
  });

  const add = (item: TDtiEvidence) => {
    if (!evidence.some((e) => e.kind === item.kind && e.href === item.href)) onChange([...evidence, item]);
  };

  // Size and type checked in the browser first, as every evidence upload is.
  const {
    upload,
    percent: uploading,
    error: uploadError,
  } = useEvidenceUpload(
    (file, onProgress) => dtiApi.uploadEvidence(assessmentRef, file, onProgress),
    (f) => add({ kind: "file", label: f.name, href: f.url, link: { kind: "file", fileId: f.id }, file: f }),
  );

  const addUrl = () => {
    const value = url.trim();
    if (!/^https?:\/\/\S+$/i.test(value)) {
      setError(t("dti.evidence.badUrl"));
      return;
    }
    setError(null);
    add({ kind: "url", label: value, href: value, link: { kind: "url", url: value }, file: null });
    setUrl("");
    setAdding(null);
  };

  const addPlan = (code: string) => {
    const plan = plans.data?.items.find((p) => p.code === code);
    if (!plan) return;
    add({
      kind: "plan",
      label: plan.title,
      href: `/plans/${code}`,
      link: { kind: "plan", planCode: code },
      file: null,
    });
    setAdding(null);
  };

  return (
    <div data-testid="evidence">
      <Space wrap size={[12, 4]}>
        <Typography.Text type="secondary">{t("dti.evidence")}:</Typography.Text>
        {evidence.length === 0 && !editable && (
          <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
        )}
        {evidence.map((e, i) => (
          <Space key={`${e.kind}:${e.href}`} size={2}>
            <EvidenceLink e={e} />
            {editable && (
              <Button
                type="link"
                size="small"
                danger
                aria-label={t("dti.evidence.remove", { name: e.label })}
                onClick={() => onChange(evidence.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            )}
          </Space>
        ))}
      </Space>
      {editable && (
        <Space wrap style={{ marginTop: 6 }}>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={uploading !== null}>
              {t("dti.evidence.upload")}
            </Button>
          </Upload>
          <Button
            size="small"
            icon={<FileTextOutlined />}
            onClick={() => setAdding(adding === "plan" ? null : "plan")}
          >
            {t("dti.evidence.plan")}
          </Button>
          <Button
            size="small"
            icon={<LinkOutlined />}
            onClick={() => setAdding(adding === "url" ? null : "url")}
          >
            {t("dti.evidence.url")}
          </Button>
        </Space>
      )}
      {adding === "url" && (
        <Space.Compact style={{ width: "100%", maxWidth: 520, marginTop: 6 }}>
          <Input
            aria-label={t("dti.evidence.url")}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onPressEnter={addUrl}
          />
          <Button onClick={addUrl}>{t("common.add")}</Button>
        </Space.Compact>
      )}
      {adding === "plan" && (
        <Select
          style={{ width: "100%", maxWidth: 520, marginTop: 6 }}
          aria-label={t("dti.evidence.plan")}
          placeholder={t("dti.evidence.pickPlan")}
          loading={plans.isFetching}
          notFoundContent={t("dti.evidence.noPlan")}
          onChange={addPlan}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.code, label: p.title }))}
        />
      )}
      {uploading !== null && <Progress percent={uploading} size="small" />}
      {(uploadError ?? error) && (
        <Alert type="error" showIcon title={uploadError ?? error} style={{ marginTop: 4 }} />
      )}
    </div>
  );
}
