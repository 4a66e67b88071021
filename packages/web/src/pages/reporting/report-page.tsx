import "../../i18n/reporting-messages.ts";
import { Alert, Spin } from "antd";
import { useParams } from "react-router";
import { loadError } from "../../api/query.ts";
import type { ReportRef } from "../../api/reporting.ts";
import { ReportForm } from "./report/report-form.tsx";
import { useReportData } from "./report/use-report-data.ts";

/** Báo cáo của đơn vị: the unit's report for one period, autosaved as a draft, then submitted and reviewed. */
export default function ReportPage() {
  const { code = "", key = "", unitId = "" } = useParams();
  const ref: ReportRef = { code, periodKey: key, unitId };
  const loaded = useReportData(ref);
  if (loaded.error && !loaded.data) return <Alert type="error" showIcon title={loadError(loaded)} />;
  if (!loaded.data) return <Spin style={{ display: "block", marginTop: 64 }} />;
  return (
    <ReportForm
      // A reload (after a conflict or an Excel import) brings a new version: start the form again from it.
      key={`${loaded.data.id}:${loaded.data.version}`}
      initial={loaded.data}
      reportRef={ref}
      reload={() => void loaded.refetch()}
    />
  );
}
