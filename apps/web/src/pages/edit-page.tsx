import { useState } from "react";
import { getEmployee } from "../api/employees";
import { ApiError } from "../api/errors";
import { listDepartments, listLocations } from "../api/organisation";
import type { Department, Employee, Location } from "../api/types";
import { EmptyState, ErrorNotice, Loading } from "../components/states";
import { announce } from "../components/toast";
import { useDocumentTitle } from "../hooks/use-document-title";
import { useResource } from "../hooks/use-resource";
import { editableFields } from "../lib/permissions";
import { Link } from "../router";
import { paths } from "../routes";
import { useSession } from "../session";
import { EmployeeEditor } from "./edit/employee-editor";

interface Lists {
  departments: Department[];
  locations: Location[];
}

function useLists() {
  return useResource<Lists>(async (signal) => {
    const [departments, locations] = await Promise.all([
      listDepartments(signal),
      listLocations(signal),
    ]);
    return { departments, locations };
  }, []);
}

/** Editing an existing person, with the fields the actor may change. */
export function EditPage({ id }: { id: string }) {
  const { me } = useSession();
  const person = useResource((signal) => getEmployee(id, signal), [id]);
  const lists = useLists();
  const [reloaded, setReloaded] = useState(false);
  useDocumentTitle(person.data ? `Edit ${person.data.displayName}` : "Edit");

  function reload() {
    setReloaded(true);
    person.reload();
    announce("Loaded the latest version.");
  }

  if (person.status === "error") {
    return <LoadFailure error={person.error} onRetry={person.reload} />;
  }
  if (lists.status === "error") {
    return <LoadFailure error={lists.error} onRetry={lists.reload} />;
  }
  if (me.status === "error") {
    return <LoadFailure error={me.error} onRetry={() => location.reload()} />;
  }
  if (
    person.status === "loading" ||
    lists.status === "loading" ||
    me.status === "loading"
  ) {
    return <Loading label="Loading the form…" />;
  }
  const editable = editableFields(me.data, id);
  if (editable.size === 0) return <NotAllowed person={person.data} />;
  return (
    <EmployeeEditor
      // A new version (after reloading) starts the form afresh.
      key={`${person.data.id}@${person.data.version}`}
      person={person.data}
      {...lists.data}
      editable={editable}
      onReload={reload}
      focusOnMount={reloaded}
    />
  );
}

/** Adding a person; only HR and admins get a form. */
export function NewPersonPage() {
  const { me } = useSession();
  const lists = useLists();
  useDocumentTitle("Add person");
  if (lists.status === "error") {
    return <LoadFailure error={lists.error} onRetry={lists.reload} />;
  }
  if (lists.status === "loading" || me.status === "loading") {
    return <Loading label="Loading the form…" />;
  }
  const editable = editableFields(
    me.status === "success" ? me.data : null,
    null,
  );
  if (editable.size === 0) return <NotAllowed person={null} />;
  return <EmployeeEditor person={null} {...lists.data} editable={editable} />;
}

function NotAllowed({ person }: { person: Employee | null }) {
  return (
    <div className="page-state">
      <h1 className="page-title">
        {person ? `Edit ${person.displayName}` : "Add person"}
      </h1>
      <EmptyState
        title={
          person
            ? "You can edit only your own profile."
            : "Only HR and admins can add people."
        }
      >
        <Link
          to={person ? paths.profile(person.id) : paths.directory()}
          className="button"
        >
          {person ? "Back to the profile" : "Back to the directory"}
        </Link>
      </EmptyState>
    </div>
  );
}

function LoadFailure({
  error,
  onRetry,
}: {
  error: unknown;
  onRetry: () => void;
}) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="page-state">
      <h1 className="page-title">
        {missing ? "Person not found" : "The form could not load"}
      </h1>
      {missing ? (
        <EmptyState title="No one in the directory has this address.">
          <Link to={paths.directory()} className="button">
            Back to the directory
          </Link>
        </EmptyState>
      ) : (
        <ErrorNotice error={error} onRetry={onRetry} />
      )}
    </div>
  );
}
