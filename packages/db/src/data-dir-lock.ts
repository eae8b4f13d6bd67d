import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ConflictError } from "@roster/core";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite has no server to
 * arbitrate, so two processes opening one directory would corrupt it; a
 * lock left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/\/+$/, "")}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new ConflictError(
          `The local database in ${dataDir} is in use by process ${holder} ` +
            "(a running `pnpm dev`?). Stop it first, or point both at a " +
            "PostgreSQL server with DATABASE_URL.",
          { dataDir, process: holder },
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the local database in ${dataDir}.`);
}
