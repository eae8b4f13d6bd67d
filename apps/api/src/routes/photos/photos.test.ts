import { randomUUID } from "node:crypto";
import {
  type FileStore,
  type JobLaunch,
  NotFoundError,
  PHOTO_UPLOAD_MAX_BYTES,
  photoRenditionKey,
} from "@roster/core";
import { type DatabaseHandle, switchEmployeePhoto, transact } from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import { signedLocalIssuer } from "@roster/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { localActorResolver } from "../../auth/actor.js";
import { jsonHeaders } from "../../test-app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked below
type Json = Record<string, any>;

function memoryFiles(): FileStore & { keys: Map<string, Uint8Array> } {
  const keys = new Map<string, Uint8Array>();
  return {
    keys,
    async put(key, body) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of body) chunks.push(chunk);
      keys.set(key, Buffer.concat(chunks));
      return { bytes: keys.get(key)?.length ?? 0 };
    },
    async read(key) {
      const bytes = keys.get(key);
      if (!bytes) throw new NotFoundError("file", key);
      return (async function* () {
        yield bytes;
      })();
    },
    async remove(key) {
      keys.delete(key);
    },
  };
}

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
const files = memoryFiles();
const launches: JobLaunch[] = [];
let person: Json;
let directory: Parameters<typeof createApp>[0]["directory"];

beforeAll(async () => {
  handle = await openTestDatabase();
  directory = { db: handle.db, events: { publish: async () => {} } };
  const secret = "test-upload-secret";
  app = createApp({
    directory,
    auth: localActorResolver(directory, "nobody@example.com"),
    logger: () => {},
    photos: {
      files,
      uploads: signedLocalIssuer({ url: "/api/uploads", secret }),
      launcher: {
        launch: async (request) => {
          launches.push(request);
          return { ref: "test:1" };
        },
      },
      localUploadSecret: secret,
    },
  });
  const res = await app.request("/api/employees", {
    method: "POST",
    headers: jsonHeaders(),
    body: JSON.stringify({
      givenName: "Mary",
      familyName: "Jackson",
      email: `m-${randomUUID().slice(0, 8)}@example.com`,
    }),
  });
  person = (await res.json()) as Json;
});
afterAll(() => handle.close());

const asPerson = () => ({ "x-roster-act-as": person.id as string });

async function askForUpload(body: unknown, headers = asPerson()) {
  const res = await app.request(`/api/employees/${person.id}/photo/uploads`, {
    method: "POST",
    headers: jsonHeaders(headers),
    body: JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Json };
}

function send(upload: Json, bytes: Uint8Array, type = "image/png") {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields as object)) {
    form.append(name, value as string);
  }
  form.append("file", new Blob([bytes], { type }));
  return app.request(upload.url as string, { method: "POST", body: form });
}

