/**
 * Settings that are not secrets and not resources, taken from the shell
 * that deploys: `ROSTER_COMPANY_DOMAIN=acme.com sst deploy ...` turns HR
 * user names into addresses at acme.com, in the API and the worker alike.
 */
export const companyDomain = process.env.ROSTER_COMPANY_DOMAIN?.trim()
  ? process.env.ROSTER_COMPANY_DOMAIN.trim()
  : "example.com";

/**
 * Where people reach Roster, when it has its own domain
 * (`ROSTER_PUBLIC_URL=https://roster.acme.com`); unset, the API takes the
 * address from the CDN's X-Forwarded-Host.
 */
export const publicUrl = process.env.ROSTER_PUBLIC_URL?.trim() || undefined;
