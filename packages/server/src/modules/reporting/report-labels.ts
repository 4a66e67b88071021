import type { TReportStatus } from "@dtplan/contracts";
import { REPORT_STATUS_LABELS as LABELS } from "@dtplan/domain/reporting/lists.ts";

/** The Vietnamese word for each report status, as the server writes it in answers and files. */
export const REPORT_STATUS_LABELS = Object.fromEntries(
  Object.entries(LABELS).map(([status, label]) => [status, label.vi]),
) as Record<TReportStatus, string>;
