import "../../i18n/cascade-messages.ts";
import { CheckOutlined } from "@ant-design/icons";
import type { TPlanCascade } from "@dtplan/contracts/cascade.ts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Select, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatPercent } from "../../lib/format.ts";
import { planLabel } from "../../lib/plan-label.ts";
import { useAction } from "../../lib/use-action.ts";
import type { ReviewTabProps } from "./review-model.ts";

type ServeRow = TPlanCascade["serves"][number];

/** What the form starts from: the confirmed choice, else the suggestion. */
const initialChoice = (s: ServeRow) =>
  s.confirmed ? (s.higher?.targetKey ?? null) : (s.suggestion?.targetKey ?? null);

/**
 * Rà soát — kế hoạch cấp trên: the focal officer confirms or changes the plan this draft
 * implements (read from its legal basis at import), then confirms which target of that plan
 * each of its targets serves, starting from the suggestions.
 */
export function CascadeReviewTab({ code, plan, onChanged }: ReviewTabProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(plansQueries.cascade(code));
  const others = useQuery(plansQueries.list({ limit: 200 }));
  const [parent, setParent] = useState<string | null | undefined>(undefined);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const showError = (err: unknown) => message.error(errorMessage(err));
  const parentAction = useAction(showError);
  const linksAction = useAction(showError);
  const data = query.data;
  if (query.isPending) return <Spin />;
  if (!data) return <Alert type="error" showIcon title={errorMessage(query.error)} />;

  const chosenParent = parent === undefined ? (plan.implementsPlan?.code ?? null) : parent;
  const planOptions = (others.data?.items ?? [])
    .filter((p) => p.code !== plan.code)
    .map((p) => ({ value: p.code, label: planLabel(p) }));
  const higherOptions = [
    { value: "", label: t("cascade.review.none") },
    ...data.higherTargets.map((h) => ({ value: h.targetKey, label: h.text })),
  ];
  const choiceOf = (s: ServeRow) => (s.targetKey in choices ? choices[s.targetKey] : initialChoice(s));

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: plansQueries.cascade(code).queryKey });
    onChanged();
  }

  const confirmParent = () =>
    parentAction.run(async () => {
      await plansApi.confirmImplements(code, { implementsPlanCode: chosenParent });
      message.success(t("cascade.review.confirmedOk"));
      setParent(undefined);
      setChoices({});
      await refresh();
    });

  const saveLinks = () =>
    linksAction.run(async () => {
      const links = data.serves.map((s) => ({ targetKey: s.targetKey, higherTargetKey: choiceOf(s) }));
      const { saved } = await plansApi.setTargetLinks(code, { links });
      message.success(t("cascade.review.savedLinks", { n: saved }));
      setChoices({});
      await refresh();
    });

  const status = data.implements ? (
    data.implements.confirmed ? (
      <Tag color="green" icon={<CheckOutlined />}>
        {t("cascade.review.confirmedBy", { name: data.implements.confirmedBy?.name ?? "" })}
      </Tag>
    ) : (
      <Tag color="gold">{t("cascade.review.unconfirmed")}</Tag>
    )
  ) : null;

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="cascade-review">
      <Card size="small" title={t("cascade.review.parent")}>
        <Space direction="vertical" size={8} style={{ width: "100%" }}>
          {status}
          {data.implements?.legalBasis && (
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, marginBottom: 0 }}
              ellipsis={{ rows: 2, tooltip: data.implements.legalBasis }}
            >
              {t("cascade.review.fromBasis", { text: data.implements.legalBasis })}
            </Typography.Paragraph>
          )}
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={foldedSearch}
              style={{ flex: 1, minWidth: 220 }}
              placeholder={t("cascade.review.noParent")}
              aria-label={t("cascade.review.choose")}
              value={chosenParent ?? undefined}
              onChange={(v) => setParent(v ?? null)}
              options={planOptions}
              loading={others.isFetching}
              data-testid="cascade-parent"
            />
            <Button type="primary" loading={parentAction.saving} onClick={() => void confirmParent()}>
              {t("cascade.review.confirm")}
            </Button>
          </Flex>
        </Space>
      </Card>
      {plan.implementsPlan && !data.implements && (
        <Alert type="info" showIcon title={t("cascade.review.notPublished")} />
      )}
      {data.implements && (
        <Card
          size="small"
          title={t("cascade.review.targets")}
          extra={
            <Button
              loading={linksAction.saving}
              onClick={() => void saveLinks()}
              data-testid="cascade-save-links"
            >
              {t("cascade.review.saveLinks")}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("cascade.review.targetsHint")}
          </Typography.Paragraph>
          <div>
            {data.serves.map((s) => (
              <div
                key={s.targetKey}
                style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}
                data-testid="cascade-link"
              >
                <div>{s.text}</div>
                <Select
                  style={{ width: "100%", marginTop: 4 }}
                  value={choiceOf(s) ?? ""}
                  options={higherOptions}
                  onChange={(v: string) => setChoices((prev) => ({ ...prev, [s.targetKey]: v || null }))}
                  aria-label={t("cascade.review.col.higher")}
                />
                <div style={{ marginTop: 4 }}>
                  {s.confirmed && <Tag color="green">{t("cascade.review.confirmed")}</Tag>}
                  {s.suggestion && (
                    <Tag>
                      {s.suggestion.basis === "indicator"
                        ? t("cascade.review.suggest.indicator")
                        : t("cascade.review.suggest.name", {
                            p: formatPercent(s.suggestion.score * 100, lang, 0),
                          })}
                    </Tag>
                  )}
                </div>
              </div>
            ))}
          </div>
        </Card>
      )}
    </Space>
  );
}
