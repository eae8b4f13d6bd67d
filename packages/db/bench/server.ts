import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../src/client.js";

function withDatabase(url: string, name: string): string {
  const address = new URL(url);
  address.pathname = `/${name}`;
  return address.toString();
}

async function onServer(url: string, statement: string) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * A new, migrated database on the server `url` names, used by this run
 * alone; closing the handle drops it. Other databases are never touched.
 */
export async function openBenchDatabase(
  url: string,
): Promise<DatabaseHandle & { name: string }> {
  const name = `roster_bench_${randomBytes(6).toString("hex")}`;
  await onServer(url, `create database "${name}"`);
  const drop = () =>
    onServer(url, `drop database if exists "${name}" with (force)`);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ url: withDatabase(url, name) });
    await handle.migrate();
  } catch (error) {
    await handle?.close();
    await drop();
    throw error;
  }
  const opened = handle;
  return {
    ...opened,
    name,
    close: async () => {
      try {
        await opened.close();
      } finally {
        await drop();
      }
    },
  };
}
