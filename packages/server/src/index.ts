// @dtplan/server — the HTTP API and its database.
export { buildApp } from "./app.ts";
export { addScaleProvinces, NATIONAL_SHAPE } from "./bench/scale-data.ts";
export { type AppConfig, ConfigError, readConfig, testConfig } from "./config.ts";
export { closeDatabase, type Database, databaseKind, openDatabase } from "./db/database.ts";
export { DataDirLockedError } from "./db/lock.ts";
export { LATEST_MIGRATION, MIGRATIONS, migrateToLatest, migrationStatus } from "./db/migrate.ts";
export { startThrowawayPostgres } from "./db/throwaway-postgres.ts";
export { AppError } from "./errors.ts";
export { DEMO_ADMIN, type DemoAccount, type DemoStep, demoAccounts, seedDemo } from "./modules/demo/seed.ts";
export { createEvidenceStore } from "./modules/evidence/evidence-store.ts";
export { unitLineage } from "./modules/org/org.repository.ts";
export {
  createFirstAdministrator,
  type FirstAdministratorInput,
} from "./modules/users/create-first-administrator.ts";
export { hasAnyAccount } from "./modules/users/users.repository.ts";
export { type RunningServer, startServer } from "./server.ts";
