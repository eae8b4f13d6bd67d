import type { openTestApp } from "../../test-app.js";

// Response bodies are inspected loosely; the assertions check their shape.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = Record<string, any>;

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/** Issues a SCIM token through the admin API, as the test app's admin. */
export async function issueToken(t: TestApp, name = "Test IdP") {
  const res = await t.app.request("/api/admin/scim-tokens", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`issuing failed: ${res.status}`);
  return (await res.json()) as { id: string; token: string };
}

/** A SCIM client as identity providers are: a bearer token and JSON. */
export function scimClient(t: TestApp, token: string | undefined) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.app.request(`/scim/v2${path}`, {
      method,
      headers: {
        accept: "application/scim+json",
        ...(body !== undefined
          ? { "content-type": "application/scim+json; charset=utf-8" }
          : {}),
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    return { res, body: (text ? JSON.parse(text) : null) as Json };
  };
}
