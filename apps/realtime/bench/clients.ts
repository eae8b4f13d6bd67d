import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";

// The fan-out bench's receiving side, in its own process so the clients'
// work does not share the publisher's thread: opens one socket per
// ticket, subscribes each to the directory, and notes when each first
// hears an event after every reset.

type Command =
  | { type: "open"; url: string; tickets: string[] }
  | { type: "collect"; timeoutMs: number }
  | { type: "close" };

const sockets: WebSocket[] = [];
let heardAt: (number | undefined)[] = [];
const now = () => performance.timeOrigin + performance.now();
const reply = (message: Record<string, unknown>) => process.send?.(message);

function open(url: string, ticket: string, index: number): Promise<void> {
  const ws = new WebSocket(`${url}?ticket=${encodeURIComponent(ticket)}`);
  return new Promise((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () =>
      ws.send(JSON.stringify({ type: "subscribe", topics: ["directory"] })),
    );
    ws.on("message", (data) => {
      const type = (JSON.parse(String(data)) as { type: string }).type;
      if (type === "subscribed") {
        sockets.push(ws);
        resolve();
      }
      if (type === "events") heardAt[index] ??= now();
    });
  });
}

async function openAll(url: string, tickets: string[]) {
  heardAt = tickets.map(() => undefined);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < tickets.length) {
      const index = next++;
      await open(url, tickets[index] as string, index).catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: 25 }, worker));
  reply({ type: "opened", count: sockets.length, failed });
}

async function collect(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const pending = () => heardAt.filter((t) => t === undefined).length;
  while (pending() > heardAt.length - sockets.length && Date.now() < deadline) {
    await sleep(5);
  }
  const times = heardAt.filter((t): t is number => t !== undefined);
  heardAt = heardAt.map(() => undefined);
  reply({ type: "heard", times });
}

async function closeAll() {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once("close", () => resolve());
          ws.close();
        }),
    ),
  );
  reply({ type: "closed" });
  process.exit(0);
}

process.on("message", (command: Command) => {
  if (command.type === "open") void openAll(command.url, command.tickets);
  if (command.type === "collect") void collect(command.timeoutMs);
  if (command.type === "close") void closeAll();
});
// Never outlive the bench that started us.
process.on("disconnect", () => process.exit(0));
