export * from "./email.js";
export * from "./schema.js";
export * from "./search.js";
