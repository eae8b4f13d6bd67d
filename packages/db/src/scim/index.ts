export * from "./tokens.js";
export * from "./users-read.js";
export {
  patchScimUser,
  provisionScimUser,
  replaceScimUser,
} from "./users-write.js";