describe("photo uploads", () => {
  it("issue a bounded target, take the file and queue its processing", async () => {
    const { res, body } = await askForUpload({
      contentType: "image/png",
      bytes: 1000,
    });
    expect(res.status).toBe(201);
    expect(body.upload).toMatchObject({
      method: "POST",
      url: "/api/uploads",
      maxBytes: PHOTO_UPLOAD_MAX_BYTES,
    });
    const sent = await send(body.upload, new Uint8Array(1000));
    expect(sent.status).toBe(204);
    expect(files.keys.has(body.upload.key)).toBe(true);

    const done = await app.request(`/api/employees/${person.id}/photo`, {
      method: "POST",
      headers: jsonHeaders(asPerson()),
      body: JSON.stringify({ uploadId: body.uploadId }),
    });
    expect(done.status).toBe(202);
    const job = (await done.json()) as Json;
    expect(launches.at(-1)?.jobId).toBe(job.jobId);
    const status = await app.request(done.headers.get("location") ?? "", {
      headers: asPerson(),
    });
    expect(await status.json()).toMatchObject({
      status: "queued",
      faces: null,
      photoKey: null,
    });
  });

  it("refuse HEIC, other types and oversized files up front", async () => {
    const heic = await askForUpload({ contentType: "image/heic" });
    expect(heic.res.status).toBe(415);
    expect(heic.body.message).toMatch(/HEIC.*JPEG/);
    const pdf = await askForUpload({ contentType: "application/pdf" });
    expect(pdf.res.status).toBe(415);
    const big = await askForUpload({
      contentType: "image/jpeg",
      bytes: PHOTO_UPLOAD_MAX_BYTES + 1,
    });
    expect(big.res.status).toBe(413);
  });

  it("refuse a file of another type than the target allows", async () => {
    const { body } = await askForUpload({ contentType: "image/png" });
    const upload = {
      ...body.upload,
      fields: { ...body.upload.fields, "Content-Type": "text/html" },
    };
    const sent = await send(upload, new Uint8Array(10), "text/html");
    expect(sent.status).toBe(415);
    expect(files.keys.has(body.upload.key)).toBe(false);
  });

  it("refuse someone else's photo, and completing a missing upload", async () => {
    const other = await askForUpload(
      { contentType: "image/png" },
      { "x-roster-act-as": randomUUID() },
    );
    expect([401, 403]).toContain(other.res.status);
    const missing = await app.request(`/api/employees/${person.id}/photo`, {
      method: "POST",
      headers: jsonHeaders(asPerson()),
      body: JSON.stringify({ uploadId: randomUUID() }),
    });
    expect(missing.status).toBe(409);
  });
});

describe("photo renditions", () => {
  it("serve allow-listed sizes with long cache headers, 400 otherwise", async () => {
    const setId = randomUUID();
    const photoKey = `${person.id}/${setId}`;
    await files.put(photoRenditionKey(photoKey, 128, "webp"), [
      new Uint8Array([1, 2, 3]),
    ]);
    await transact(directory, { id: person.id, role: "employee" }, (ctx) =>
      switchEmployeePhoto(ctx, person.id, photoKey, "one"),
    );
    const base = `/api/photos/${photoKey}`;
    const ok = await app.request(`${base}/128.webp`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/webp");
    expect(ok.headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    for (const bad of ["130.webp", "128.png", "99999.jpeg", "128", "x.y"]) {
      const res = await app.request(`${base}/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as Json).message).toMatch(/sizes 64, 128/);
    }
    expect((await app.request(`/api/photos/x/${setId}/128.webp`)).status).toBe(
      400,
    );
    expect((await app.request(`${base}/256.webp`)).status).toBe(404);
    for (const alias of ["0128.webp", "128.webp?w=5000"]) {
      expect((await app.request(`${base}/${alias}`)).status, alias).toBe(400);
    }
  });

  it("serve only the set a person shows now", async () => {
    const old = `${person.id}/${randomUUID()}`;
    const now = `${person.id}/${randomUUID()}`;
    for (const key of [old, now]) {
      await files.put(photoRenditionKey(key, 64, "jpeg"), [
        new Uint8Array([9]),
      ]);
      await transact(directory, { id: person.id, role: "employee" }, (ctx) =>
        switchEmployeePhoto(ctx, person.id, key, "one"),
      );
    }
    expect((await app.request(`/api/photos/${now}/64.jpeg`)).status).toBe(200);
    expect((await app.request(`/api/photos/${old}/64.jpeg`)).status).toBe(404);
  });
});

describe("photo jobs", () => {
  it("take one photo at a time for each person", async () => {
    const start = async () => {
      const { body } = await askForUpload({ contentType: "image/png" });
      await send(body.upload, new Uint8Array(100));
      return app.request(`/api/employees/${person.id}/photo`, {
        method: "POST",
        headers: jsonHeaders(asPerson()),
        body: JSON.stringify({ uploadId: body.uploadId }),
      });
    };
    // The first test's job is still queued: its worker never ran.
    const second = await start();
    expect(second.status).toBe(409);
    expect(((await second.json()) as Json).message).toMatch(/still being/);
  });
});
