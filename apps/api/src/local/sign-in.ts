import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Directory } from "@roster/db";
import type { ActorResolver } from "../auth/actor.js";
import { oidcSignIn } from "../auth/sign-in.js";
import type { SignInDeps } from "../routes/auth.js";
import { directoryAccounts } from "./directory-accounts.js";
import { startLocalIdentityProvider } from "./identity-provider.js";

export interface LocalSignIn {
  auth: ActorResolver;
  signIn: SignInDeps;
  /** The local provider's issuer URL. */
  issuer: string;
  close(): Promise<void>;
}

/**
 * Reads the local session secret, making one on first use, so sessions and
 * their CSRF tokens survive a restart of `pnpm dev`. Without a file (an
 * in-memory stack), every start gets a fresh secret.
 */
async function localSecret(file: string | undefined): Promise<string> {
  if (!file) return randomBytes(32).toString("base64url");
  try {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 43) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Sign-in for the local stack: a real OpenID Connect provider on loopback
 * that knows the directory's people, and Roster signing in against it
 * exactly as it does against the company's provider. "Act as" stays on, as
 * a local-only way to try other roles.
 */
export async function startLocalSignIn(
  directory: Directory,
  { port, secretFile }: { port: number; secretFile?: string },
): Promise<LocalSignIn> {
  const secret = await localSecret(secretFile);
  const clientSecret = randomBytes(32).toString("base64url");
  const idp = await startLocalIdentityProvider({
    accounts: directoryAccounts(directory.db),
    port,
    clients: [
      {
        clientId: "roster-local",
        clientSecret,
        redirectUris: [
          "http://127.0.0.1/api/auth/callback",
          "http://localhost/api/auth/callback",
        ],
        postLogoutRedirectUris: [
          "http://127.0.0.1/sign-in",
          "http://localhost/sign-in",
        ],
      },
    ],
  });
  const { auth, signIn } = oidcSignIn(directory, {
    issuer: idp.issuer,
    clientId: "roster-local",
    clientSecret,
    sessionSecret: secret,
    allowActingAs: true,
  });
  return { auth, signIn, issuer: idp.issuer, close: () => idp.close() };
}
