export { photoJob } from "./handler.js";
export { PHOTO_JOB, PhotoJobParams } from "./params.js";
