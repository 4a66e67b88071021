import { formatVnd, type Lang } from "../text/format.ts";

const WORDS = {
  vi: {
    noTotal: "Kế hoạch chưa ghi tổng kinh phí nên chưa đối chiếu được với các hạng mục.",
    differs: (planned: string, total: string, diff: string, above: boolean) =>
      `Tổng kinh phí các hạng mục (${planned}) ${above ? "vượt" : "thấp hơn"} tổng kinh phí kế hoạch (${total}) ${diff}.`,
    overspent: (disbursed: string, planned: string) =>
      `Kinh phí đã giải ngân (${disbursed}) vượt kinh phí dự kiến (${planned}).`,
  },
  en: {
    noTotal: "The plan states no total budget, so the items cannot be checked against it.",
    differs: (planned: string, total: string, diff: string, above: boolean) =>
      `The items' total (${planned}) is ${diff} ${above ? "above" : "below"} the plan's total budget (${total}).`,
    overspent: (disbursed: string, planned: string) =>
      `The amount disbursed (${disbursed}) exceeds the amount planned (${planned}).`,
  },
} as const;

/**
 * Why a plan's budget items and its stated total disagree (or more is disbursed than
 * planned), in the reader's language; null when they agree.
 */
export function budgetWarning(
  planTotal: number | null,
  planned: number,
  disbursed: number,
  lang: Lang = "vi",
): string | null {
  const w = WORDS[lang];
  const vnd = (n: number) => formatVnd(n, lang);
  const sentences: string[] = [];
  if (planTotal === null) {
    if (planned > 0) sentences.push(w.noTotal);
  } else if (planned !== planTotal) {
    sentences.push(
      w.differs(vnd(planned), vnd(planTotal), vnd(Math.abs(planned - planTotal)), planned > planTotal),
    );
  }
  if (disbursed > planned) sentences.push(w.overspent(vnd(disbursed), vnd(planned)));
  return sentences.length ? sentences.join(" ") : null;
}
