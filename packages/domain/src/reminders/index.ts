export * from "./ics.ts";
export * from "./notifications.ts";
export * from "./outbox.ts";
