import type { Actor } from "@roster/core";
import type { Directory } from "@roster/db";
import type { ActorResolver } from "./auth/actor.js";

/** What each request carries through the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor | undefined;
    /** An unexpected error, kept for the request's log line. */
    failure: unknown;
  };
}

/** Everything the app needs from the world outside it. */
export interface AppDeps {
  directory: Directory;
  auth: ActorResolver;
  logger?: (entry: Record<string, unknown>) => void;
}

export type { ActorResolver, Directory };
