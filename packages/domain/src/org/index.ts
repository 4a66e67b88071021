export * from "./reorganise.ts";
export * from "./tree.ts";
export * from "./unit-kinds.ts";
