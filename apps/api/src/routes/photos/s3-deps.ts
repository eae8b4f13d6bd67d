import type { S3Client } from "@aws-sdk/client-s3";
import type { JobLauncher } from "@roster/core";
import { s3FileStore, s3PostPolicyIssuer } from "@roster/storage";
import type { PhotoDeps } from "./deps.js";

/**
 * Photos in AWS: uploads and renditions in the photos bucket, uploads by
 * S3 POST policy straight from the browser (the bucket's CORS rules must
 * allow the web origin to POST), and processing by the given launcher.
 */
export function s3PhotoDeps(options: {
  client: S3Client;
  bucket: string;
  launcher: JobLauncher;
}): PhotoDeps {
  const { client, bucket, launcher } = options;
  return {
    files: s3FileStore({ client, bucket }),
    uploads: s3PostPolicyIssuer({ client, bucket }),
    launcher,
  };
}
