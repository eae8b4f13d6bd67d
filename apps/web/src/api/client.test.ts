import { afterEach, describe, expect, it, vi } from "vitest";
import { setActingAs } from "./acting-as";
import { request } from "./client";
import { ApiError } from "./errors";

function respond(status: number, body: unknown, headers = {}) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json", ...headers },
      }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setActingAs(null);
});

describe("request", () => {
  it("sends the acting person, If-Match and a JSON body", async () => {
    const fetch = respond(200, { ok: true });
    setActingAs({ id: "p-7", name: "Ada Lovelace" });
    await request("/employees/p-1", {
      method: "PATCH",
      body: { pronouns: "she/her" },
      ifMatch: 4,
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    const headers = new Headers(init?.headers);
    expect(url).toBe("/api/employees/p-1");
    expect(init?.method).toBe("PATCH");
    expect(headers.get("X-Roster-Act-As")).toBe("p-7");
    expect(headers.get("If-Match")).toBe('"4"');
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init?.body).toBe('{"pronouns":"she/her"}');
  });

  it("acts as the signed-in user when no one is chosen", async () => {
    const fetch = respond(200, { items: [] });
    await request("/departments");
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(headers.has("X-Roster-Act-As")).toBe(false);
    expect(headers.has("If-Match")).toBe(false);
  });

  it("returns nothing for a 204", async () => {
    respond(204, undefined);
    await expect(request("/employees/p-1", { method: "DELETE" })).resolves.toBe(
      undefined,
    );
  });

  it("throws the API's error shape as an ApiError", async () => {
    const issues = [{ path: "phones.0.number", message: "needs a digit" }];
    respond(400, {
      code: "invalid_input",
      message: "phones.0.number: needs a digit",
      details: { issues },
      requestId: "req-1",
    });
    const error = await request("/employees", { method: "POST", body: {} })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.code, e.status, e.requestId]).toEqual([
      "invalid_input",
      400,
      "req-1",
    ]);
    expect(e.message).toBe("phones.0.number: needs a digit");
    expect(e.issues).toEqual(issues);
  });

  it("gives a plain message for a response that is not the API's", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () => new Response("<html>Bad gateway</html>", { status: 502 }),
      ),
    );
    const error = (await request("/me").catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("internal");
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/not answering/);
    expect(error.issues).toEqual([]);
  });

  it("reports a network failure, but lets an abort through untouched", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    );
    const offline = (await request("/me").catch((e: unknown) => e)) as ApiError;
    expect([offline.code, offline.status]).toEqual(["network", 0]);

    const abort = new DOMException("The operation was aborted.", "AbortError");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw abort;
      }),
    );
    await expect(request("/me")).rejects.toBe(abort);
  });
});
