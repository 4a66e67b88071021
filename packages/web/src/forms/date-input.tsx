import { DatePicker, type DatePickerProps } from "antd";
import { useI18n } from "../i18n/i18n.tsx";

/** A date field as users write dates: dd/mm/yyyy, with the same hint everywhere; full width unless told. */
export function DateInput({ style, ...props }: DatePickerProps) {
  const { t } = useI18n();
  return (
    <DatePicker
      format="DD/MM/YYYY"
      placeholder={t("common.datePlaceholder")}
      style={{ width: "100%", ...style }}
      {...props}
    />
  );
}
