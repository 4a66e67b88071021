import type { Budget } from "./types.ts";

/** The budget when the plan states none. */
export function budgetOrEmpty(): Budget {
  return { total: null, currency: "VND", sources: [], text: null, source: null, confidence: 0.3 };
}
