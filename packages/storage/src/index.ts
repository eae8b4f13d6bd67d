export { type S3FileStoreOptions, s3FileStore } from "./s3-file-store.js";
export { s3PostPolicyIssuer } from "./uploads/s3-post-policy.js";
export {
  signedLocalIssuer,
  type VerifiedUpload,
  verifyLocalUpload,
} from "./uploads/signed-local.js";
export type {
  UploadIssuer,
  UploadRequest,
  UploadTarget,
} from "./uploads/target.js";
