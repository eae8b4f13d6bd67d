export { folderFileStore } from "./folder-store.js";
