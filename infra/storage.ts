/**
 * Where browsers upload photos before the worker processes them; the same
 * prefix as `photoUploadKey` in @roster/core.
 */
export const PHOTO_UPLOADS_PREFIX = "uploads/photos/";

/** Where the API keeps uploaded HR exports (apps/api's import upload). */
export const IMPORT_UPLOADS_PREFIX = "uploads/imports/";

/**
 * Photos, private: no public access, HTTPS only (SST's defaults). Browsers
 * upload straight to S3 with a form POST under a policy the API presigns,
 * so CORS allows POST from any origin: the signed policy, not the origin,
 * is what authorises an upload (and bounds its key, type and size), and
 * reads go through presigned GETs the same way.
 *
 * The worker deletes a photo upload once it has processed it; one nobody
 * processed (never completed, or refused) expires after a day. An HR
 * export is kept a week, for previews run or retried later, then
 * expires: it holds personal data the directory no longer needs.
 */
export const photos = new sst.aws.Bucket("Photos", {
  cors: {
    allowOrigins: ["*"],
    allowMethods: ["GET", "HEAD", "POST"],
    allowHeaders: ["content-type", "content-md5", "x-amz-checksum-sha256"],
    exposeHeaders: ["ETag"],
    maxAge: "1 hour",
  },
  lifecycle: [
    {
      id: "expire-abandoned-photo-uploads",
      prefix: PHOTO_UPLOADS_PREFIX,
      expiresIn: "1 day",
    },
    {
      id: "expire-import-uploads",
      prefix: IMPORT_UPLOADS_PREFIX,
      expiresIn: "7 days",
    },
  ],
  transform: {
    // SST's rule has no setting for multipart uploads left unfinished,
    // which S3 keeps (and bills) until they are aborted.
    lifecycle: (args) => {
      args.rules = $output(args.rules).apply((rules) =>
        (rules ?? []).map((rule) => ({
          ...rule,
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        })),
      );
    },
  },
});
