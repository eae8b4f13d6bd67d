import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import {
  type ByteSource,
  type FileStore,
  isFileKey,
  NotFoundError,
  ValidationError,
} from "@roster/core";

export interface S3FileStoreOptions {
  client: S3Client;
  bucket: string;
  /** Prefixed to every key, e.g. `files/`; empty by default. */
  prefix?: string;
}

/**
 * The file store in an S3 bucket. A put is one PutObject, so a reader
 * sees the old object or the new one, never half of either.
 *
 * A put buffers the body in memory first: S3 needs the length up front
 * and multipart uploads are not worth it for photos and CSV reports of a
 * few megabytes. Bodies of hundreds of megabytes would need them.
 */
export function s3FileStore(options: S3FileStoreOptions): FileStore {
  const { client, bucket } = options;
  const objectKey = (key: string) => {
    if (!isFileKey(key)) {
      throw new ValidationError([
        { path: "key", message: `${JSON.stringify(key)} is not a file key` },
      ]);
    }
    return `${options.prefix ?? ""}${key}`;
  };
  return {
    async put(key, body) {
      const bytes = await collect(body);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentLength: bytes.length,
        }),
      );
      return { bytes: bytes.length };
    },
    async read(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }),
        );
        if (!object.Body) throw new NotFoundError("file", key);
        return object.Body as AsyncIterable<Uint8Array>;
      } catch (error) {
        if (error instanceof NoSuchKey) throw new NotFoundError("file", key);
        throw error;
      }
    },
    async remove(key) {
      await client.send(
        new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }),
      );
    },
  };
}

async function collect(body: ByteSource): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
