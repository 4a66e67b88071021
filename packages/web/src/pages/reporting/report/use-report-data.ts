import { useQuery } from "@tanstack/react-query";
import { queryClient } from "../../../api/query.ts";
import { type ReportRef, reportingQueries } from "../../../api/reporting.ts";

/**
 * The report as the server has it. The form copies it once and then holds the
 * draft itself, so the cached copy is dropped when the page closes (`gcTime: 0`):
 * opening the report again never starts a form from an old version.
 */
export function useReportData(ref: ReportRef) {
  return useQuery({ ...reportingQueries.report(ref), gcTime: 0, placeholderData: undefined });
}

/** The report's history (saves, submission, review). */
export function useReportHistory(ref: ReportRef) {
  return useQuery(reportingQueries.history(ref));
}

/**
 * After a save or an action: the history on screen reloads, and the periods,
 * chase lists and attainment read the new state when they open. The report
 * itself is not refetched: the form already holds the answer of the write.
 */
export function reportChanged(ref: ReportRef): void {
  void queryClient.invalidateQueries({ queryKey: reportingQueries.history(ref).queryKey });
  void queryClient.invalidateQueries({
    queryKey: ["reporting"],
    predicate: (query) => query.queryKey[1] !== "report",
    refetchType: "none",
  });
}
