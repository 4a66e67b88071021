export * from "./attainment.ts";
export * from "./roll-up.ts";
export * from "./trend.ts";
