import { EyeOutlined, TeamOutlined, ThunderboltOutlined } from "@ant-design/icons";
import type { TSetTargetUnitsResult, TTargetUnits } from "@dtplan/contracts/target-units.ts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Checkbox,
  Empty,
  Flex,
  Modal,
  Segmented,
  Select,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { pillarLabel, type ReviewTabProps } from "./review-model.ts";

type Mode = "add" | "replace" | "remove";
type Change = { mode: Mode | "suggested"; targetKeys: string[]; unitIds: string[] };
const SHOWN = 6;

/**
 * Đơn vị báo cáo: each target's reporting units, with suggestions; pick many targets and
 * add, replace or remove units for all of them at once, after a preview.
 */
export function TargetUnitsTab({ code, onChanged }: Pick<ReviewTabProps, "code" | "onChanged">) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(plansQueries.targetUnits(code));
  const [selected, setSelected] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>("add");
  const [preview, setPreview] = useState<{ change: Change; result: TSetTargetUnitsResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const data = query.data;
  const communes = useMemo(() => (data?.candidates ?? []).filter((c) => c.communeLevel), [data]);

  if (query.isPending) return <Spin />;
  if (!data) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  if (data.targets.length === 0) return <Empty description={t("review.emptyTab")} />;

  const editable = data.plan.editable;
  const all = data.targets.map((x) => x.key);
  const toggle = (key: string, on: boolean) =>
    setSelected((prev) => (on ? [...prev, key] : prev.filter((k) => k !== key)));

  async function ask(change: Change) {
    setBusy(true);
    try {
      const result = await plansApi.setTargetUnits(code, { ...change, preview: true });
      setPreview({ change, result });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await plansApi.setTargetUnits(code, { ...preview.change, preview: false });
      message.success(t("targetUnits.applied", { n: result.changes.length }));
      setPreview(null);
      setSelected([]);
      await queryClient.invalidateQueries({ queryKey: plansQueries.targetUnits(code).queryKey });
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dt-target-units" data-testid="target-units">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("targetUnits.intro")}
      </Typography.Paragraph>
      {!editable && (
        <Alert type="info" showIcon title={t("targetUnits.readOnly")} style={{ marginBottom: 12 }} />
      )}
      {editable && (
        <div className="dt-target-units-bar" data-testid="target-units-bar">
          <Flex gap={8} wrap align="center">
            <Checkbox
              checked={selected.length === all.length}
              indeterminate={selected.length > 0 && selected.length < all.length}
              onChange={(e) => setSelected(e.target.checked ? all : [])}
            >
              {t("targetUnits.selectAll")}
            </Checkbox>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t("targetUnits.selected", { n: selected.length, total: all.length })}
            </Typography.Text>
            <Button
              size="small"
              icon={<ThunderboltOutlined />}
              disabled={selected.length === 0}
              loading={busy}
              onClick={() => ask({ mode: "suggested", targetKeys: selected, unitIds: [] })}
            >
              {t("targetUnits.applySuggestions")}
            </Button>
          </Flex>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <Select
              mode="multiple"
              allowClear
              showSearch={foldedSearch}
              maxTagCount="responsive"
              placeholder={t("targetUnits.unitsPlaceholder")}
              value={unitIds}
              onChange={setUnitIds}
              options={data.candidates.map((c) => ({ value: c.id, label: c.name }))}
              style={{ flex: "1 1 220px", minWidth: 0 }}
              aria-label={t("targetUnits.unitsPlaceholder")}
            />
            {communes.length > 0 && (
              <Button
                size="small"
                icon={<TeamOutlined />}
                onClick={() => setUnitIds(communes.map((c) => c.id))}
              >
                {t("targetUnits.allCommunes", { n: communes.length })}
              </Button>
            )}
            <Segmented<Mode>
              size="small"
              value={mode}
              onChange={setMode}
              options={(["add", "replace", "remove"] as const).map((m) => ({
                value: m,
                label: t(`targetUnits.mode.${m}`),
              }))}
            />
            <Button
              type="primary"
              size="small"
              icon={<EyeOutlined />}
              disabled={selected.length === 0 || (unitIds.length === 0 && mode !== "replace")}
              loading={busy}
              onClick={() => ask({ mode, targetKeys: selected, unitIds })}
            >
              {t("targetUnits.preview")}
            </Button>
          </Flex>
        </div>
      )}
      <ul className="dt-target-units-list">
        {data.targets.map((target) => (
          <TargetRow
            key={target.key}
            target={target}
            pillar={pillarLabel(target.pillar, lang)}
            editable={editable}
            checked={selected.includes(target.key)}
            onCheck={(on) => toggle(target.key, on)}
          />
        ))}
      </ul>
      {preview && (
        <Modal
          open
          title={t("targetUnits.previewTitle", { n: preview.result.changes.length })}
          onCancel={() => setPreview(null)}
          data-testid="target-units-preview"
          okText={t("targetUnits.apply")}
          okButtonProps={{ disabled: preview.result.changes.length === 0, loading: busy }}
          onOk={apply}
          cancelText={t("common.cancel")}
        >
          {preview.result.changes.length === 0 ? (
            <Typography.Paragraph>{t("targetUnits.noChange")}</Typography.Paragraph>
          ) : (
            <ul className="dt-target-units-changes">
              {preview.result.changes.map((c) => (
                <li key={c.key}>
                  <Typography.Text strong>{c.text}</Typography.Text>
                  {c.added.length > 0 && (
                    <div>
                      <Typography.Text type="success">{t("targetUnits.added")}</Typography.Text>{" "}
                      {c.added.map((u) => u.name).join(", ")}
                    </div>
                  )}
                  {c.removed.length > 0 && (
                    <div>
                      <Typography.Text type="danger">{t("targetUnits.removed")}</Typography.Text>{" "}
                      {c.removed.map((u) => u.name).join(", ")}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Modal>
      )}
    </div>
  );
}

function TargetRow({
  target,
  pillar,
  editable,
  checked,
  onCheck,
}: {
  target: TTargetUnits["targets"][number];
  pillar: string;
  editable: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const assigned = new Set(target.units.map((u) => u.id));
  const open = target.suggestions.filter((s) => !assigned.has(s.id));
  const body = (
    <div className="dt-target-units-body">
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: target.text }} style={{ marginBottom: 4 }}>
        {target.text}
      </Typography.Paragraph>
      <Flex gap={4} wrap align="center">
        <Tag>{pillar}</Tag>
        {!target.reported && <Tag color="default">{t("targetUnits.noFigures")}</Tag>}
        {target.units.length === 0 ? (
          <Tag color="orange">{t("targetUnits.none")}</Tag>
        ) : (
          target.units.slice(0, SHOWN).map((u) => (
            <Tag key={u.id} color="blue">
              {u.name}
            </Tag>
          ))
        )}
        {target.units.length > SHOWN && (
          <Tag>{t("targetUnits.more", { n: target.units.length - SHOWN })}</Tag>
        )}
      </Flex>
      {open.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("targetUnits.suggested")}{" "}
          {open
            .slice(0, SHOWN)
            .map((s) => `${s.name} (${t(`targetUnits.reason.${s.reason}`)})`)
            .join("; ")}
          {open.length > SHOWN ? ` ${t("targetUnits.more", { n: open.length - SHOWN })}` : ""}
        </Typography.Text>
      )}
    </div>
  );
  return (
    <li className="dt-target-units-row" data-target-key={target.key}>
      {editable ? (
        <Checkbox checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={target.text} />
      ) : null}
      {body}
    </li>
  );
}
