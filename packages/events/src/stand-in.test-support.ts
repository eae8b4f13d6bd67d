import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A loopback stand-in for API Gateway's management API, speaking its wire
 * format, for tests: it records posts and deletes, answers 410 for ids in
 * `gone`, 500 for ids in `broken`, and tracks posts in flight.
 */
export async function startManagementStandIn(delayMs = 0) {
  const posts: { id: string; body: string }[] = [];
  const deletes: string[] = [];
  const gone = new Set<string>();
  const broken = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const match = /^(?:\/[^/]+)?\/@connections\/([^/]+)$/.exec(req.url ?? "");
    const id = decodeURIComponent(match?.[1] ?? "");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (delayMs > 0) await sleep(delayMs);
      inFlight--;
      if (!match) return void res.writeHead(404).end();
      if (gone.has(id)) {
        res.writeHead(410, { "x-amzn-errortype": "GoneException" });
        return void res.end('{"message":"Gone"}');
      }
      if (broken.has(id)) return void res.writeHead(500).end("{}");
      if (req.method === "DELETE") deletes.push(id);
      else posts.push({ id, body: Buffer.concat(chunks).toString() });
      res.writeHead(req.method === "DELETE" ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/test`,
    posts,
    deletes,
    gone,
    broken,
    get maxInFlight() {
      return maxInFlight;
    },
    /** The parsed messages one connection received, in order. */
    received: (id: string) =>
      posts.filter((p) => p.id === id).map((p) => JSON.parse(p.body)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
