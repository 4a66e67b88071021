export * from "./calendar.ts";
export * from "./timeliness.ts";
export * from "./who-reports.ts";
