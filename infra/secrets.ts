/**
 * Secrets live in SST's encrypted state, never in the repository: set one
 * with `sst secret set SessionSecret <value> --stage production`, and the
 * preview stages' shared value once with `--fallback`.
 */
export const sessionSecret = new sst.Secret("SessionSecret");

/**
 * The company's OpenID Connect provider: its issuer URL and Roster's client
 * registered there. Per stage, like every secret; preview stages share one
 * client registered with a wildcard-free callback per stage, or a fallback.
 */
export const oidcIssuer = new sst.Secret("OidcIssuer");
export const oidcClientId = new sst.Secret("OidcClientId");
export const oidcClientSecret = new sst.Secret("OidcClientSecret");
