export * from "./access.ts";
export * from "./password-rules.ts";
export * from "./roles.ts";
