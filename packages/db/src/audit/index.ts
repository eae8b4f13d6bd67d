export * from "./read.js";
export * from "./record.js";
export { auditLog } from "./table.js";
