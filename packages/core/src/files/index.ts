import type { ByteSource } from "../import/csv.js";

/**
 * Where uploaded and generated files live: a folder locally, a bucket in
 * AWS. Keys are relative paths of safe segments, like
 * `imports/<job id>/upload`.
 */
export interface FileStore {
  /** Stores `body` under `key`, replacing what was there. */
  put(key: string, body: ByteSource): Promise<{ bytes: number }>;
  /** The bytes under `key`; throws `NotFoundError` when there are none. */
  read(key: string): Promise<AsyncIterable<Uint8Array>>;
  /** Removes `key`; nothing happens when it is already gone. */
  remove(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** True for a key a file store accepts: no `..`, no leading slash. */
export function isFileKey(key: string): boolean {
  const parts = key.split("/");
  return (
    parts.length <= 8 &&
    parts.every((part) => SEGMENT.test(part) && !part.includes(".."))
  );
}
