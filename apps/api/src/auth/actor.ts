import { type Actor, RosterError } from "@roster/core";
import { type Directory, findActor, reading } from "@roster/db";
import type { Context } from "hono";

/**
 * Decides who is making a request. This is the one seam sign-in plugs
 * into: the API asks it and nothing else about identity.
 */
export interface ActorResolver {
  resolve(c: Context): Promise<Actor>;
  /** Whether the UI may offer to act as someone else. */
  readonly allowsActingAs: boolean;
}

/** The identity scripts and the seed act with: an admin who is nobody. */
export const SYSTEM_ACTOR: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  role: "admin",
};

export const ACT_AS_HEADER = "x-roster-act-as";

/**
 * Local development only: everyone is signed in as `defaultEmail` (a
 * seeded admin), and `X-Roster-Act-As: <employee id>` acts as anyone.
 */
export function localActorResolver(
  directory: Directory,
  defaultEmail: string,
): ActorResolver {
  return {
    allowsActingAs: true,
    async resolve(c) {
      const ctx = reading(directory, SYSTEM_ACTOR);
      const actAs = c.req.header(ACT_AS_HEADER)?.trim();
      if (actAs) {
        const actor = await findActor(ctx, { id: actAs });
        if (!actor) {
          throw new RosterError(
            "unauthenticated",
            `There is nobody with id ${actAs} to act as.`,
            { header: "X-Roster-Act-As" },
          );
        }
        return actor;
      }
      return (await findActor(ctx, { email: defaultEmail })) ?? SYSTEM_ACTOR;
    },
  };
}

/** Where no sign-in is configured, every request is refused. */
export const noSignIn: ActorResolver = {
  allowsActingAs: false,
  async resolve() {
    throw new RosterError(
      "unauthenticated",
      "Sign-in is not configured for this deployment.",
    );
  },
};
