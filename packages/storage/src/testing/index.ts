export {
  type S3StandIn,
  STAND_IN_CREDENTIALS,
  type StoredObject,
  startS3StandIn,
} from "./s3-stand-in.js";
