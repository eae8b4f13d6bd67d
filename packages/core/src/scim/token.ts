import * as z from "zod";
import { text } from "../text/index.js";

/** What an admin sends to issue a token: what to call it. */
export const ScimTokenCreate = z.object({ name: text({ max: 100 }) }).strict();
export type ScimTokenCreate = z.infer<typeof ScimTokenCreate>;

/** A token as admins list it: never the secret, which is shown once. */
export const ScimToken = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScimToken = z.infer<typeof ScimToken>;
