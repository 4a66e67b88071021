import "../i18n/search-messages.ts";
import type { TSearchHit } from "@dtplan/contracts/search.ts";
import { SEARCH_KIND_LABELS } from "@dtplan/domain/search/kinds.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Input, Modal, Spin, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { loadError } from "../api/query.ts";
import { searchQueries } from "../api/search.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** What is typed, once the typing pauses: one request per pause, not per key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The search dialog: results grouped by kind; a click or Enter opens the page where the thing lives. */
export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const q = useSettled(text.trim());
  const found = useQuery(searchQueries.find(q));
  const groups = q.length >= 2 ? (found.data?.groups ?? []) : [];
  const hits = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const [active, setActive] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new results start at the first
  useEffect(() => setActive(0), [found.data]);

  const open = (hit: TSearchHit) => {
    onClose();
    navigate(hit.link);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
    } else if (e.key === "Enter" && hits[active]) {
      e.preventDefault();
      open(hits[active]);
    }
  };

  let index = -1;
  return (
    <Modal
      open
      onCancel={onClose}
      footer={<Typography.Text type="secondary">{t("search.keys")}</Typography.Text>}
      title={t("search.open")}
      width={640}
      style={{ top: 48 }}
      destroyOnHidden
    >
      <div data-testid="search-dialog">
        <Input.Search
          autoFocus
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("search.placeholder")}
          aria-label={t("search.open")}
          loading={found.isFetching}
          data-testid="search-input"
        />
        <div className="dt-search-results" role="listbox" aria-label={t("search.open")}>
          {q.length < 2 ? (
            <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }}>
              {t("search.hint")}
            </Typography.Paragraph>
          ) : found.error ? (
            <Alert type="error" showIcon title={loadError(found)} style={{ marginTop: 12 }} />
          ) : found.isPending ? (
            <Spin style={{ display: "block", margin: 24 }} />
          ) : groups.length === 0 ? (
            <Empty description={t("search.none")} style={{ marginTop: 16 }} />
          ) : (
            groups.map((group) => (
              <section key={group.kind} data-testid={`search-group-${group.kind}`}>
                <div className="dt-search-kind">{SEARCH_KIND_LABELS[group.kind][lang]}</div>
                {group.items.map((hit) => {
                  index += 1;
                  const mine = index;
                  return (
                    <div
                      key={hit.id}
                      role="option"
                      aria-selected={mine === active}
                      tabIndex={-1}
                      className={mine === active ? "dt-search-hit dt-search-hit-active" : "dt-search-hit"}
                      onMouseEnter={() => setActive(mine)}
                      onClick={() => open(hit)}
                      onKeyDown={(e) => e.key === "Enter" && open(hit)}
                    >
                      <div className="dt-search-title">{hit.title}</div>
                      {hit.detail && <div className="dt-search-detail">{hit.detail}</div>}
                    </div>
                  );
                })}
                {group.more && <div className="dt-search-more">{t("search.more")}</div>}
              </section>
            ))
          )}
        </div>
      </div>
    </Modal>
  );
}
