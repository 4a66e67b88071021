import type { Table as AntTable, TableProps } from "antd";
import { Spin } from "antd";
import { lazy, Suspense } from "react";

// antd's Table brings its filter tree and menus (about 80 KB compressed): loaded only
// where a table is drawn, so a page that shows none (a phone's cards, responsive-table.tsx;
// a dialog not opened) never downloads it.
const LoadedTable = lazy(() => import("antd/es/table"));

/** antd's Table, loaded the first time one is drawn; same props. */
export function LazyTable<T extends object>(props: TableProps<T>) {
  const Table = LoadedTable as unknown as typeof AntTable<T>;
  return (
    <Suspense fallback={<Spin />}>
      <Table {...props} />
    </Suspense>
  );
}
