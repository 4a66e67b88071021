/** Typed calls for reporting periods and unit reports; imported by the (lazy) reporting pages only. */

import type { TRemindResult } from "@dtplan/contracts/reminders.ts";
import type {
  TAdjustPeriod,
  TBulkReview,
  TBulkReviewResult,
  TOpenAdhocPeriod,
  TPeriodStatus,
  TPlanAttainment,
  TPlanPeriods,
  TReportHistory,
  TReportingPeriod,
  TSaveReport,
  TUnitReport,
} from "@dtplan/contracts/reporting.ts";
import type { TEvidenceFile } from "@dtplan/contracts/tasks.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";
import { withPlanProvince } from "./plan-province.ts";

const enc = encodeURIComponent;
const periodsPath = (code: string) => `/plans/${enc(code)}/periods`;
const periodPath = (code: string, key: string) => `${periodsPath(code)}/${enc(key)}`;
const reportPath = (code: string, key: string, unitId: string) =>
  `${periodPath(code, key)}/reports/${enc(unitId)}`;

export interface ReportRef {
  code: string;
  periodKey: string;
  unitId: string;
}

export const reportingApi = {
  periods: (code: string) => api.get<TPlanPeriods>(periodsPath(code)),
  adjustPeriod: (code: string, key: string, body: TAdjustPeriod) =>
    api.patch<TReportingPeriod>(periodPath(code, key), body),
  openAdhoc: (code: string, body: TOpenAdhocPeriod) => api.post<TReportingPeriod>(periodsPath(code), body),
  status: (code: string, key: string) => api.get<TPeriodStatus>(`${periodPath(code, key)}/status`),
  report: (r: ReportRef) => api.get<TUnitReport>(reportPath(r.code, r.periodKey, r.unitId)),
  /** Lưu nháp; 409 when `version` moved (someone else saved or acted). */
  save: (r: ReportRef, body: TSaveReport) =>
    api.put<TUnitReport>(reportPath(r.code, r.periodKey, r.unitId), body),
  submit: (r: ReportRef, version: number) =>
    api.post<TUnitReport>(`${reportPath(r.code, r.periodKey, r.unitId)}/submit`, { version }),
  returnReport: (r: ReportRef, version: number, comment: string) =>
    api.post<TUnitReport>(`${reportPath(r.code, r.periodKey, r.unitId)}/return`, { version, comment }),
  approve: (r: ReportRef, version: number) =>
    api.post<TUnitReport>(`${reportPath(r.code, r.periodKey, r.unitId)}/approve`, { version }),
  reopen: (r: ReportRef, reason: string) =>
    api.post<TUnitReport>(`${reportPath(r.code, r.periodKey, r.unitId)}/reopen`, { reason }),
  history: (r: ReportRef) => api.get<TReportHistory>(`${reportPath(r.code, r.periodKey, r.unitId)}/history`),
  uploadEvidence: (r: ReportRef, file: File, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api.upload<TEvidenceFile>(
      `${reportPath(r.code, r.periodKey, r.unitId)}/evidence`,
      form,
      onProgress,
    );
  },
  /** Biểu mẫu Excel: a same-origin link, so the session cookie goes with the download. */
  excelUrl: (r: ReportRef) => withPlanProvince(`/api${reportPath(r.code, r.periodKey, r.unitId)}/xlsx`),
  /** The report once submitted, to keep or print: its tables as .xlsx, or the document as PDF. */
  documentUrl: (r: ReportRef, format: "xlsx" | "pdf") =>
    withPlanProvince(`/api${reportPath(r.code, r.periodKey, r.unitId)}/document.${format}`),
  /** Nhập từ Excel: 400 with one `details` entry per invalid cell, and nothing saved. */
  importExcel: (r: ReportRef, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api.upload<TUnitReport>(`${reportPath(r.code, r.periodKey, r.unitId)}/xlsx`, form);
  },
  /** Duyệt / trả lại hàng loạt; `preview: true` changes nothing and says what would. */
  bulkReview: (code: string, key: string, body: TBulkReview) =>
    api.post<TBulkReviewResult>(`${periodPath(code, key)}/reports/bulk-review`, body),
  /** Nhắc ngay the units that have not submitted (focal officer). */
  remind: (code: string, key: string) => api.post<TRemindResult>(`${periodPath(code, key)}/remind`),
  attainment: (code: string, period?: string) =>
    api.get<TPlanAttainment>(`/plans/${enc(code)}/attainment`, { period }),
};

/** Reads of periods and reports, keyed under "reporting" (a write to a report changes them all). */
export const reportingQueries = {
  periods: (code: string) =>
    queryOptions({ queryKey: ["reporting", "periods", code], queryFn: () => reportingApi.periods(code) }),
  status: (code: string, key: string) =>
    queryOptions({
      queryKey: ["reporting", "status", code, key],
      queryFn: () => reportingApi.status(code, key),
    }),
  report: (r: ReportRef) =>
    queryOptions({
      queryKey: ["reporting", "report", r.code, r.periodKey, r.unitId],
      queryFn: () => reportingApi.report(r),
    }),
  history: (r: ReportRef) =>
    queryOptions({
      queryKey: ["reporting", "history", r.code, r.periodKey, r.unitId],
      queryFn: () => reportingApi.history(r),
    }),
  attainment: (code: string, period?: string) =>
    queryOptions({
      queryKey: ["reporting", "attainment", code, period ?? null],
      queryFn: () => reportingApi.attainment(code, period),
    }),
};
