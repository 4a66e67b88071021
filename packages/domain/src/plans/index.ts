export * from "./lists.ts";
export * from "./target-correspondence.ts";
