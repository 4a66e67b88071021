// The Vietnamese formats live in the domain so the server's documents and spreadsheets
// write figures and dates exactly as the screens show them.
export * from "@dtplan/domain/text/format.ts";
