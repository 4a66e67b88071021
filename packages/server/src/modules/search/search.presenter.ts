import type { TSearchHit } from "@dtplan/contracts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import type { Lang } from "../../i18n/error-text.ts";
import type { FoundRow } from "./search.repository.ts";

const at = encodeURIComponent;

/**
 * The page of a plan, which every reader of the plan may open: a draft's review is for its
 * managers only, and its page leads them there. A published item's panel opens with it.
 */
const planPage = (r: FoundRow, tab = "", panel = "") =>
  `/plans/${at(r.code ?? "")}${tab}${r.status === "draft" ? "" : panel}`;

/** A thing found, named as people know it, with the page where it lives. */
export function presentHit(r: FoundRow, lang: Lang): TSearchHit {
  const base = { kind: r.kind, id: r.id, title: r.title };
  switch (r.kind) {
    case "plan":
      return { ...base, detail: r.unit_name ?? "", link: planPage(r) };
    case "target":
      return {
        ...base,
        detail: r.plan_title ?? "",
        link: planPage(r, "?tab=targets", `&target=${at(r.key ?? "")}`),
      };
    case "task":
      return {
        ...base,
        detail: [r.unit_name, r.plan_title].filter(Boolean).join(" · "),
        link: planPage(r, "?tab=tasks", `&task=${at(r.id)}`),
      };
    case "unit":
      return { ...base, detail: r.unit_name ?? "", link: `/admin/org?unit=${at(r.id)}` };
    case "report":
      return {
        ...base,
        title: `${r.unit_name} — ${r.title}`,
        detail: `${r.plan_title} · ${REPORT_STATUS_LABELS[r.status as ReportStatus]?.[lang] ?? ""}`,
        link: `/periods/${at(r.code ?? "")}/${at(r.key ?? "")}/units/${at(r.unit_id ?? "")}`,
      };
    case "person":
      return {
        ...base,
        detail: `${r.code} · ${r.unit_name}`,
        link: `/admin/users?q=${at(r.code ?? "")}`,
      };
  }
}
