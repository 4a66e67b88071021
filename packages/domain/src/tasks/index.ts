export * from "./lists.ts";
export * from "./status.ts";
export * from "./summary.ts";
