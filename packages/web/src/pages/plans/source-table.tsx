import type { TExtractedTable, TTableCellRef } from "@dtplan/contracts/plans.ts";
import { TABLE_COLUMN_ROLES, type TableColumnRole } from "@dtplan/domain/extract/types.ts";
import { Select, Tag } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";

interface Props {
  table: TExtractedTable;
  text: string;
  /** Item ids by row, for the rows an item was read from. */
  rowItems: Map<number, string[]>;
  selectedId: string | null;
  /** The selected item's cell when it is in this table. */
  selected: TTableCellRef | null;
  onSelect: (id: string) => void;
  /** Absent when the plan cannot be changed (the select is then read-only). */
  onRemap?: (column: number, role: TableColumnRole) => void;
  busy?: boolean;
}

/**
 * A table of the plan shown as a table in the source pane: each column with the role
 * it was read as (changeable), each row clickable to open the item read from it, the
 * selected item's row (and, for a target, its cell) highlighted.
 */
export function SourceTable({ table, text, rowItems, selectedId, selected, onSelect, onRemap, busy }: Props) {
  const { t } = useI18n();
  const slice = (span: { start: number; end: number } | null) =>
    span ? text.slice(span.start, span.end) : "";
  const roleOptions = TABLE_COLUMN_ROLES.map((role) => ({ value: role, label: t(`tableRole.${role}`) }));
  return (
    <div className="dt-src-table-box" data-table={table.id}>
      <div className="dt-src-table-caption">
        <Tag color="blue">{t(`review.table.kind.${table.kind}`)}</Tag>
        <span>{t("review.table.hint")}</span>
      </div>
      <div className="dt-src-table-scroll">
        <table className="dt-src-table" data-testid={`source-table-${table.id}`}>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={i}>
                  <div className="dt-src-th-header">{c.header}</div>
                  <Select
                    size="small"
                    className="dt-src-role"
                    popupMatchSelectWidth={false}
                    value={c.role}
                    options={roleOptions}
                    disabled={!onRemap || busy}
                    aria-label={t("review.table.roleOf", { header: c.header })}
                    data-testid={`column-role-${table.id}-${i}`}
                    onChange={(role) => onRemap?.(i, role)}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => {
              if (row.group) {
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                  <tr key={r} className="dt-src-group">
                    <td colSpan={table.columns.length}>{slice(row.source)}</td>
                  </tr>
                );
              }
              const items = rowItems.get(r) ?? [];
              const isSelected = selected?.row === r;
              const open = () => {
                const next = items.find((id) => id !== selectedId) ?? items[0];
                if (next) onSelect(next);
              };
              return (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                  key={r}
                  data-row={r}
                  data-span={isSelected ? (selectedId ?? undefined) : undefined}
                  data-testid={isSelected ? "source-row-highlight" : undefined}
                  className={[
                    items.length ? "dt-src-row-item" : "",
                    isSelected ? "dt-src-row-selected" : "",
                  ].join(" ")}
                  onClick={open}
                >
                  {row.cells.map((cell, c) => {
                    const cellSelected =
                      isSelected &&
                      (selected?.column === undefined
                        ? table.columns[c]?.role === "task"
                        : selected.column === c);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <td key={c} className={cellSelected ? "dt-src-cell-selected" : undefined}>
                        {cellSelected ? (
                          <mark data-testid="source-highlight">{slice(cell)}</mark>
                        ) : (
                          slice(cell)
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
