import type { TReportStatus } from "@dtplan/contracts";

export const REPORT_STATUS_LABELS: Record<TReportStatus, string> = {
  draft: "Đang soạn",
  submitted: "Đã nộp, chờ duyệt",
  returned: "Bị trả lại",
  approved: "Đã duyệt",
};
