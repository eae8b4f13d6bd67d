/**
 * Secrets live in SST's encrypted state, never in the repository: set one
 * with `sst secret set SessionSecret <value> --stage production`, and the
 * preview stages' shared value once with `--fallback`.
 */
export const sessionSecret = new sst.Secret("SessionSecret");
