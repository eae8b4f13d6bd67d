import type { ReactNode } from "react";
import { fieldErrorId, fieldId } from "../lib/field-issues";

/** The attributes a field passes to its control. */
export interface ControlProps {
  id: string;
  disabled: boolean;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  path: string;
  label: string;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form control with its hint and inline errors wired up through
 * `aria-describedby`, so a screen reader reads them with the field.
 */
export function Field({
  path,
  label,
  errors = [],
  hint,
  required = false,
  disabled = false,
  children,
}: FieldProps) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? fieldErrorId(path) : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors.length > 0 ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && !disabled && (
          <span className="field__required"> (required)</span>
        )}
      </label>
      {children({
        id,
        disabled,
        "aria-invalid": errors.length > 0,
        "aria-describedby": describedBy,
      })}
      {errorId && <FieldErrors id={errorId} errors={errors} />}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The inline error text under a field or group. */
export function FieldErrors({
  id,
  errors,
}: {
  id: string;
  errors: readonly string[];
}) {
  return (
    <p id={id} className="field__error">
      {errors.map((message) => capitalise(message)).join(". ")}
    </p>
  );
}

function capitalise(message: string): string {
  return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}
