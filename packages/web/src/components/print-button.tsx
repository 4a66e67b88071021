import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useT } from "../i18n/i18n.tsx";

/** Prints the page as styles.css lays it out for paper: A4 landscape, no menu or header. */
export function PrintButton() {
  const t = useT();
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
      {t("common.print")}
    </Button>
  );
}
