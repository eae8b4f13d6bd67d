/**
 * Photos, private: no public access, HTTPS only (SST's defaults). Browsers
 * upload straight to S3 with URLs the API presigns, so CORS allows PUT
 * from any origin; the signature, not the origin, is what authorises an
 * upload, and reads go through presigned GETs the same way.
 */
export const photos = new sst.aws.Bucket("Photos", {
  cors: {
    allowOrigins: ["*"],
    allowMethods: ["GET", "HEAD", "PUT"],
    allowHeaders: ["content-type", "content-md5", "x-amz-checksum-sha256"],
    exposeHeaders: ["ETag"],
    maxAge: "1 hour",
  },
});
