export * from "./catalogue.ts";
export * from "./lists.ts";
export * from "./match-indicator.ts";
export * from "./pillars.ts";
