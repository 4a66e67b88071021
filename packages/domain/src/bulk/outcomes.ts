/**
 * What a bulk act does to each item it was given: changed as asked, or left as it was
 * (with the reason the single-item act gave). A preview says the same before anything changes.
 */
export const BULK_OUTCOMES = ["changed", "skipped"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

/** Duyệt or trả lại several reports of one period at once. */
export const BULK_REVIEW_ACTIONS = ["approve", "return"] as const;
export type BulkReviewAction = (typeof BULK_REVIEW_ACTIONS)[number];
