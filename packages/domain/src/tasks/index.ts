export * from "./lists.ts";
export * from "./status.ts";
