import { Checkbox, Empty, Pagination, Spin, type TableProps } from "antd";
import type { ColumnGroupType, ColumnType } from "antd/es/table";
import { type Key, type ReactNode, useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { useWideScreen } from "../lib/use-wide-screen.ts";
import { LazyTable } from "./lazy-table.tsx";

type Column<T> = ColumnType<T> | ColumnGroupType<T>;

function leafColumns<T>(columns: readonly Column<T>[]): ColumnType<T>[] {
  return columns.flatMap((c) =>
    "children" in c && c.children ? leafColumns(c.children as Column<T>[]) : [c],
  );
}

function cellValue<T>(record: T, dataIndex: ColumnType<T>["dataIndex"]): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = record;
  for (const step of path)
    value = (value as Record<string | number, unknown> | null | undefined)?.[step as string];
  return value;
}

function cell<T>(column: ColumnType<T>, record: T, index: number): ReactNode {
  const value = cellValue(record, column.dataIndex);
  if (column.render) {
    const rendered = column.render(value, record, index);
    // A render may return cell props ({ children, props }); only the content matters in a card.
    if (rendered && typeof rendered === "object" && "children" in rendered && "props" in rendered)
      return (rendered as { children: ReactNode }).children;
    return rendered as ReactNode;
  }
  return value === null || value === undefined ? "" : (value as ReactNode);
}

function rowKeyOf<T>(rowKey: TableProps<T>["rowKey"], record: T, index: number): Key {
  if (typeof rowKey === "function") return rowKey(record, index) as Key;
  if (typeof rowKey === "string") return (record as Record<string, Key>)[rowKey] ?? index;
  return (record as { key?: Key }).key ?? index;
}

/**
 * An antd Table on a wide screen; on a phone (below 768 px) each row becomes a card:
 * the first column as its heading, the others as "label: value" lines, so nothing is
 * wider than the screen. Takes the Table's own props; row clicks (onRow), the
 * pagination (client-side or the server's) and checkbox selection (rowSelection: a box
 * on each card, and one for every row that may be chosen) work in both forms.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const { t } = useI18n();
  const wide = useWideScreen();
  const [clientPage, setClientPage] = useState(1);
  if (wide) return <LazyTable<T> {...props} />;

  const { columns = [], dataSource = [], rowKey, onRow, loading, pagination, locale } = props;
  const leaves = leafColumns(columns as Column<T>[]).filter((c) => !c.hidden);
  const [head, ...rest] = leaves;
  const paging = pagination === false ? null : (pagination ?? {});
  const serverPaged = paging?.total !== undefined && paging.onChange !== undefined;
  const pageSize = paging?.pageSize ?? 10;
  const current = serverPaged ? (paging?.current ?? 1) : clientPage;
  const rows =
    paging && !serverPaged ? dataSource.slice((current - 1) * pageSize, current * pageSize) : dataSource;
  const total = serverPaged ? (paging?.total ?? 0) : dataSource.length;
  const spinning = typeof loading === "object" ? Boolean(loading.spinning) : Boolean(loading);
  const expandable = props.expandable;
  const selection = props.rowSelection;
  const chosen = new Set<Key>(selection?.selectedRowKeys ?? []);
  const choosable = selection
    ? dataSource
        .map((record, i) => ({ record, key: rowKeyOf(rowKey, record, i) }))
        .filter(({ record }) => !selection.getCheckboxProps?.(record)?.disabled)
    : [];
  const allChosen = choosable.length > 0 && choosable.every(({ key }) => chosen.has(key));
  const choose = (keys: Key[]) =>
    selection?.onChange?.(
      keys,
      dataSource.filter((record, i) => keys.includes(rowKeyOf(rowKey, record, i))),
      { type: "multiple" },
    );

  return (
    <Spin spinning={spinning}>
      <div className="dt-cards" data-testid={(props as { "data-testid"?: string })["data-testid"]}>
        {choosable.length > 0 && (
          <Checkbox
            checked={allChosen}
            indeterminate={!allChosen && choosable.some(({ key }) => chosen.has(key))}
            onChange={(e) => choose(e.target.checked ? choosable.map(({ key }) => key) : [])}
          >
            {t("common.selectAll", { n: choosable.length })}
          </Checkbox>
        )}
        {rows.length === 0 &&
          !spinning &&
          (typeof locale?.emptyText === "function"
            ? locale.emptyText()
            : (locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />))}
        {rows.map((record, i) => {
          const index = (current - 1) * (paging && !serverPaged ? pageSize : 0) + i;
          const rowProps = onRow?.(record, index) ?? {};
          const title = (c: ColumnType<T>) => (typeof c.title === "function" ? null : c.title);
          return (
            <div
              key={rowKeyOf(rowKey, record, index)}
              className={`dt-card-row${rowProps.onClick ? " dt-card-clickable" : ""}`}
              {...(rowProps.onClick
                ? {
                    role: "button",
                    tabIndex: 0,
                    onClick: rowProps.onClick,
                    onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => {
                      if (e.key === "Enter")
                        rowProps.onClick?.(e as unknown as React.MouseEvent<HTMLElement>);
                    },
                  }
                : {})}
              data-testid="table-card"
            >
              {head &&
                (selection ? (
                  <div className="dt-card-head" style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                    <Checkbox
                      {...selection.getCheckboxProps?.(record)}
                      checked={chosen.has(rowKeyOf(rowKey, record, index))}
                      onClick={(e) => e.stopPropagation()}
                      onChange={(e) => {
                        const key = rowKeyOf(rowKey, record, index);
                        choose(e.target.checked ? [...chosen, key] : [...chosen].filter((k) => k !== key));
                      }}
                    />
                    <div style={{ flex: 1, minWidth: 0 }}>{cell(head, record, index)}</div>
                  </div>
                ) : (
                  <div className="dt-card-head">{cell(head, record, index)}</div>
                ))}
              {rest.map((c, k) => {
                const content = cell(c, record, index);
                if (content === "" || content === null || content === undefined || content === false)
                  return null;
                return (
                  <div key={String(c.key ?? c.dataIndex ?? k)} className="dt-card-line">
                    {title(c) && <span className="dt-card-label">{title(c)}</span>}
                    <span className="dt-card-value">{content}</span>
                  </div>
                );
              })}
              {expandable?.expandedRowRender && (expandable.rowExpandable?.(record) ?? true) && (
                <div className="dt-card-more">{expandable.expandedRowRender(record, index, 0, true)}</div>
              )}
            </div>
          );
        })}
      </div>
      {paging && total > pageSize && (
        <Pagination
          simple
          size="small"
          style={{ marginTop: 12, textAlign: "center" }}
          current={current}
          pageSize={pageSize}
          total={total}
          onChange={(p, size) => (serverPaged ? paging.onChange?.(p, size) : setClientPage(p))}
        />
      )}
    </Spin>
  );
}
