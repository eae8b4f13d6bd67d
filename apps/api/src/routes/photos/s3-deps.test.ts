import { S3Client } from "@aws-sdk/client-s3";
import {
  type S3StandIn,
  STAND_IN_CREDENTIALS,
  startS3StandIn,
} from "@roster/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3PhotoDeps } from "./s3-deps.js";

let standIn: S3StandIn;
let client: S3Client;

beforeAll(async () => {
  standIn = await startS3StandIn();
  client = new S3Client({
    endpoint: standIn.endpoint,
    region: "eu-west-1",
    forcePathStyle: true,
    credentials: STAND_IN_CREDENTIALS,
  });
});
afterAll(async () => {
  client.destroy();
  await standIn.close();
});

describe("photos on S3", () => {
  it("take a browser POST upload that the file store then reads", async () => {
    const deps = s3PhotoDeps({
      client,
      bucket: "photos",
      launcher: { launch: async () => ({ ref: "unused" }) },
    });
    const key = "uploads/photos/a/b";
    const target = await deps.uploads.issue({
      key,
      contentType: "image/jpeg",
      maxBytes: 100,
      expiresInSeconds: 60,
    });
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) {
      form.append(name, value);
    }
    form.append("file", new Blob([new Uint8Array(50).fill(7)]));
    const sent = await fetch(target.url, { method: "POST", body: form });
    expect(sent.status).toBe(204);
    const chunks: Uint8Array[] = [];
    for await (const chunk of await deps.files.read(key)) chunks.push(chunk);
    expect(Buffer.concat(chunks)).toEqual(Buffer.alloc(50, 7));
  });
});
