import type { TReportingPeriod } from "@dtplan/contracts/reporting.ts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useNavigate, useParams } from "react-router";
import { plansQueries } from "../../api/endpoints.ts";
import { reportingQueries } from "../../api/reporting.ts";

export const sentOf = (p: TReportingPeriod) => p.counts.submitted + p.counts.approved;

/** Periods with reports first (the newest first), then the others in calendar order. */
function orderPeriods(periods: readonly TReportingPeriod[]): TReportingPeriod[] {
  const withData = periods.filter((p) => sentOf(p) > 0).sort((a, b) => b.end.localeCompare(a.end));
  return [...withData, ...periods.filter((p) => sentOf(p) === 0)];
}

/**
 * Which plan and period the consolidated report is about: from the address, else
 * the first published plan and its latest period with reports; kept in the
 * address so a link lands on the same report.
 */
export function usePlanPeriod() {
  const navigate = useNavigate();
  const params = useParams<{ code?: string; key?: string }>();
  const plans = useQuery(plansQueries.list({ status: "published", limit: 200 }));
  const planCode = params.code ?? plans.data?.items[0]?.code ?? null;
  const periods = useQuery({ ...reportingQueries.periods(planCode ?? ""), enabled: planCode !== null });
  // Only the chosen plan's periods: while another plan's load, the previous list is stale.
  const ordered = useMemo(
    () => (periods.data?.plan.code === planCode ? orderPeriods(periods.data.periods) : []),
    [periods.data, planCode],
  );
  const periodKey =
    params.key && ordered.some((p) => p.key === params.key) ? params.key : (ordered[0]?.key ?? null);

  useEffect(() => {
    if (planCode && periodKey && (params.code !== planCode || params.key !== periodKey)) {
      navigate(`/reports/${planCode}/${periodKey}`, { replace: true });
    }
  }, [planCode, periodKey, params.code, params.key, navigate]);

  return {
    plans,
    periods,
    ordered,
    planCode,
    periodKey,
    choosePlan: (code: string) => navigate(`/reports/${code}/-`),
    choosePeriod: (key: string) => navigate(`/reports/${planCode}/${key}`),
  };
}
