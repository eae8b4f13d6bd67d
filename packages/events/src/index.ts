export * from "./broadcaster.js";
export * from "./delivery.js";
export * from "./fan-out.js";
export * from "./publisher.js";
export * from "./sharded-broadcaster.js";
export * from "./sweep.js";
