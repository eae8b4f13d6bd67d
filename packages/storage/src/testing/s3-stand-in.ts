import { createHash, createHmac } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** Dummy credentials the stand-in checks POST policy signatures with. */
export const STAND_IN_CREDENTIALS = {
  accessKeyId: "ROSTERLOCALKEY",
  secretAccessKey: "roster-local-secret",
};

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface S3StandIn {
  /** `http://127.0.0.1:<port>`: give it to the SDK with path-style on. */
  endpoint: string;
  objects: Map<string, StoredObject>;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for S3, enough for Roster: path-style PUT, GET,
 * HEAD and DELETE of objects, and browser POST uploads checked against
 * their signed policy (expiry, bucket, key, content type, size).
 * Request signatures on the other calls are not checked.
 */
export async function startS3StandIn(): Promise<S3StandIn> {
  const objects = new Map<string, StoredObject>();
  const server = createServer((request, response) => {
    handle(objects, request, response).catch((error: unknown) => {
      s3Error(response, 500, "InternalError", String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  objects: Map<string, StoredObject>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://stand-in");
  const [bucket = "", ...rest] = url.pathname.slice(1).split("/");
  const key = decodeURIComponent(rest.join("/"));
  const id = `${bucket}/${key}`;
  const body = await readBody(request);
  switch (request.method) {
    case "PUT": {
      const contentType = String(
        request.headers["content-type"] ?? "application/octet-stream",
      );
      objects.set(id, { bytes: body, contentType });
      response.writeHead(200, { ETag: etag(body) }).end();
      return;
    }
    case "GET":
    case "HEAD": {
      const object = objects.get(id);
      if (!object) {
        s3Error(response, 404, "NoSuchKey", "The key does not exist.");
        return;
      }
      response.writeHead(200, {
        "Content-Type": object.contentType,
        "Content-Length": object.bytes.length,
        ETag: etag(object.bytes),
        "Last-Modified": new Date().toUTCString(),
      });
      response.end(request.method === "GET" ? object.bytes : undefined);
      return;
    }
    case "DELETE":
      objects.delete(id);
      response.writeHead(204).end();
      return;
    case "POST":
      if (key) break;
      await postUpload(objects, bucket, request, body, response);
      return;
  }
  s3Error(response, 405, "MethodNotAllowed", "Not supported here.");
}

async function postUpload(
  objects: Map<string, StoredObject>,
  bucket: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const form = await new Request("http://stand-in/", {
    method: "POST",
    headers: { "content-type": String(request.headers["content-type"]) },
    body,
  }).formData();
  const fields: Record<string, string> = {};
  let file: File | undefined;
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name.toLowerCase()] = value;
    else if (name === "file") file = value;
  }
  if (!file) {
    s3Error(response, 400, "InvalidArgument", "No file part in the form.");
    return;
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const problem = checkPolicy(fields, bucket, bytes.length);
  if (problem) {
    s3Error(response, problem.status, problem.code, problem.message);
    return;
  }
  const key = fields.key ?? "";
  objects.set(`${bucket}/${key}`, {
    bytes,
    contentType: fields["content-type"] ?? "binary/octet-stream",
  });
  response.writeHead(204, { ETag: etag(bytes) }).end();
}

interface Problem {
  status: number;
  code: string;
  message: string;
}

type Condition = Record<string, string> | [string, ...unknown[]];

function checkPolicy(
  fields: Record<string, string>,
  bucket: string,
  size: number,
): Problem | undefined {
  const denied = (message: string) => ({
    status: 403,
    code: "AccessDenied",
    message,
  });
  const encoded = fields.policy ?? "";
  const date = fields["x-amz-date"] ?? "";
  const [, day = "", region = "", service = ""] = (
    fields["x-amz-credential"] ?? ""
  ).split("/");
  const key = ["aws4_request", service, region, day].reduceRight<Buffer>(
    (k, part) => createHmac("sha256", k).update(part).digest(),
    Buffer.from(`AWS4${STAND_IN_CREDENTIALS.secretAccessKey}`),
  );
  const signature = createHmac("sha256", key).update(encoded).digest("hex");
  if (!encoded || !date || signature !== fields["x-amz-signature"]) {
    return denied("The policy signature does not match.");
  }
  const policy = JSON.parse(Buffer.from(encoded, "base64").toString()) as {
    expiration: string;
    conditions: Condition[];
  };
  if (Date.parse(policy.expiration) < Date.now()) {
    return denied("Invalid according to Policy: Policy expired.");
  }
  const values: Record<string, string> = { ...fields, bucket };
  for (const condition of policy.conditions) {
    if (Array.isArray(condition)) {
      const [op, name, a, b] = condition;
      if (op === "content-length-range") {
        if (size < Number(name) || size > Number(a)) {
          return {
            status: 400,
            code: size > Number(a) ? "EntityTooLarge" : "EntityTooSmall",
            message: "Your proposed upload is outside the allowed size.",
          };
        }
        continue;
      }
      const field = String(name).replace(/^\$/, "").toLowerCase();
      const actual = values[field] ?? "";
      const ok =
        op === "eq" ? actual === a : actual.startsWith(String(a ?? b ?? ""));
      if (!ok) {
        return denied(`Invalid according to Policy: ${op} ${field}.`);
      }
    } else {
      for (const [name, expected] of Object.entries(condition)) {
        if ((values[name.toLowerCase()] ?? "") !== expected) {
          return denied(`Invalid according to Policy: ${name}.`);
        }
      }
    }
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function etag(bytes: Buffer): string {
  return `"${createHash("md5").update(bytes).digest("hex")}"`;
}

function s3Error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response
    .writeHead(status, { "Content-Type": "application/xml" })
    .end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code>` +
        `<Message>${message}</Message></Error>`,
    );
}
