export {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  migrationsFolder,
  openDatabase,
} from "./client.js";
export { type Context, type Directory, reading, transact } from "./context.js";
export * from "./department/operations.js";
export * from "./employee/facets.js";
export * from "./employee/read.js";
export * from "./employee/search.js";
export * from "./employee/write.js";
export { findPgError, uniqueViolation } from "./errors.js";
export * from "./import/index.js";
export * from "./location/operations.js";
export * from "./realtime/index.js";
