import { Alert, type FormInstance, Modal, type ModalProps } from "antd";
import { useI18n } from "../i18n/i18n.tsx";

export interface FormModalProps extends Omit<ModalProps, "open" | "onOk" | "confirmLoading"> {
  form: FormInstance;
  /** A request is under way: the OK button spins. */
  saving: boolean;
  /** The error that names no field (see `useZodForm`), shown above the form. */
  formError: string | null;
}

/**
 * A modal dialog around one form: OK submits the form, Cancel or Esc closes (a click
 * beside it does not, so typing is never lost), the form's own error shows on top.
 */
export function FormModal({ form, saving, formError, okText, children, ...props }: FormModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      okText={okText ?? t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      {...props}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}
