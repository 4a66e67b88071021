import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, theme } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { useMemo } from "react";
import { RouterProvider } from "react-router";
import { queryClient } from "./api/query.ts";
import { SessionProvider } from "./auth/session.tsx";
import { I18nProvider, useI18n } from "./i18n/i18n.tsx";
import { useReducedMotion } from "./lib/reduced-motion.ts";
import { router } from "./routes.tsx";

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: "#1d4f91",
    colorInfo: "#1d4f91",
    // Set by hand: the palette derived from this dark blue gives grey backgrounds.
    colorPrimaryBg: "#e8eef8",
    colorPrimaryBgHover: "#d7e2f3",
    colorPrimaryBorder: "#b7c9e6",
    colorInfoBg: "#eef3fb",
    colorInfoBorder: "#c9d7ee",
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      '-apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: "#ffffff", headerBg: "#ffffff", bodyBg: "#f4f6fa" },
    Menu: {
      itemBorderRadius: 6,
      groupTitleColor: "#7a8699",
      itemSelectedBg: "#e8eef8",
      itemSelectedColor: "#1d4f91",
      itemHoverBg: "#f2f5fa",
    },
  },
};

function Themed() {
  const { lang } = useI18n();
  // A user who asked the system for less motion gets none of antd's (modals, drawers,
  // dropdowns, messages open and close at once).
  const reduced = useReducedMotion();
  const themed = useMemo(
    () => (reduced ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME),
    [reduced],
  );
  return (
    <ConfigProvider locale={lang === "vi" ? viVN : enUS} theme={themed}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
