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

  it("say what is missing from the environment", async () => {
    const entries = lambdaEntries({});
    await expect(entries.message(event)).rejects.toThrow(
      "DATABASE_URL must be set",
    );
    await expect(entries.sweep()).rejects.toThrow(
      "ROSTER_REALTIME_ENDPOINT must be set",
    );
  });
});
