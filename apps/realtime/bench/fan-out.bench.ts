import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { availableParallelism, loadavg } from "node:os";
import { type Actor, EmployeeCreate } from "@roster/core";
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
  type Broadcaster,
  broadcastingPublisher,
  DEFAULT_CONCURRENCY,
  LOCAL_CREDENTIALS,
  managementApiBroadcaster,
  shardedBroadcaster,
} from "@roster/events";
import { startLocalRealtime } from "../src/local/server.js";

// One change fanned out to many local clients, through the real SDK and
// the local management endpoint: the latency from publish to each
// client's receipt, posting one connection at a time (the baseline),
// with the fan-out's cap on one thread, and with the fan-out sharded
// across worker threads. The clients run in a child process.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const CAP = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_P99_MS = 500;
const WAIT_MS = 60_000;

// The whole run is bounded, whatever happens.
setTimeout(() => {
  console.error("The fan-out bench ran past 10 minutes; stopping.");
  process.exit(1);
}, 600_000).unref();

const admin: Actor = { id: randomUUID(), role: "admin" };
const nobody: Directory["events"] = { publish: async () => {} };
const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  const index = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, index))] ?? Number.NaN;
}

/** Sends a command to the clients' process and waits for its answer. */
async function ask<T>(child: ChildProcess, command: object, answer: string) {
  child.send(command);
  for (;;) {
    const [message] = (await once(child, "message")) as [{ type: string }];
    if (message.type === answer) return message as T;
  }
}

async function main() {
  const handle = await openTestDatabase();
  const realtime = await startLocalRealtime({ db: handle.db, port: 0 });
  const broadcaster = managementApiBroadcaster({
    endpoint: realtime.managementEndpoint,
    credentials: LOCAL_CREDENTIALS,
    maxSockets: CAP,
  });
  const sharded = shardedBroadcaster({
    endpoint: realtime.managementEndpoint,
    credentials: LOCAL_CREDENTIALS,
    maxSockets: CAP,
    workers: WORKERS,
  });
  const clients = fork(new URL("./clients.ts", import.meta.url), {
    execArgv: process.execArgv,
  });
  try {
    const person = await transact(
      { db: handle.db, events: nobody },
      admin,
      (ctx) =>
        createEmployee(
          ctx,
          EmployeeCreate.parse({
            givenName: "Fan",
            familyName: "Out",
            email: `fan-${randomUUID().slice(0, 8)}@bench.example`,
          }),
        ),
    );
    const tickets: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const reader: Actor = { id: randomUUID(), role: "employee" };
      const ctx = reading({ db: handle.db, events: nobody }, reader);
      tickets.push((await issueTicket(ctx, { ttlMs: 10 * 60_000 })).ticket);
    }
    const started = performance.now();
    const opened = await ask<{ count: number; failed: number }>(
      clients,
      { type: "open", url: realtime.url, tickets },
      "opened",
    );
    console.log(
      `${opened.count} clients connected and subscribed in ` +
        `${Math.round(performance.now() - started)} ms` +
        (opened.failed ? ` (${opened.failed} failed to connect)` : ""),
    );

    let round = 0;
    const run = async (broadcaster: Broadcaster, concurrency: number) => {
      let publishedAt = 0;
      let postedAt = 0;
      let cpuDuring = 0;
      const publisher = broadcastingPublisher({
        db: handle.db,
        broadcaster,
        concurrency,
      });
      const directory: Directory = {
        db: handle.db,
        events: {
          publish: async (events, seqs) => {
            publishedAt = now();
            const cpu = process.cpuUsage();
            await publisher.publish(events, seqs);
            postedAt = now();
            const used = process.cpuUsage(cpu);
            cpuDuring = (used.user + used.system) / 1_000;
          },
        },
      };
      await transact(directory, admin, (ctx) =>
        updateEmployee(ctx, person.id, undefined, {
          jobTitle: `Round ${round++}`,
        }),
      );
      const { times } = await ask<{ times: number[] }>(
        clients,
        { type: "collect", timeoutMs: WAIT_MS },
        "heard",
      );
      return {
        latencies: times.map((t) => t - publishedAt),
        postedMs: postedAt - publishedAt,
        cpuMs: cpuDuring,
      };
    };

    // Warm-up: sockets, query plans, and the JIT, which each worker
    // thread (a fresh isolate) needs its own rounds of, as a long-lived
    // server's threads would have had.
    for (let i = 0; i < WARM_UP_ROUNDS; i++) {
      await run(broadcaster, CAP);
      await run(sharded, CAP);
    }
    const modes = {
      serial: { broadcaster, concurrency: 1 },
      capped: { broadcaster, concurrency: CAP },
      sharded: { broadcaster: sharded, concurrency: CAP },
    };
    const results: Results = { serial: [], capped: [], sharded: [] };
    const posted: Results = { serial: [], capped: [], sharded: [] };
    const cpuMs: Results = { serial: [], capped: [], sharded: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of MODES) {
        const r = await run(modes[mode].broadcaster, modes[mode].concurrency);
        results[mode].push(...r.latencies);
        posted[mode].push(r.postedMs);
        cpuMs[mode].push(r.cpuMs);
      }
    }
    report(opened.count, results, posted);
    // The figures depend on what else the machine runs; say so beside them.
    console.log(
      `machine: ${availableParallelism()} cores, load average ` +
        `${loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")} (1 / 5 / 15 min)`,
    );
    // The publisher, the SDK and the local endpoint share this process;
    // process CPU counts the worker threads too.
    const perPost = (mode: Mode) =>
      (
        cpuMs[mode].reduce((a, b) => a + b, 0) /
        (ROUNDS * opened.count)
      ).toFixed(2);
    console.log(
      `CPU per post in this process (SDK, local endpoint, workers): ` +
        `${perPost("capped")} ms on one thread, ` +
        `${perPost("sharded")} ms sharded`,
    );
  } finally {
    await ask(clients, { type: "close" }, "closed").catch(() => {});
    if (clients.exitCode === null) clients.kill();
    await realtime.stop();
    broadcaster.destroy();
    await sharded.destroy();
    await handle.close();
  }
}

