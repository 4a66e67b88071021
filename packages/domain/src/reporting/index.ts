export * from "./calendar.ts";
export * from "./figures.ts";
export * from "./lists.ts";
export * from "./plan-calendar.ts";
export * from "./target-units.ts";
export * from "./timeliness.ts";
export * from "./who-reports.ts";
