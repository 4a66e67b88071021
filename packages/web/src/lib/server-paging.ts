import type { TablePaginationConfig } from "antd";
import { useEffect, useState } from "react";

/** A table whose rows the server pages: fixed page size, the total it reports, the page asked for. */
export function serverPagination(options: {
  page: number;
  pageSize: number;
  total: number | undefined;
  onChange: (page: number) => void;
  showTotal: (n: number) => string;
}): TablePaginationConfig {
  const { page, pageSize, total, onChange, showTotal } = options;
  return { current: page, pageSize, total: total ?? 0, onChange, showSizeChanger: false, showTotal };
}

/** The value once it has stopped changing for `ms` (a search box asks the server once the typing pauses). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}
