import { useId, useRef, useState } from "react";
import { setActingAs } from "../api/acting-as";
import type { Me, Role } from "../api/types";
import { useAuthState, useSession } from "../session";
import { Dialog } from "./dialog";
import { PersonPicker } from "./person-picker";

const ROLE_NAMES: Record<Role, string> = {
  employee: "Employee",
  hr: "HR",
  admin: "Admin",
};

/**
 * Who Roster takes you to be, and (when the API allows it) a way to act as
 * someone else to try what they may see and change.
 */
export function ActingAsSwitcher() {
  const { me, actingAs } = useSession();
  const auth = useAuthState();
  const [open, setOpen] = useState(false);
  const pickerId = useId();
  // While switching, keep showing the last answer: swapping the button for
  // a placeholder would drop the keyboard focus that just returned to it.
  const last = useRef<Me | null>(null);
  if (me.status === "success") last.current = me.data;
  const data = me.status === "success" ? me.data : last.current;

  // Signed out (or never signed in): there is nobody to name.
  if (auth?.mode === "signed-out") return null;
  if (me.status === "loading" && data === null) {
    return <span className="acting-as acting-as--pending">Signing in…</span>;
  }
  const name =
    data?.employee?.displayName ?? actingAs?.name ?? "Signed-in administrator";
  const role = data ? ROLE_NAMES[data.actor.role] : null;
  const label = (
    <>
      <span className="acting-as__caption">
        {actingAs ? "Acting as" : "Signed in as"}
      </span>
      <span className="acting-as__name">{name}</span>
      {role && <span className="role-pill">{role}</span>}
    </>
  );
  if (!data?.canActAs && !actingAs) {
    return <span className="acting-as">{label}</span>;
  }
  return (
    <>
      <button
        type="button"
        className="acting-as acting-as--button"
        aria-haspopup="dialog"
        aria-busy={me.status === "loading"}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <Dialog
        open={open}
        title="Act as someone else"
        size="medium"
        onClose={() => setOpen(false)}
        actions={
          actingAs ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setActingAs(null);
                setOpen(false);
              }}
            >
              Stop acting as {actingAs.name}
            </button>
          ) : undefined
        }
      >
        <p className="dialog__lead">
          See Roster as another person would, with their access: an employee
          edits only parts of their own profile; HR and admins edit anyone. This
          choice is remembered on this device.
        </p>
        <div className="field">
          <label className="field__label" htmlFor={pickerId}>
            Person
          </label>
          <PersonPicker
            id={pickerId}
            value={actingAs}
            placeholder="Search by name"
            onChange={(choice) => {
              if (!choice) return;
              setActingAs(choice);
              setOpen(false);
            }}
          />
        </div>
      </Dialog>
    </>
  );
}
