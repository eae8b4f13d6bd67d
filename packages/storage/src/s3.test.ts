import { S3Client } from "@aws-sdk/client-s3";
import { NotFoundError } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3FileStore } from "./s3-file-store.js";
import {
  type S3StandIn,
  STAND_IN_CREDENTIALS,
  startS3StandIn,
} from "./testing/index.js";
import { s3PostPolicyIssuer } from "./uploads/s3-post-policy.js";
import type { UploadTarget } from "./uploads/target.js";

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

async function text(source: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe("s3FileStore", () => {
  it("puts, reads and removes objects under its prefix", async () => {
    const store = s3FileStore({ client, bucket: "roster", prefix: "files/" });
    const put = await store.put("reports/one.csv", [Buffer.from("a,b\n")]);
    expect(put.bytes).toBe(4);
    expect(standIn.objects.has("roster/files/reports/one.csv")).toBe(true);
    expect(await text(await store.read("reports/one.csv"))).toBe("a,b\n");
    await store.remove("reports/one.csv");
    await expect(store.read("reports/one.csv")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refuses keys that climb out or start at the root", async () => {
    const store = s3FileStore({ client, bucket: "roster" });
    await expect(store.put("../etc/passwd", [])).rejects.toThrow(
      /not a file key/,
    );
    await expect(store.read("/absolute")).rejects.toThrow(/not a file key/);
  });
});

function post(target: UploadTarget, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) {
    form.append(name, value);
  }
  form.append("file", new Blob([bytes], { type }));
  return fetch(target.url, { method: "POST", body: form });
}

describe("s3PostPolicyIssuer", () => {
  const issuer = () => s3PostPolicyIssuer({ client, bucket: "roster" });
  const request = {
    key: "uploads/person/1",
    contentType: "image/jpeg",
    maxBytes: 1000,
    expiresInSeconds: 300,
  };

  it("issues a POST that stores the file", async () => {
    const target = await issuer().issue(request);
    expect(target.url).toBe(`${standIn.endpoint}/roster`);
    const response = await post(target, Buffer.alloc(500, 1), "image/jpeg");
    expect(response.status).toBe(204);
    expect(standIn.objects.get("roster/uploads/person/1")?.contentType).toBe(
      "image/jpeg",
    );
  });

  it("is refused by S3 for a file over the size bound", async () => {
    const target = await issuer().issue({ ...request, key: "uploads/p/2" });
    const response = await post(target, Buffer.alloc(1001, 1), "image/jpeg");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("EntityTooLarge");
    expect(standIn.objects.has("roster/uploads/p/2")).toBe(false);
  });

  it("is refused for another content type or a tampered key", async () => {
    const target = await issuer().issue({ ...request, key: "uploads/p/3" });
    const retyped = {
      ...target,
      fields: { ...target.fields, "Content-Type": "text/html" },
    };
    expect((await post(retyped, Buffer.alloc(10), "text/html")).status).toBe(
      403,
    );
    const moved = { ...target, fields: { ...target.fields, key: "other" } };
    expect((await post(moved, Buffer.alloc(10), "image/jpeg")).status).toBe(
      403,
    );
  });
});
