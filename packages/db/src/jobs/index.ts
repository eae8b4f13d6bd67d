export * from "./store.js";
export type { JobRow } from "./table.js";
