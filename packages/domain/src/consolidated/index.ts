export * from "./lists.ts";
