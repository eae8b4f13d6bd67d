export * from "./connections.js";
export * from "./journal.js";
export * from "./presence.js";
export * from "./tickets.js";
