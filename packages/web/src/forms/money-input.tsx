import { InputNumber, type InputNumberProps } from "antd";
import { useI18n } from "../i18n/i18n.tsx";

/** An amount of whole đồng, grouped as the reader writes numbers (1.552.020.000) while typing. */
export function MoneyInput(props: InputNumberProps<number>) {
  const { num } = useI18n();
  return (
    <InputNumber<number>
      min={0}
      style={{ width: 220 }}
      formatter={(v) => (v === undefined || v === null || `${v}` === "" ? "" : num(Number(v)))}
      parser={(v) => Number((v ?? "").replace(/[^\d]/g, "")) || 0}
      {...props}
    />
  );
}
