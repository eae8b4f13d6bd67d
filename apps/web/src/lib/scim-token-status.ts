import type { ScimToken } from "../api/scim-tokens";

const moment = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/** An instant for the reader, in their own time zone. */
export function formatMoment(iso: string, format = moment): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** What a token's row says of it: revoked, never used, or last used. */
export function scimTokenStatus(
  token: ScimToken,
  format: (iso: string) => string = formatMoment,
): string {
  if (token.revokedAt) return `Revoked ${format(token.revokedAt)}`;
  if (!token.lastUsedAt) return "Not used yet";
  return `Last used ${format(token.lastUsedAt)}`;
}

/** Live tokens first, then revoked ones; newest first within each. */
export function sortScimTokens(tokens: readonly ScimToken[]): ScimToken[] {
  return [...tokens].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
      b.createdAt.localeCompare(a.createdAt),
  );
}
