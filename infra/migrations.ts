import { database } from "./database";
import { lambdaDefaults } from "./functions";

/**
 * Migrates the database from inside the VPC, with drizzle's SQL files and
 * its journal copied beside the handler.
 */
export const migrator = new sst.aws.Function("Migrator", {
  ...lambdaDefaults,
  handler: "apps/api/src/lambda/migrate.handler",
  link: [database],
  timeout: "5 minutes",
  copyFiles: [{ from: "packages/db/drizzle", to: "drizzle" }],
});

/**
 * Every deploy invokes the migrator once; an error from it (a migration
 * that fails) fails the invocation and so the deploy. Pending migrations
 * only are applied, so a run with nothing to do is quick. `sst dev` runs
 * the same migrator locally instead (see `dev.ts`).
 */
export const migration = $dev
  ? undefined
  : new aws.lambda.Invocation("MigrateDatabase", {
      functionName: migrator.name,
      input: JSON.stringify({}),
      triggers: { deployment: Date.now().toString() },
    });

/**
 * A transform for the functions that use the schema: their new code goes
 * live only after the migrations have run, and not at all if they fail,
 * so new code never meets an old schema. (Pulumi orders this; the mock
 * tests cannot observe it.)
 */
export const afterMigrations: sst.aws.FunctionArgs["transform"] = {
  // SST creates the function with a parent and no dependencies of its own.
  function: (_args, opts) => {
    if (migration) opts.dependsOn = [migration];
    return undefined;
  },
};
