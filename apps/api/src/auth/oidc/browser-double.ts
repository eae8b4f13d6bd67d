/**
 * Just enough of a browser for sign-in tests: it keeps cookies per origin
 * and follows redirects by hand, so each hop can be inspected.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /**
   * @param apps in-process apps answering for an origin instead of the
   *   network, e.g. `{ "http://127.0.0.1:9": (r) => app.request(r) }`.
   */
  constructor(
    private readonly apps: Record<
      string,
      (request: Request) => Response | Promise<Response>
    > = {},
  ) {}

  /** Requests a URL without following redirects, keeping its cookies. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set("cookie", cookie);
    const request = new Request(target, {
      ...init,
      headers,
      redirect: "manual",
    });
    const app = this.apps[target.origin];
    const response = app ? await app(request) : await fetch(request);
    this.keep(target, response.headers.getSetCookie());
    return response;
  }

  /** Follows redirects from `url` until a page answers; every URL seen. */
  async follow(
    url: string | URL,
    init: RequestInit = {},
    maxHops = 10,
  ): Promise<{ response: Response; visited: URL[] }> {
    const visited: URL[] = [];
    let next = new URL(url);
    let request = init;
    for (let hop = 0; hop < maxHops; hop += 1) {
      visited.push(next);
      const response = await this.fetch(next, request);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) {
        return { response, visited };
      }
      await response.body?.cancel();
      next = new URL(location, next);
      request = {};
    }
    throw new Error(`More than ${maxHops} redirects from ${url}`);
  }

  cookiesFor(origin: string): Map<string, string> {
    return this.jars.get(new URL(origin).host) ?? new Map();
  }

  private cookieHeader(url: URL): string {
    const jar = this.jars.get(url.host);
    if (!jar) return "";
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(url: URL, cookies: string[]): void {
    let jar = this.jars.get(url.host);
    if (!jar) {
      jar = new Map();
      this.jars.set(url.host, jar);
    }
    for (const line of cookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        const key = k.toLowerCase();
        return (
          (key === "max-age" && Number(v) <= 0) ||
          (key === "expires" && new Date(v).getTime() < Date.now())
        );
      });
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
}
