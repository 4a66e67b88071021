export * from "./clean.ts";
export * from "./fold.ts";
