import type { S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import type { UploadIssuer } from "./target.js";

/**
 * Presigned S3 POST uploads. Unlike a presigned PUT, a POST policy bounds
 * the size (`content-length-range`) and pins the content type, and S3
 * itself refuses a file outside them.
 */
export function s3PostPolicyIssuer(options: {
  client: S3Client;
  bucket: string;
  /** Prefixed to every key, as the bucket's file store does. */
  prefix?: string;
}): UploadIssuer {
  return {
    async issue(request) {
      const key = `${options.prefix ?? ""}${request.key}`;
      const { url, fields } = await createPresignedPost(options.client, {
        Bucket: options.bucket,
        Key: key,
        Expires: request.expiresInSeconds,
        Fields: { "Content-Type": request.contentType },
        Conditions: [
          ["content-length-range", 1, request.maxBytes],
          ["eq", "$Content-Type", request.contentType],
        ],
      });
      return {
        url,
        method: "POST",
        fields,
        key: request.key,
        contentType: request.contentType,
        maxBytes: request.maxBytes,
        expiresAt: new Date(
          Date.now() + request.expiresInSeconds * 1000,
        ).toISOString(),
      };
    },
  };
}
