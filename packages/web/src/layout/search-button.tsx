import { SearchOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { useT } from "../i18n/i18n.tsx";

// The dialog, its requests and its labels load only when someone opens it.
const SearchDialog = lazy(() => import("./search-dialog.tsx"));

/** Tìm kiếm: the header's button (an icon on a phone) and Ctrl+K (⌘K) anywhere. */
export function SearchButton({ compact }: { compact: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      {compact ? (
        <Button
          type="text"
          shape="circle"
          icon={<SearchOutlined style={{ fontSize: 18 }} />}
          aria-label={t("search.open")}
          onClick={() => setOpen(true)}
          data-testid="search-open"
        />
      ) : (
        <Button
          icon={<SearchOutlined />}
          onClick={() => setOpen(true)}
          className="dt-search-button"
          aria-keyshortcuts="Control+K"
          data-testid="search-open"
        >
          <span>{t("search.open")}</span>
          <kbd className="dt-kbd">{t("search.shortcut")}</kbd>
        </Button>
      )}
      {open && (
        <Suspense fallback={null}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
