import type { ReactNode } from "react";
import type { FieldName } from "../../api/types";
import { Field } from "../../components/field";
import type { EmployeeForm } from "../../lib/employee-form";

/** What every part of the edit form needs to read and change the form. */
export interface FormPartProps {
  form: EmployeeForm;
  set: <K extends keyof EmployeeForm>(key: K, value: EmployeeForm[K]) => void;
  editable: ReadonlySet<FieldName>;
  errorsFor: (path: string) => readonly string[];
}

type TextKey =
  | "email"
  | "givenName"
  | "familyName"
  | "preferredName"
  | "pronouns"
  | "jobTitle";

interface TextFieldProps extends FormPartProps {
  name: TextKey;
  label: string;
  required?: boolean;
  hint?: string;
  type?: "text" | "email";
}

/** A single-line text field bound to one form value. */
export function TextField({
  form,
  set,
  editable,
  errorsFor,
  name,
  label,
  required,
  hint,
  type = "text",
}: TextFieldProps) {
  return (
    <Field
      path={name}
      label={label}
      errors={errorsFor(name)}
      required={required}
      hint={hint}
      disabled={!editable.has(name)}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type={type}
          autoComplete="off"
          value={form[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );
}

/** A titled card of fields; `wide` stacks them in one column. */
export function Section({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={`form-section${wide ? " form-section--wide" : ""}`}>
      <legend className="form-section__title">{title}</legend>
      <div className="form-section__fields">{children}</div>
    </fieldset>
  );
}
