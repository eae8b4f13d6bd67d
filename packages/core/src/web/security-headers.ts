/** Where the built UI may connect and load images from, beyond itself. */
export interface WebOrigins {
  /** WebSocket and API origins, e.g. wss://live.example.com. */
  connect?: readonly string[];
  /** Photo hosts, e.g. the bucket's or CDN's origin. */
  images?: readonly string[];
}

/**
 * The security headers of the built web UI, the same wherever it is
 * served: the local server, or the CDN in AWS. The policy allows scripts
 * and styles from the UI's own origin only; React's `style` attributes
 * need inline style attributes, and nothing else inline is allowed.
 */
export function webSecurityHeaders(
  origins: WebOrigins = {},
): Record<string, string> {
  const connect = ["'self'", ...(origins.connect ?? [])].join(" ");
  const images = ["'self'", "data:", "blob:", ...(origins.images ?? [])].join(
    " ",
  );
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src ${images}`,
    `connect-src ${connect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** The API's own answers are data, never pages: nothing may run in them. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};
