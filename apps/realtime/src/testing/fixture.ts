import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type Actor,
  EmployeeCreate,
  type RealtimeTimings,
  type SequencedEvent,
  type ServerMessage,
  type Topic,
} from "@roster/core";
import {
  createEmployee,
  type Directory,
  issueTicket,
  reading,
  transact,
  updateEmployee,
} from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import {
  broadcastingPublisher,
  LOCAL_CREDENTIALS,
  managementApiBroadcaster,
} from "@roster/events";
import WebSocket from "ws";
import { RealtimeClient, type RealtimeClientOptions } from "../local/client.js";
import { startLocalRealtime } from "../local/server.js";

/** Polls `check` until it holds, for at most `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await sleep(10);
  }
}

/** Opens a raw socket: the status of a refused upgrade, or the socket. */
export function rawConnect(
  url: string,
): Promise<{ status: number; body: string; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("unexpected-response", (req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    ws.on("open", () => resolve({ status: 101, body: "", ws }));
    ws.on("error", reject);
  });
}

/** A person-less admin, as scripts act. */
export const admin: Actor = { id: randomUUID(), role: "admin" };

/**
 * A test's own database with the local realtime server on a free port,
 * the broadcasting publisher, and helpers to open clients and make edits.
 */
export async function openRealtimeFixture(
  options: { timings?: Partial<RealtimeTimings> } = {},
) {
  const handle = await openTestDatabase();
  const logs: Record<string, unknown>[] = [];
  const logger = (entry: Record<string, unknown>) => void logs.push(entry);
  const realtime = await startLocalRealtime({
    db: handle.db,
    port: 0,
    logger,
    ...(options.timings ? { timings: options.timings } : {}),
  });
  const broadcaster = managementApiBroadcaster({
    endpoint: realtime.managementEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const directory: Directory = {
    db: handle.db,
    events: broadcastingPublisher({ db: handle.db, broadcaster, logger }),
    onPublishError: (error) => logger({ message: String(error) }),
  };
  const ticketFor = async (employeeId: string) =>
    (
      await issueTicket(
        reading(directory, { id: employeeId, role: "employee" }),
      )
    ).ticket;
  const clients: RealtimeClient[] = [];

  /** Starts a client for `employeeId` that records what it hears. */
  const connect = async (
    employeeId: string,
    topics: Topic[],
    extra: Partial<RealtimeClientOptions> = {},
  ) => {
    const events: SequencedEvent[] = [];
    const messages: ServerMessage[] = [];
    const client = new RealtimeClient({
      ticket: async () => ({
        ticket: await ticketFor(employeeId),
        url: realtime.url,
      }),
      topics,
      retry: { initialMs: 20, maxMs: 100 },
      maxAttempts: 100,
      onEvent: (e) => void events.push(e),
      onMessage: (m) => void messages.push(m),
      ...extra,
    });
    clients.push(client);
    await client.start();
    return { client, events, messages };
  };

  const addPerson = (givenName = "Ada") =>
    transact(directory, admin, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          givenName,
          familyName: "Tester",
          email: `${randomUUID().slice(0, 12)}@example.com`,
        }),
      ),
    );
  const retitle = (id: string, jobTitle = `Title ${randomUUID()}`) =>
    transact(directory, admin, (ctx) =>
      updateEmployee(ctx, id, undefined, { jobTitle }),
    );

  return {
    handle,
    realtime,
    directory,
    logs,
    ticketFor,
    connect,
    addPerson,
    retitle,
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await realtime.stop();
      broadcaster.destroy();
      await handle.close();
    },
  };
}
