/**
 * A plan's facts as a document: its kind, the years it covers and its vision year, its
 * number and date of issue. The list, the public pages and the plan's details form show
 * the same ones.
 */
export const PLAN_DOCUMENT_FACTS = [
  "kind",
  "periodStart",
  "periodEnd",
  "visionYear",
  "documentNumber",
  "issuedDate",
] as const;
export type PlanDocumentFact = (typeof PLAN_DOCUMENT_FACTS)[number];

/** The document facts of a plan (a stored row or the API's plan). */
export function planDocumentFacts<P extends Pick<Record<PlanDocumentFact, unknown>, PlanDocumentFact>>(
  plan: P,
): Pick<P, PlanDocumentFact> {
  const { kind, periodStart, periodEnd, visionYear, documentNumber, issuedDate } = plan;
  return { kind, periodStart, periodEnd, visionYear, documentNumber, issuedDate };
}
