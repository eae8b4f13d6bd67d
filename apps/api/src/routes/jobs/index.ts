export { type JobDeps, launch } from "./deps.js";
export { jobRoutes } from "./routes.js";
export { importUploadRoutes, MAX_IMPORT_BYTES } from "./upload.js";
