export { folderFileStore } from "./folder-store.js";
export { sweepUploads, UPLOAD_LIFETIMES_MS } from "./sweep.js";
