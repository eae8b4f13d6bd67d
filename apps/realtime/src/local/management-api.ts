import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_MESSAGE_BYTES } from "@roster/core";
import WebSocket from "ws";
import type { Identity } from "./lambda-events.js";

/** One open socket, as the management API sees it. */
export interface LiveSocket {
  ws: WebSocket;
  connectedAt: number;
  lastActiveAt: number;
  identity: Identity;
}

// API Gateway's paths: /@connections/{id}, optionally under the stage.
const PATH = /^(?:\/[^/@]+)?\/@connections\/([^/?]+)$/;

function fail(res: ServerResponse, status: number, type: string, text: string) {
  res.writeHead(status, {
    "content-type": "application/json",
    "x-amzn-errortype": type,
  });
  res.end(JSON.stringify({ message: text }));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MESSAGE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The management API on loopback, as API Gateway serves it: POST sends
 * the body to a connection, DELETE closes it, GET describes it; 410 for
 * an id with no open socket. Requests must be SigV4-signed (any key), so
 * a web page cannot post to a socket with a plain form.
 */
export function managementApi(sockets: ReadonlyMap<string, LiveSocket>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const match = PATH.exec(req.url ?? "");
    if (!match?.[1]) return fail(res, 404, "NotFoundException", "Not Found");
    if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 ")) {
      return fail(res, 403, "ForbiddenException", "Missing Authentication");
    }
    const live = sockets.get(decodeURIComponent(match[1]));
    const open = live?.ws.readyState === WebSocket.OPEN ? live : undefined;
    if (req.method === "POST") {
      const body = await readBody(req);
      if (!body) {
        return fail(res, 413, "PayloadTooLargeException", "Too large");
      }
      if (!open) return fail(res, 410, "GoneException", "Gone");
      await new Promise<void>((resolve) =>
        open.ws.send(body.toString("utf8"), () => resolve()),
      );
      res.writeHead(200).end();
      return;
    }
    if (!open) return fail(res, 410, "GoneException", "Gone");
    if (req.method === "DELETE") {
      open.ws.close(1000, "Closed by the server");
      res.writeHead(204).end();
      return;
    }
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          connectedAt: new Date(open.connectedAt).toISOString(),
          identity: open.identity,
          lastActiveAt: new Date(open.lastActiveAt).toISOString(),
        }),
      );
      return;
    }
    fail(res, 405, "MethodNotAllowedException", "Method Not Allowed");
  };
}
