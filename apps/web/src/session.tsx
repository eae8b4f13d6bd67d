import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useSyncExternalStore,
} from "react";
import {
  type ActingAs,
  getActingAs,
  setActingAs,
  subscribeActingAs,
} from "./api/acting-as";
import {
  type AuthState,
  getAuthState,
  loadAuthState,
  redirectToSignIn,
  subscribeAuthState,
} from "./api/auth";
import { ApiError } from "./api/errors";
import { getMe } from "./api/organisation";
import type { Me } from "./api/types";
import { type Resource, useResource } from "./hooks/use-resource";

interface Session {
  me: Resource<Me>;
  actingAs: ActingAs | null;
}

const SessionContext = createContext<Session>({
  me: { status: "loading" },
  actingAs: null,
});

/** Who is using Roster right now, or acting as someone else. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in user's details, or null until they have loaded. */
export function useMe(): Me | null {
  const { me } = useSession();
  return me.status === "success" ? me.data : null;
}

/** Hook that re-renders when the acting person changes. */
export function useActingAs(): ActingAs | null {
  return useSyncExternalStore(subscribeActingAs, getActingAs);
}

/** How this browser is signed in; null until the first check. */
export function useAuthState(): AuthState | null {
  return useSyncExternalStore(subscribeAuthState, getAuthState);
}

/** Signs in first when needed, then asks who the user is. */
async function loadMe(signal: AbortSignal): Promise<Me> {
  const auth = getAuthState() ?? (await loadAuthState(signal));
  if (auth.mode === "signed-out") {
    if (!window.location.pathname.startsWith("/sign-in")) redirectToSignIn();
    throw new ApiError("unauthenticated", 401, "Signing you in…");
  }
  return getMe(signal);
}

/** Loads `/api/me` again whenever the acting person changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const actingAs = useActingAs();
  const me = useResource((signal) => loadMe(signal), [actingAs?.id]);

  // A remembered person who has since left cannot be acted as: fall back
  // to the signed-in user rather than failing every request.
  const staleActingAs =
    actingAs !== null &&
    me.status === "error" &&
    me.error instanceof ApiError &&
    [400, 401, 403, 404].includes(me.error.status);
  useEffect(() => {
    if (staleActingAs) setActingAs(null);
  }, [staleActingAs]);

  return (
    <SessionContext.Provider value={{ me, actingAs }}>
      {children}
    </SessionContext.Provider>
  );
}
