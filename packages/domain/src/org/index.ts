export * from "./lists.ts";
export * from "./match-units.ts";
export * from "./reorganise.ts";
export * from "./tree.ts";
export * from "./unit-kinds.ts";
