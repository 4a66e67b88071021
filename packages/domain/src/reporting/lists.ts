/** Closed lists of reporting. The SQL CHECK constraints hold the same values. */

/** Tần suất báo cáo, as plan-extract/v1 writes it. */
export const REPORTING_FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual", "adhoc"] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** How often a task is carried out or reported: a frequency with a calendar. */
export const CADENCES = ["monthly", "quarterly", "semiannual", "annual"] as const;
export type Cadence = (typeof CADENCES)[number];

/** Trạng thái báo cáo của đơn vị. */
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS = {
  draft: { vi: "Đang soạn", en: "Draft" },
  submitted: { vi: "Đã nộp, chờ duyệt", en: "Submitted, awaiting review" },
  returned: { vi: "Bị trả lại", en: "Returned" },
  approved: { vi: "Đã duyệt", en: "Approved" },
} as const satisfies Record<ReportStatus, { vi: string; en: string }>;

/** What happened to a report, in its history. */
export const REPORT_EVENT_ACTIONS = ["created", "submitted", "returned", "approved", "reopened"] as const;
export type ReportEventAction = (typeof REPORT_EVENT_ACTIONS)[number];
