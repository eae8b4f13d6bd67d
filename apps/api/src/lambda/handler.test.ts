import { staticSource } from "@roster/config";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import type { LambdaEvent } from "hono/aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../config.js";
import { openTestApp } from "../test-app.js";
import { lambdaHandler, lambdaHandlerFromEnv } from "./handler.js";

// An API Gateway HTTP API (payload format 2.0) event, as AWS sends it.
function httpApiEvent(
  method: string,
  rawPath: string,
  {
    rawQueryString = "",
    body,
    headers = {},
  }: {
    rawQueryString?: string;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): LambdaEvent {
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    cookies: [],
    headers: {
      accept: "application/json",
      host: "abc123.execute-api.eu-west-1.amazonaws.com",
      "user-agent": "vitest",
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      ...headers,
    },
    queryStringParameters: rawQueryString
      ? Object.fromEntries(new URLSearchParams(rawQueryString))
      : undefined,
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.9",
        userAgent: "vitest",
      },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "$default",
      stage: "$default",
      time: "04/Dec/2026:14:00:00 +0000",
      timeEpoch: 1_796_392_800_000,
    },
    body,
    isBase64Encoded: false,
  };
  // Hono types an absent body as null; AWS leaves the key out.
  return event as unknown as LambdaEvent;
}

const context = {
  awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678",
  functionName: "roster-api",
} as Context;

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe("lambda handler", () => {
  it("answers an HTTP API v2 event through the same app", async () => {
    const handler = lambdaHandler({
      directory: t.directory,
      auth: {
        allowsActingAs: false,
        resolve: async () => ({
          id: "00000000-0000-0000-0000-000000000000",
          role: "admin",
        }),
      },
      logger: (entry) => t.logs.push(entry),
    });
    const created = (await handler(
      httpApiEvent("POST", "/api/employees", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: "lambda.person@example.com",
          givenName: "Lam",
          familyName: "Bda",
        }),
      }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(created.statusCode).toBe(201);
    const listed = (await handler(
      httpApiEvent("GET", "/api/employees", {
        rawQueryString: "q=bda&limit=5",
      }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(listed.statusCode).toBe(200);
    expect(listed.headers?.["content-type"]).toMatch(/application\/json/);
    const body = JSON.parse(listed.body ?? "{}");
    expect(body.items[0].email).toBe("lambda.person@example.com");
    expect(t.logs.at(-1)).toMatchObject({ requestId: context.awsRequestId });
  });

  it("refuses every request when no sign-in is configured", async () => {
    const handler = lambdaHandler({
      directory: t.directory,
      auth: (await import("../auth/actor.js")).noSignIn,
      logger: () => {},
    });
    const res = (await handler(
      httpApiEvent("GET", "/api/employees"),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body ?? "{}").code).toBe("unauthenticated");
  });

  it("fails clearly without DATABASE_URL", async () => {
    const handler = lambdaHandlerFromEnv(() => readConfig(staticSource({})));
    await expect(
      handler(httpApiEvent("GET", "/api/health"), context),
    ).rejects.toThrow(/DATABASE_URL/);
  });
});
