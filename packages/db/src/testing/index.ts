import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@roster/core";
import postgres from "postgres";
import {
  type DatabaseHandle,
  migrationsFolder,
  openDatabase,
} from "../client.js";
import { type Directory, transact } from "../context.js";
import { claimJob, createJob, finishJob, retryJob } from "../jobs/store.js";

/**
 * Test databases. Each test file gets its own database, copied from one
 * migrated template: a PGlite data dump by default, or a server database
 * made with CREATE DATABASE ... TEMPLATE when DATABASE_URL names a server.
 */

const TEMPLATE_ENV = "ROSTER_TEST_PGLITE_TEMPLATE";

function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort()) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest("hex").slice(0, 12);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates the migrated template once per run; vitest's globalSetup calls it. */
export async function prepareTestTemplate(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await ensureServerTemplate(url);
    return;
  }
  const handle = await openDatabase({ dataDir: "memory://" });
  try {
    await handle.migrate();
    const dump = await handle.dump?.();
    if (!dump) throw new Error("PGlite did not dump its data directory.");
    const file = join(tmpdir(), `roster-template-${migrationsHash()}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[TEMPLATE_ENV] = file;
  } finally {
    await handle.close();
  }
}

const TEMPLATE_LOCK = 72_006_419;

async function ensureServerTemplate(url: string): Promise<string> {
  const name = `roster_template_${migrationsHash()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
    const [exists] =
      await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      // Templates of older migrations are of no further use.
      const stale = await admin<{ datname: string }[]>`
        select datname from pg_database
        where datname like 'roster\_template\_%' and datname <> ${name}`;
      for (const { datname } of stale) {
        await admin.unsafe(`drop database if exists "${datname}"`);
      }
      await admin.unsafe(`create database "${name}_building"`);
      const handle = await openDatabase({
        url: withDatabase(url, `${name}_building`),
      });
      await handle.migrate();
      await handle.close();
      await admin.unsafe(
        `alter database "${name}_building" rename to "${name}"`,
      );
    }
    return name;
  } finally {
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK})`.catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

/**
 * A fresh, migrated database for one test file. Closing it also drops it
 * when it lives on a server.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openServerCopy(url);
  const file = process.env[TEMPLATE_ENV];
  if (!file) {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    return handle;
  }
  return openDatabase({
    dataDir: "memory://",
    loadDataDir: new Blob([readFileSync(file)]),
  });
}

async function openServerCopy(url: string): Promise<DatabaseHandle> {
  const template = await ensureServerTemplate(url);
  const name = `roster_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await openDatabase({
    url: withDatabase(url, name),
    maxConnections: 4,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const drop = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await drop.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await drop.end({ timeout: 5 });
      }
    },
  };
}

/** A test database other processes can reach too, by its URL. */
export interface SharedTestDatabase {
  url: string;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Like `openTestDatabase`, but reachable by URL from child processes (a
 * worker under test). Embedded PGlite serves one process only, so this
 * needs DATABASE_URL to name a server.
 */
export async function openSharedTestDatabase(): Promise<SharedTestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const template = await ensureServerTemplate(server);
    const name = `roster_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}" template "${template}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    const url = withDatabase(server, name);
    const handle = await openDatabase({ url, maxConnections: 4 });
    return {
      url,
      handle,
      close: async () => {
        await handle.close();
        const drop = postgres(server, { max: 1, onnotice: () => {} });
        try {
          await drop.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await drop.end({ timeout: 5 });
        }
      },
    };
  }
  throw new Error(
    "A database other processes can reach needs a server: set DATABASE_URL.",
  );
}

/**
 * Creates a job of `type` and claims it, as a worker would before it
 * runs: what import tests and benchmarks hand to previews and applies.
 */
export async function claimedJob(
  directory: Directory,
  actor: Actor,
  type: string,
): Promise<{ jobId: string; attempt: number }> {
  const created = await transact(directory, actor, (ctx) =>
    createJob(ctx, { type, params: {} }),
  );
  const claimed = await claimJob(directory.db, created.id, "test");
  return { jobId: created.id, attempt: claimed.attempt };
}

/**
 * Fails `job` as a worker that died with `error` would leave it, retries
 * it and claims the new attempt: what a test of resuming hands to the
 * rerun.
 */
export async function retriedJob(
  directory: Directory,
  actor: Actor,
  job: { jobId: string; attempt: number },
  error: string,
): Promise<{ jobId: string; attempt: number }> {
  await finishJob(directory, actor, job.jobId, job.attempt, {
    status: "failed",
    error,
  });
  const retried = await transact(directory, actor, (ctx) =>
    retryJob(ctx, job.jobId),
  );
  const claimed = await claimJob(directory.db, retried.id, "test");
  return { jobId: retried.id, attempt: claimed.attempt };
}
