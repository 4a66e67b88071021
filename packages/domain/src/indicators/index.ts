export * from "./catalogue.ts";
export * from "./match-indicator.ts";
export * from "./pillars.ts";
