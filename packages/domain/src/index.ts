// @dtplan/domain — pure domain logic: no HTTP, no database.
export {};
