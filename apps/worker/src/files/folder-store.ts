import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  type ByteSource,
  type FileStore,
  isFileKey,
  NotFoundError,
  ValidationError,
} from "@roster/core";

/**
 * A file store in a local folder, for `pnpm dev` and tests. Files are
 * written beside their final name and renamed into place, so a reader
 * never sees half a file.
 */
export function folderFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!isFileKey(key)) {
      throw new ValidationError([
        { path: "key", message: `${JSON.stringify(key)} is not a file key` },
      ]);
    }
    return join(root, ...key.split("/"));
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.partial-${process.pid}`;
      try {
        await pipeline(toReadable(body), createWriteStream(partial));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { bytes: (await stat(path)).size };
    },
    async read(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new NotFoundError("file", key);
      }
      return createReadStream(path);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

function toReadable(body: ByteSource): Readable {
  return Readable.from(body as AsyncIterable<Uint8Array>, {
    objectMode: false,
  });
}
