import { webSecurityHeaders } from "../packages/core/src/web/security-headers";
import { api } from "./api";
import { realtime } from "./realtime";
import { photos } from "./storage";

/**
 * The UI's security headers, the same as the local server sends, added at
 * the edge to every answer that has not set its own (the API sets its
 * own, stricter ones).
 */
function securityHeaderInjection(connect: string[]): string {
  const headers = webSecurityHeaders({ connect });
  return Object.entries(headers)
    .map(([name, value]) => {
      const key = JSON.stringify(name.toLowerCase());
      return (
        `if (!event.response.headers[${key}]) ` +
        `event.response.headers[${key}] = { value: ${JSON.stringify(value)} };`
      );
    })
    .join("\n");
}

/**
 * One CloudFront origin for the UI and its API: `/api` goes to the HTTP
 * API, everything else to the static site. The UI calls `/api` relative
 * to itself, so it needs no CORS and no cross-site cookies, as locally,
 * where Vite's proxy does the same.
 */
export const router = new sst.aws.Router("WebRouter", {
  edge: {
    viewerResponse: {
      injection: $util
        .all([realtime.url, photos.domain])
        .apply(([socket, bucket]) =>
          securityHeaderInjection([
            new URL(socket).origin,
            // Photo uploads go straight to the bucket.
            `https://${bucket}`,
          ]),
        ),
    },
  },
});
router.route("/api", api.url);
// Identity providers provision people at <web address>/scim/v2.
router.route("/scim", api.url);

/**
 * The web UI, built by Vite and served from S3 through the router. Its
 * build is told where the API and the live-updates socket are (the socket
 * URL also reaches the UI with each ticket); `sst dev` starts Vite's dev
 * server with the same values instead.
 */
export const web = new sst.aws.StaticSite("Web", {
  path: "apps/web",
  build: { command: "pnpm run build", output: "dist" },
  environment: {
    // Where Vite's dev server forwards `/api` under `sst dev`.
    ROSTER_API_URL: api.url,
    VITE_ROSTER_API_URL: api.url,
    VITE_ROSTER_REALTIME_URL: realtime.url,
  },
  router: { instance: router },
  dev: { command: "pnpm run dev" },
});
