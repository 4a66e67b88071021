import { Typography } from "antd";
import { useEffect, useMemo, useRef } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { type Passage, passages } from "./review-model.ts";

interface Props {
  text: string;
  spans: { id?: string; start: number; end: number; kind: "item" | "unparsed" }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The plan as written, every extracted passage faintly marked and clickable;
 * the selected item's passage highlighted and scrolled into view.
 */
export function SourcePane({ text, spans, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const parts = useMemo(() => passages(text.length, spans), [text, spans]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selectedId || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-span="${CSS.escape(selectedId)}"]`);
    if (!el) return;
    // Scroll the pane only (not the page); the pane is the passage's offset parent.
    const pane = box.current;
    const top = el.offsetTop - pane.clientHeight / 4;
    pane.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  }, [selectedId]);

  const render = (p: Passage) => {
    const chunk = text.slice(p.start, p.end);
    if (p.kind === "plain") return <span key={p.start}>{chunk}</span>;
    const selected = p.id === selectedId;
    const className = `dt-src-${p.kind}${selected ? " dt-src-selected" : ""}`;
    return (
      // biome-ignore lint/a11y/useSemanticElements: a passage of running text; a <button> would break its flow and selection
      <span
        key={p.start}
        data-span={p.id}
        className={className}
        role="button"
        tabIndex={-1}
        onClick={() => p.id && onSelect(p.id)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && p.id) onSelect(p.id);
        }}
      >
        {selected ? <mark data-testid="source-highlight">{chunk}</mark> : chunk}
      </span>
    );
  };

  return (
    <div className="dt-source-wrap">
      <Typography.Text type="secondary" className="dt-source-hint">
        {t("review.sourceHint")}
      </Typography.Text>
      <div ref={box} className="dt-source" data-testid="source-text">
        {parts.map(render)}
      </div>
    </div>
  );
}
