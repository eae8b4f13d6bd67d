import { staticSource } from "@roster/config";
import { describe, expect, it } from "vitest";
import type { WebSocketEvent } from "./handlers/index.js";
import { lambdaEntries, managementEndpoint } from "./lambda-setup.js";

const event: WebSocketEvent = {
  requestContext: {
    routeKey: "$default",
    eventType: "MESSAGE",
    connectionId: "abc=",
    domainName: "r4nd0m.execute-api.eu-west-1.amazonaws.com",
    stage: "prod",
  },
  body: '{"type":"ping"}',
};

describe("the Lambda entries", () => {
  it("post to the event's own API unless an endpoint is configured", () => {
    expect(managementEndpoint(event)).toBe(
      "https://r4nd0m.execute-api.eu-west-1.amazonaws.com/prod",
    );
    expect(managementEndpoint(event, " https://ws.example.com/live ")).toBe(
      "https://ws.example.com/live",
    );
  });

  it("say what is missing from their settings", async () => {
    const entries = lambdaEntries(staticSource({}));
    await expect(entries.message(event)).rejects.toThrow(
      'the database: link "Database" in sst.config.ts or set DATABASE_URL',
    );
    await expect(
      lambdaEntries(
        staticSource({ DATABASE_URL: "postgres://127.0.0.1/x" }),
      ).sweep(),
    ).rejects.toThrow(
      'the WebSocket management endpoint: link "Realtime" or set ' +
        "ROSTER_REALTIME_ENDPOINT",
    );
  });
});
