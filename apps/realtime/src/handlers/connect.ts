import { openConnection, redeemTicket, removeConnections } from "@roster/db";
import { announce, invocation, logFailure } from "./context.js";
import type { Handler, HandlerDeps } from "./event.js";

const REFUSED = JSON.stringify({
  code: "unauthenticated",
  message:
    "Connect with ?ticket= from POST /api/realtime/tickets. A ticket " +
    "works once, within a minute of being issued.",
});

/**
 * `$connect`: spends the ticket in the query string and records the
 * connection; 401 (and no row) for a missing, expired or reused ticket.
 */
export function connectHandler(deps: HandlerDeps): Handler {
  return async (event) => {
    const inv = invocation(deps, event);
    try {
      const holder = await redeemTicket(
        deps.db,
        event.queryStringParameters?.ticket,
      );
      if (!holder) return { statusCode: 401, body: REFUSED };
      const { cameOnline } = await openConnection(
        deps.db,
        {
          id: inv.connectionId,
          employeeId: holder.employeeId,
          sessionId: holder.sessionId,
        },
        { staleAfterMs: inv.timings.staleAfterMs },
      );
      if (cameOnline) {
        await announce(inv, [{ id: holder.employeeId, online: true }]);
      }
      return { statusCode: 200 };
    } catch (error) {
      logFailure(inv, error);
      return { statusCode: 500 };
    }
  };
}

/** `$disconnect`: forgets the connection and announces who went offline. */
export function disconnectHandler(deps: HandlerDeps): Handler {
  return async (event) => {
    const inv = invocation(deps, event);
    try {
      const offline = await removeConnections(deps.db, [inv.connectionId], {
        staleAfterMs: inv.timings.staleAfterMs,
      });
      await announce(
        inv,
        offline.map((id) => ({ id, online: false })),
      );
      return { statusCode: 200 };
    } catch (error) {
      logFailure(inv, error);
      return { statusCode: 500 };
    }
  };
}
