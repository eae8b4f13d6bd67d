import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import {
  createEmployee,
  getEmployee,
  updateEmployee,
} from "../../api/employees";
import type {
  Department,
  Employee,
  FieldIssue,
  FieldName,
  Location,
} from "../../api/types";
import { ErrorNotice } from "../../components/states";
import { announce } from "../../components/toast";
import {
  blankForm,
  changedFields,
  createBody,
  type EmployeeForm,
  fieldsFromEmployee,
  fieldsFromForm,
  formFromEmployee,
  requiredIssues,
} from "../../lib/employee-form";
import { groupIssues } from "../../lib/field-issues";
import { type Rebased, rebaseForm } from "../../lib/rebase-form";
import { type SaveFailure, saveFailure } from "../../lib/save-outcome";
import { Link, navigate } from "../../router";
import { paths } from "../../routes";
import { EditorFields } from "./editor-fields";
import { ErrorSummary } from "./error-summary";
import { RebasedNotice } from "./rebased-notice";
import { RemoteChangeNotice } from "./remote-change-notice";
import { StaleNotice } from "./stale-notice";
import { useRemoteChange } from "./use-remote-change";

interface EmployeeEditorProps {
  /** The person as loaded, or null for someone new. */
  person: Employee | null;
  departments: Department[];
  locations: Location[];
  editable: ReadonlySet<FieldName>;
  /** Loads the latest version, after someone else changed it. */
  onReload?: () => void;
  /** Puts focus on the title, for a form that replaced one with focus. */
  focusOnMount?: boolean;
}

/** Fields the form can point an issue at, given how many phone rows exist. */
function placeableFields(form: EmployeeForm): Set<string> {
  const fields = new Set<string>(Object.keys(fieldsFromForm(form)));
  for (let i = 0; i < form.phones.length; i++) {
    fields.add(`phones.${i}.number`);
  }
  return fields;
}

/** The edit and add form: clean, diff, save, and show what went wrong. */
export function EmployeeEditor({
  person: loaded,
  departments,
  locations,
  editable,
  onReload,
  focusOnMount = false,
}: EmployeeEditorProps) {
  // The version edits are based on: as loaded, or a newer one brought in
  // after someone else's change, with the reader's edits kept.
  const [person, setPerson] = useState(loaded);
  const [form, setForm] = useState<EmployeeForm>(() =>
    loaded ? formFromEmployee(loaded) : blankForm(),
  );
  const [rebased, setRebased] = useState<Rebased | null>(null);
  const [bringing, setBringing] = useState(false);
  const remote = useRemoteChange(person?.id ?? null, person?.version ?? 0);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) titleRef.current?.focus();
  }, [focusOnMount]);

  const grouped = useMemo(
    () => groupIssues(issues, placeableFields(form)),
    [issues, form],
  );
  const selfOnly = person !== null && !editable.has("email");

  function fail(next: SaveFailure) {
    setFailure(next);
    setIssues(next.kind === "invalid" ? next.issues : []);
    requestAnimationFrame(() => topRef.current?.focus());
  }

  async function bringIn() {
    if (!person || bringing) return;
    setBringing(true);
    try {
      const latest = await getEmployee(person.id);
      const result = rebaseForm(person, form, latest);
      setForm(result.form);
      setPerson(latest);
      setRebased(result);
      setFailure(null);
      setIssues([]);
      remote.clear();
      requestAnimationFrame(() => topRef.current?.focus());
    } catch (error) {
      fail(saveFailure(error));
    } finally {
      setBringing(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setRebased(null);
    const fields = fieldsFromForm(form);
    const local = requiredIssues(fields).filter((i) =>
      editable.has(i.path.split(".")[0] as FieldName),
    );
    if (local.length > 0) {
      return fail({ kind: "invalid", issues: local, message: "" });
    }
    setSaving(true);
    remote.saveStarted();
    let saved: Employee | null = null;
    try {
      if (person) {
        const patch = changedFields(
          fieldsFromEmployee(person),
          fields,
          editable,
        );
        if (Object.keys(patch).length === 0) {
          announce("No changes to save.");
          return navigate(paths.profile(person.id));
        }
        saved = await updateEmployee(person.id, person.version, patch);
      } else {
        saved = await createEmployee(createBody(fields, editable));
      }
      const name = saved.displayName;
      announce(
        person
          ? `Saved changes to ${name}.`
          : `Added ${name} to the directory.`,
      );
      navigate(paths.profile(saved.id), { replace: person === null });
    } catch (error) {
      fail(saveFailure(error));
    } finally {
      setSaving(false);
      remote.saveEnded(saved !== null);
    }
  }

  const title = person ? `Edit ${person.displayName}` : "Add person";
  const cancelTo = person ? paths.profile(person.id) : paths.directory();
  return (
    <div className="editor">
      <div className="page-header">
        <div>
          <h1 ref={titleRef} tabIndex={-1} className="page-title">
            {title}
          </h1>
          <p className="page-subtitle">
            {selfOnly
              ? "You can change your preferred name, pronouns, phones, skills " +
                "and bio. Ask HR to change anything else."
              : "Fields marked required must be filled in."}
          </p>
        </div>
      </div>
      <div ref={topRef} tabIndex={-1} className="editor__notices">
        {failure?.kind === "invalid" && (
          <ErrorSummary issues={issues} grouped={grouped} />
        )}
        {failure?.kind === "stale" && onReload && (
          <StaleNotice
            onBringIn={bringIn}
            busy={bringing}
            onReload={onReload}
          />
        )}
        {remote.change && failure?.kind !== "stale" && onReload && (
          <RemoteChangeNotice
            change={remote.change}
            busy={bringing}
            onBringIn={bringIn}
            onDiscard={onReload}
          />
        )}
        {rebased && (
          <RebasedNotice
            rebased={rebased}
            departments={departments}
            locations={locations}
          />
        )}
        {failure?.kind === "forbidden" && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">You are not allowed to save this.</p>
            <p>{failure.message}</p>
          </div>
        )}
        {failure?.kind === "failed" && (
          <ErrorNotice error={failure.error} title="Nothing was saved." />
        )}
      </div>
      <form className="editor__form" noValidate onSubmit={submit}>
        <EditorFields
          form={form}
          onChange={setForm}
          person={person}
          departments={departments}
          locations={locations}
          editable={editable}
          errorsFor={(path) => grouped.byField.get(path) ?? []}
        />
        <div className="editor__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={saving}
          >
            {saving ? "Saving…" : person ? "Save changes" : "Add person"}
          </button>
          <Link to={cancelTo} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
