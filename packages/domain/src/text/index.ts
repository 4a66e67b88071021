export * from "./fold.ts";
