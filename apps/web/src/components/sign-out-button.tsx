import { useState } from "react";
import { signOut } from "../api/auth";
import { useAuthState } from "../session";

/** Ends the session, shown only where Roster signs people in. */
export function SignOutButton() {
  const auth = useAuthState();
  const [busy, setBusy] = useState(false);
  if (auth?.mode !== "session") return null;
  return (
    <button
      type="button"
      className="button button--quiet sign-out"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        signOut().catch(() => setBusy(false));
      }}
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
