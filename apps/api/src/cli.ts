import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  describeImportReport,
  isRosterError,
  ValidationError,
} from "@roster/core";
import { openDatabase } from "@roster/db";
import { SYSTEM_ACTOR } from "./auth/actor.js";
import { readConfig } from "./config.js";
import { importHrFile } from "./local/seed.js";

const USAGE = `Usage: pnpm roster import <file.csv> [--domain example.com]

Imports an HR export (the Oracle HR column layout) into the directory
named by DATABASE_URL, or into the local embedded database. Running the
same file twice changes nothing the second time.`;

async function importCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { domain: { type: "string" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig();
  // pnpm runs scripts from the repository root; paths are the caller's.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const handle = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { dataDir: config.dataDir },
  );
  try {
    await handle.migrate();
    const report = await importHrFile(
      { db: handle.db, events: { publish: async () => {} } },
      SYSTEM_ACTOR,
      path,
      values.domain ?? config.companyDomain,
    );
    for (const line of describeImportReport(report)) console.log(line);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "import") return importCommand(rest);
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ValidationError) {
    console.error("roster: the file cannot be imported:");
    for (const issue of error.issues) {
      console.error(`  ${issue.path ? `${issue.path}: ` : ""}${issue.message}`);
    }
  } else if (isRosterError(error) || (error as NodeJS.ErrnoException).code) {
    console.error(`roster: ${(error as Error).message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