const MODES = ["serial", "capped", "sharded"] as const;
type Mode = (typeof MODES)[number];
type Results = Record<Mode, number[]>;

function report(connected: number, results: Results, posted: Results) {
  const summary = (mode: Mode) => {
    const sorted = [...results[mode]].sort((a, b) => a - b);
    return {
      heard: sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      postedMs: Math.max(...posted[mode]),
    };
  };
  const serial = summary("serial");
  const capped = summary("capped");
  const sharded = summary("sharded");
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  const line = (name: string, r: typeof capped) =>
    console.log(
      `${name.padEnd(34)} p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  ` +
        `slowest round ${ms(r.postedMs)}  (${r.heard} receipts)`,
    );
  const ratio = (r: typeof capped) =>
    `p50 ${(serial.p50 / r.p50).toFixed(1)}x, ` +
    `p99 ${(serial.p99 / r.p99).toFixed(1)}x`;
  console.log(
    `\nOne change to ${connected} local clients, ${ROUNDS} rounds each:`,
  );
  line("one connection at a time", serial);
  line(`capped, ${CAP} in flight, one thread`, capped);
  line(`capped, sharded over ${WORKERS} threads`, sharded);
  console.log(`one at a time / capped:  ${ratio(capped)}`);
  console.log(`one at a time / sharded: ${ratio(sharded)}`);
  for (const [name, r] of [
    ["one thread", capped],
    ["sharded", sharded],
  ] as const) {
    const met = r.heard === connected * ROUNDS && r.p99 < TARGET_P99_MS;
    console.log(
      `target (p99 under ${TARGET_P99_MS} ms, every client reached), ` +
        `${name}: ${met ? "met" : "not met"}`,
    );
  }
}

await main();
