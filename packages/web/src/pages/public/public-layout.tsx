import { LoginOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useSession } from "../../auth/session.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { LanguageSwitch } from "../../layout/language-switch.tsx";

/** The public page's own plain frame: a title bar, the language switch and a way in for officials. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state } = useSession();
  const signedIn = state.status === "signed-in";
  return (
    <div style={{ minHeight: "100vh", background: "#f4f6fa" }}>
      <header
        style={{
          background: "#fff",
          borderBottom: "1px solid #e3e8ef",
          padding: "10px 16px",
        }}
      >
        <div
          style={{
            maxWidth: 1160,
            margin: "0 auto",
            display: "flex",
            alignItems: "center",
            gap: 12,
            flexWrap: "wrap",
          }}
        >
          <Link
            to="/cong-khai"
            style={{ display: "flex", alignItems: "center", gap: 10, minWidth: 0, flex: "1 1 240px" }}
          >
            <span
              className="dt-brand-mark"
              aria-hidden
              style={{ width: 32, height: 32, fontSize: 16, flex: "none" }}
            >
              d
            </span>
            <Typography.Text strong style={{ fontSize: 16, color: "#1d2b3f" }}>
              {t("public.title")}
            </Typography.Text>
          </Link>
          <div style={{ display: "flex", alignItems: "center", gap: 12, marginInlineStart: "auto" }}>
            <LanguageSwitch />
            <Link to={signedIn ? "/" : "/login"} title={signedIn ? undefined : t("public.signInHint")}>
              <Button icon={<LoginOutlined />}>{signedIn ? t("public.openApp") : t("public.signIn")}</Button>
            </Link>
          </div>
        </div>
      </header>
      <main style={{ maxWidth: 1160, margin: "0 auto", padding: "20px 16px 48px" }}>{children}</main>
    </div>
  );
}
