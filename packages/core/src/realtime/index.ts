export * from "./constants.js";
export * from "./frame.js";
export * from "./messages.js";
export * from "./presence.js";
export * from "./topics.js";
