export * from "./accounts.js";
export * from "./sessions.js";
export { scimTokens, sessions } from "./table.js";
