/** A first request as API Gateway's HTTP API sends it (payload 2.0). */
export function httpApiEvent(path: string) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "bench.execute-api.us-east-1.amazonaws.com" },
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      domainName: "bench.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "bench",
      http: {
        method: "GET",
        path,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "bench",
      },
      requestId: "bench",
      routeKey: "$default",
      stage: "$default",
      time: "04/Dec/2026:12:00:00 +0000",
      timeEpoch: 1_796_385_600_000,
    },
    isBase64Encoded: false,
  };
}

/** A `$connect` without a ticket: refused before any query. */
export function connectEvent() {
  return {
    requestContext: {
      routeKey: "$connect",
      eventType: "CONNECT",
      connectionId: "bench=",
      domainName: "bench.execute-api.us-east-1.amazonaws.com",
      stage: "$default",
    },
  };
}
