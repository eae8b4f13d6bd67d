import { request } from "./client";

/** A SCIM token as admins list it; the secret is never part of it. */
export interface ScimToken {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to issuing a token: the one time its secret is shown. */
export interface IssuedScimToken extends ScimToken {
  token: string;
}

const base = "/admin/scim-tokens";

export function listScimTokens(signal?: AbortSignal) {
  return request<{ items: ScimToken[] }>(base, { signal });
}

export function createScimToken(name: string) {
  return request<IssuedScimToken>(base, { method: "POST", body: { name } });
}

export function revokeScimToken(id: string) {
  return request<void>(`${base}/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
}
