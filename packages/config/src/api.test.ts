import { describe, expect, it } from "vitest";
import { readApiSettings } from "./api.js";
import { SettingsError } from "./errors.js";
import { LINKED } from "./fixtures.test-support.js";
import { staticSource } from "./source.js";

describe("readApiSettings", () => {
  it("runs locally on embedded defaults with an empty environment", () => {
    const settings = readApiSettings(staticSource({}));
    expect(settings).toMatchObject({
      linked: false,
      databaseUrl: undefined,
      companyDomain: "example.com",
      localAdminEmail: "sking@example.com",
      port: 8787,
      realtimePort: 8788,
      maxConnections: 10,
      realtimeUrl: undefined,
    });
    expect(settings.dataDir).toMatch(/\.data[/\\]pglite$/);
  });

  it("takes the environment over the defaults", () => {
    const settings = readApiSettings(
      staticSource({
        DATABASE_URL: " postgres://me@127.0.0.1:5432/roster ",
        ROSTER_COMPANY_DOMAIN: "acme.test",
        PORT: "9000",
        ROSTER_DB_MAX_CONNECTIONS: "4",
        ROSTER_REALTIME_URL: "ws://127.0.0.1:9001",
      }),
    );
    expect(settings).toMatchObject({
      databaseUrl: "postgres://me@127.0.0.1:5432/roster",
      localAdminEmail: "sking@acme.test",
      port: 9000,
      maxConnections: 4,
      realtimeUrl: "ws://127.0.0.1:9001",
    });
  });

  it("prefers linked resources and caps connections under SST", () => {
    const settings = readApiSettings(
      staticSource({ DATABASE_URL: "postgres://ignored@127.0.0.1/x" }, LINKED),
    );
    expect(settings).toMatchObject({
      linked: true,
      databaseUrl:
        "postgres://postgres:p%40ss%3Aword%2F1@" +
        `${LINKED.Database.host}:5432/roster?sslmode=require`,
      maxConnections: 2,
      realtimeUrl: LINKED.Realtime.url,
      realtimeEndpoint: LINKED.Realtime.managementEndpoint,
      photosBucket: LINKED.Photos.name,
      workerTask: LINKED.Worker,
      sessionSecret: "s3cret",
      oidc: {
        issuer: "https://login.acme.test",
        clientId: "roster",
        clientSecret: "client-s3cret",
      },
    });
  });

  it("names every missing link under SST in one error", () => {
    const read = () => readApiSettings(staticSource({}, { App: LINKED.App }));
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(
      [
        "Roster's API cannot start:",
        '  missing: the sign-in provider\'s issuer URL: link "OidcIssuer" ' +
          "or set ROSTER_OIDC_ISSUER",
        "  missing: Roster's client id at the sign-in provider: link " +
          '"OidcClientId" or set ROSTER_OIDC_CLIENT_ID',
        "  missing: Roster's client secret at the sign-in provider: link " +
          '"OidcClientSecret" or set ROSTER_OIDC_CLIENT_SECRET',
        '  missing: the database: link "Database" in sst.config.ts or ' +
          "set DATABASE_URL",
        '  missing: the live-updates URL: link "Realtime" or set ' +
          "ROSTER_REALTIME_URL",
        '  missing: the WebSocket management endpoint: link "Realtime" ' +
          "or set ROSTER_REALTIME_ENDPOINT",
        '  missing: the photos bucket: link "Photos" or set ' +
          "ROSTER_PHOTOS_BUCKET",
        '  missing: the worker task: link "Worker" in sst.config.ts',
        '  missing: the session secret: link "SessionSecret" or set ' +
          "ROSTER_SESSION_SECRET",
      ].join("\n"),
    );
  });

  it("refuses values it cannot use, all at once", () => {
    const read = () =>
      readApiSettings(
        staticSource({
          PORT: "80a",
          ROSTER_DB_MAX_CONNECTIONS: "0",
          DATABASE_URL: "not a url",
        }),
      );
    expect(read).toThrow(
      'PORT must be a whole number from 0 to 65535, not "80a"',
    );
    expect(read).toThrow("ROSTER_DB_MAX_CONNECTIONS must be a whole number");
    expect(read).toThrow('DATABASE_URL must be a URL, not "not a url"');
  });

  it("says which field of a linked resource is wrong", () => {
    const read = () =>
      readApiSettings(
        staticSource(
          {},
          { ...LINKED, Database: { ...LINKED.Database, host: "" } },
        ),
      );
    expect(read).toThrow('the linked resource "Database" lacks host');
  });
});
