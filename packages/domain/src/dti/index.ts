export * from "./framework.ts";
export * from "./lists.ts";
export * from "./ranking.ts";
export * from "./rule-text.ts";
export * from "./scoring.ts";
export * from "./seeded.ts";
