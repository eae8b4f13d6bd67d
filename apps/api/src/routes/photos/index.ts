export type { PhotoDeps } from "./deps.js";
export { localUploadRoutes } from "./local-upload-routes.js";
export { photoRenditionRoutes } from "./rendition-routes.js";
export { s3PhotoDeps } from "./s3-deps.js";
export { photoUploadRoutes } from "./upload-routes.js";
