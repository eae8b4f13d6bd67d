import type { Actor } from "@roster/core";
import type { Directory } from "@roster/db";
import type { ActorResolver } from "./auth/actor.js";
import type { SignInDeps } from "./routes/auth.js";

/** What each request carries through the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor | undefined;
    /** The sign-in session behind the request, when there is one. */
    sessionId: string | undefined;
    /** An unexpected error, kept for the request's log line. */
    failure: unknown;
  };
}

/** Everything the app needs from the world outside it. */
export interface AppDeps {
  directory: Directory;
  auth: ActorResolver;
  /** Sign-in with an OpenID Connect provider; absent where none is set. */
  signIn?: SignInDeps;
  logger?: (entry: Record<string, unknown>) => void;
}

export type { ActorResolver, Directory };
