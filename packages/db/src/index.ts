export * from "./audit/index.js";
export * from "./auth/index.js";
export {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  migrateServer,
  migrationsFolder,
  openDatabase,
} from "./client.js";
export { type Context, type Directory, reading, transact } from "./context.js";
export * from "./department/operations.js";
export * from "./employee/deactivate.js";
export * from "./employee/facets.js";
export * from "./employee/read.js";
export * from "./employee/search.js";
export * from "./employee/write.js";
export { findPgError, uniqueViolation } from "./errors.js";
export * from "./export/directory.js";
export * from "./import/index.js";
export * from "./jobs/index.js";
export * from "./location/operations.js";
export * from "./photo/current.js";
export * from "./photo/switch.js";
export * from "./realtime/index.js";
export * from "./scim/index.js";
