export * from "./accounts.js";
export * from "./sessions.js";
export * from "./sign-in.js";
export { scimTokens, sessions } from "./table.js";
