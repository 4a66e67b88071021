import type { Table as AntTable, TableProps } from "antd";
import { Spin } from "antd";
import { lazy, Suspense } from "react";

// antd's Table brings its filter tree and menus (about 80 KB compressed): loaded only
// where a table is drawn, so a phone, which shows cards (responsive-table.tsx), never
// downloads it.
const LoadedTable = lazy(() => import("antd/es/table"));

/** antd's Table, loaded the first time one is drawn (a wide screen); same props. */
export function WideTable<T extends object>(props: TableProps<T>) {
  const Table = LoadedTable as unknown as typeof AntTable<T>;
  return (
    <Suspense fallback={<Spin />}>
      <Table {...props} />
    </Suspense>
  );
}
