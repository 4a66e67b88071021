import "../../i18n/public-messages.ts";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useParams } from "react-router";
import { publicQueries } from "../../api/public.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PublicLayout } from "./public-layout.tsx";
import { PublicPlanList } from "./public-plan-list.tsx";
import { PublicPlanView } from "./public-plan-view.tsx";

function PlanRoute({ province, code }: { province: string; code: string }) {
  const data = useQuery(publicQueries.plan(province, code));
  const title = data.data?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  return <PublicPlanView data={data} />;
}

function ListRoute() {
  const { t } = useI18n();
  const data = useQuery(publicQueries.plans());
  useEffect(() => {
    document.title = t("public.title");
  }, [t]);
  return <PublicPlanList data={data} />;
}

/** Trang công khai (no login): `/cong-khai` lists published plans, `/cong-khai/:tenant/:code` shows one. */
export default function PublicPage() {
  const { tenant, code } = useParams();
  return (
    <PublicLayout>
      {tenant && code ? <PlanRoute province={tenant} code={code} /> : <ListRoute />}
    </PublicLayout>
  );
}
