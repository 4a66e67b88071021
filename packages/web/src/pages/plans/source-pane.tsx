import type { TExtractedTable, TTableCellRef } from "@dtplan/contracts/plans.ts";
import type { TableColumnRole } from "@dtplan/domain/extract/types.ts";
import { Typography } from "antd";
import { useEffect, useMemo, useRef } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { scrollBehavior } from "../../lib/reduced-motion.ts";
import { type Passage, passages, withTables } from "./review-model.ts";
import { SourceTable } from "./source-table.tsx";

interface Props {
  text: string;
  spans: { id?: string; start: number; end: number; kind: "item" | "unparsed" }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The tables read from the plan, shown as tables; items read from them are found by `cells`. */
  tables?: TExtractedTable[];
  cells?: { byItem: Map<string, TTableCellRef>; byRow: Map<string, Map<number, string[]>> };
  onRemap?: (table: TExtractedTable, column: number, role: TableColumnRole) => void;
  remapping?: boolean;
}

const NO_ROWS = new Map<number, string[]>();

/**
 * The plan as written, every extracted passage faintly marked and clickable (tables as
 * tables); the selected item's passage, or table row, highlighted and scrolled into view.
 */
export function SourcePane({
  text,
  spans,
  selectedId,
  onSelect,
  tables = [],
  cells,
  onRemap,
  remapping,
}: Props) {
  const { t } = useI18n();
  const parts = useMemo(() => passages(text.length, withTables(spans, tables)), [text, spans, tables]);
  const tableById = useMemo(() => new Map(tables.map((x) => [x.id, x])), [tables]);
  const selectedCell = selectedId ? (cells?.byItem.get(selectedId) ?? null) : null;
  const box = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again when the tables re-render (a remap)
  useEffect(() => {
    if (!selectedId || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-span="${CSS.escape(selectedId)}"]`);
    if (!el) return;
    // Scroll the pane only (not the page); a table row's offset parent is its table, so measure.
    const pane = box.current;
    const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    // A long way (a table row in an appendix) jumps: a long smooth scroll may be cut short.
    const far = Math.abs(top - pane.scrollTop) > 2 * pane.clientHeight;
    pane.scrollTo({
      top: Math.max(0, top - pane.clientHeight / 4),
      behavior: far ? "auto" : scrollBehavior(),
    });
  }, [selectedId, tables]);

  const render = (p: Passage) => {
    const chunk = text.slice(p.start, p.end);
    if (p.kind === "plain") return <span key={p.start}>{chunk}</span>;
    const table = p.kind === "table" && p.id ? tableById.get(p.id) : undefined;
    if (table) {
      return (
        <SourceTable
          key={p.start}
          table={table}
          text={text}
          rowItems={cells?.byRow.get(table.id) ?? NO_ROWS}
          selectedId={selectedId}
          selected={selectedCell?.table === table.id ? selectedCell : null}
          onSelect={onSelect}
          onRemap={onRemap ? (column, role) => onRemap(table, column, role) : undefined}
          busy={remapping}
        />
      );
    }
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
