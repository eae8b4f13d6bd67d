import { useState } from "react";
import { deleteEmployee } from "../../api/employees";
import type { Employee } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { ErrorNotice } from "../../components/states";
import { announce } from "../../components/toast";
import { countPeople } from "../../lib/format";
import { lastDirectorySearch } from "../../lib/last-search";
import { navigate } from "../../router";
import { paths } from "../../routes";

interface DeletePersonProps {
  person: Employee;
  reportCount: number;
}

/** The Delete button and the dialog that confirms it by name. */
export function DeletePerson({ person, reportCount }: DeletePersonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteEmployee(person.id, person.version);
      setOpen(false);
      announce(`${person.displayName} was removed from the directory.`);
      navigate(paths.directory(lastDirectorySearch()));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const moveTo = person.manager?.name;
  return (
    <>
      <button
        type="button"
        className="button button--danger-quiet"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Delete
      </button>
      <Dialog
        open={open}
        title={`Remove ${person.displayName}?`}
        onClose={() => setOpen(false)}
        actions={
          <>
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={confirm}
            >
              {busy ? "Removing…" : `Remove ${person.displayName}`}
            </button>
          </>
        }
      >
        <p>
          {person.displayName} will be removed from the directory. This cannot
          be undone.
        </p>
        {reportCount > 0 && (
          <p>
            Their {reportCount === 1 ? "direct report" : "direct reports"} (
            {countPeople(reportCount)}) will report to {moveTo ?? "no one"}{" "}
            instead.
          </p>
        )}
        {error !== null && (
          <ErrorNotice error={error} title="The person was not removed." />
        )}
      </Dialog>
    </>
  );
}
