import "../../i18n/public-messages.ts";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useParams, useSearchParams } from "react-router";
import { publicQueries } from "../../api/public.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PublicDtiRanking, PublicDtiTeaser } from "./public-dti.tsx";
import { PublicLayout } from "./public-layout.tsx";
import { type PublicFilters, PublicPlanList } from "./public-plan-list.tsx";
import { PublicPlanView } from "./public-plan-view.tsx";

function PlanRoute({ province, code }: { province: string; code: string }) {
  const data = useQuery(publicQueries.plan(province, code));
  const title = data.data?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  return <PublicPlanView data={data} />;
}

/** The list's filters live in the address (`?tinh=vlg&don-vi=…&q=…&trang=2`). */
function ListRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    document.title = t("public.title");
  }, [t]);
  const filters: PublicFilters = {
    province: params.get("tinh"),
    unit: params.get("don-vi"),
    q: params.get("q") ?? "",
    page: Math.max(1, Number(params.get("trang")) || 1),
  };
  const onChange = useCallback(
    (next: PublicFilters) => {
      const p = new URLSearchParams();
      if (next.province) p.set("tinh", next.province);
      if (next.unit) p.set("don-vi", next.unit);
      if (next.q) p.set("q", next.q);
      if (next.page > 1) p.set("trang", String(next.page));
      setParams(p);
    },
    [setParams],
  );
  return (
    <>
      <PublicDtiTeaser />
      <PublicPlanList filters={filters} onChange={onChange} />
    </>
  );
}

/**
 * Trang công khai (no login): `/cong-khai` lists published plans, `/cong-khai/:tenant/:code`
 * shows one, `/cong-khai/xep-hang-dti(/:roundId)` the published DTI rankings.
 */
export default function PublicPage({ dti = false }: { dti?: boolean }) {
  const { tenant, code, roundId } = useParams();
  if (dti) {
    return (
      <PublicLayout>
        <PublicDtiRanking roundId={roundId ?? null} />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      {tenant && code ? <PlanRoute province={tenant} code={code} /> : <ListRoute />}
    </PublicLayout>
  );
}
