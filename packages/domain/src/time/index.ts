export * from "./vietnam.ts";
