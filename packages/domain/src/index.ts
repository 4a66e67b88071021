// @dtplan/domain — pure domain logic: no HTTP, no database.
// The document readers (extract/read) load mammoth and pdf.js: import them by path
// where needed, never through this index, so the web bundle stays light.
export * from "./access/index.ts";
export * from "./attainment/index.ts";
export * from "./consolidated/index.ts";
export * from "./dti/index.ts";
export * from "./extract/index.ts";
export * from "./indicators/index.ts";
export * from "./org/index.ts";
export * from "./plans/index.ts";
export * from "./reminders/index.ts";
export * from "./reporting/index.ts";
export * from "./tasks/index.ts";
export * from "./text/index.ts";
export * from "./time/index.ts";
