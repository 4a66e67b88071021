import { KeyOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { lazy, Suspense, useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

// The form (antd Form, zod, the shared schema) loads when the button is pressed: the
// header is on every first screen (≤ 300 KB, test/first-screen.ts).
const ChangePasswordModal = lazy(() => import("./change-password-modal.tsx"));

/** The header's "Đổi mật khẩu" button and its form. */
export function ChangePasswordButton({ block, iconOnly }: { block?: boolean; iconOnly?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      icon={<KeyOutlined />}
      onClick={() => setOpen(true)}
      block={block}
      aria-label={t("header.changePassword")}
      data-testid="change-password"
    >
      {iconOnly ? null : t("header.changePassword")}
    </Button>
  );
  return (
    <>
      {iconOnly ? <Tooltip title={t("header.changePassword")}>{button}</Tooltip> : button}
      {open && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
