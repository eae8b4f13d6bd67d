import { describe, expect, it } from "vitest";
import { LINKED } from "./fixtures.test-support.js";
import { readRealtimeSettings } from "./realtime.js";
import { staticSource } from "./source.js";

describe("readRealtimeSettings", () => {
  it("always needs a database server", () => {
    expect(() => readRealtimeSettings(staticSource({}))).toThrow(
      "Roster's realtime handlers cannot start:\n" +
        '  missing: the database: link "Database" in sst.config.ts or ' +
        "set DATABASE_URL",
    );
  });

  it("needs the management endpoint only when asked to", () => {
    const env = { DATABASE_URL: "postgres://me@127.0.0.1/roster" };
    expect(readRealtimeSettings(staticSource(env))).toMatchObject({
      databaseUrl: env.DATABASE_URL,
      managementEndpoint: undefined,
      port: 8788,
    });
    expect(() =>
      readRealtimeSettings(staticSource(env), { needsEndpoint: true }),
    ).toThrow(
      '  missing: the WebSocket management endpoint: link "Realtime" or ' +
        "set ROSTER_REALTIME_ENDPOINT",
    );
  });

  it("posts back through its own linked API under SST", () => {
    const settings = readRealtimeSettings(staticSource({}, LINKED), {
      needsEndpoint: true,
    });
    expect(settings.managementEndpoint).toBe(
      LINKED.Realtime.managementEndpoint,
    );
    expect(settings.maxConnections).toBe(2);
  });
});
