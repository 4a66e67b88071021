export * from "./access.ts";
export * from "./roles.ts";
