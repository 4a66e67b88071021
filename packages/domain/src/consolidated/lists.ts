/** Who signs a consolidated report: the chairman or a vice-chairman (KT. Chủ tịch). */
export const SIGNATORIES = ["chairman", "vice_chairman"] as const;
export type Signatory = (typeof SIGNATORIES)[number];

/** The files a consolidated report is written as. */
export const CONSOLIDATED_FORMATS = ["docx", "xlsx", "pdf"] as const;
export type ConsolidatedFormat = (typeof CONSOLIDATED_FORMATS)[number];
