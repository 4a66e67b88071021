export * from "./audit.ts";
export * from "./auth.ts";
export * from "./common.ts";
export * from "./health.ts";
export * from "./indicators.ts";
export * from "./org.ts";
export * from "./plans.ts";
export * from "./users.ts";
