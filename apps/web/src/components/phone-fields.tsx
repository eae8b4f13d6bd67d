import { useRef } from "react";
import type { PhoneKind } from "../api/types";
import { fieldErrorId, fieldId } from "../lib/field-issues";
import { FieldErrors } from "./field";
import { PlusIcon } from "./icons";

interface PhoneRow {
  kind: PhoneKind;
  number: string;
}

interface PhoneFieldsProps {
  phones: PhoneRow[];
  onChange: (phones: PhoneRow[]) => void;
  /** Errors by path: `phones` for the group, `phones.1.number` per row. */
  errorsFor: (path: string) => readonly string[];
  disabled?: boolean;
}

const KINDS: { value: PhoneKind; label: string }[] = [
  { value: "work", label: "Work" },
  { value: "mobile", label: "Mobile" },
  { value: "other", label: "Other" },
];

const MAX_PHONES = 10;

/** A repeatable group of phone numbers, each with its kind. */
export function PhoneFields({
  phones,
  onChange,
  errorsFor,
  disabled = false,
}: PhoneFieldsProps) {
  const addRef = useRef<HTMLButtonElement>(null);
  const groupErrors = errorsFor("phones");

  function update(index: number, row: PhoneRow) {
    onChange(phones.map((p, i) => (i === index ? row : p)));
  }

  function add() {
    onChange([...phones, { kind: "work", number: "" }]);
    const next = fieldId(`phones.${phones.length}.number`);
    requestAnimationFrame(() => document.getElementById(next)?.focus());
  }

  function remove(index: number) {
    onChange(phones.filter((_, i) => i !== index));
    requestAnimationFrame(() => addRef.current?.focus());
  }

  return (
    <fieldset
      id={fieldId("phones")}
      tabIndex={-1}
      className="fieldset"
      aria-describedby={groupErrors.length ? fieldErrorId("phones") : undefined}
    >
      <legend className="field__label">Phones</legend>
      {groupErrors.length > 0 && (
        <FieldErrors id={fieldErrorId("phones")} errors={groupErrors} />
      )}
      {phones.length === 0 && <p className="field__hint">No phone numbers.</p>}
      <ol className="phone-rows">
        {phones.map((phone, index) => {
          const path = `phones.${index}.number`;
          const errors = errorsFor(path);
          const n = index + 1;
          return (
            // Rows have no id of their own; the position is what the API's
            // issue paths refer to, so it is the right key here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="phone-row">
              <select
                className="select phone-row__kind"
                aria-label={`Phone ${n} type`}
                value={phone.kind}
                disabled={disabled}
                onChange={(e) =>
                  update(index, { ...phone, kind: e.target.value as PhoneKind })
                }
              >
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
              <input
                id={fieldId(path)}
                className="input phone-row__number"
                type="tel"
                autoComplete="off"
                aria-label={`Phone ${n} number`}
                aria-invalid={errors.length > 0}
                aria-describedby={
                  errors.length ? fieldErrorId(path) : undefined
                }
                value={phone.number}
                disabled={disabled}
                onChange={(e) =>
                  update(index, { ...phone, number: e.target.value })
                }
              />
              {!disabled && (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove phone ${n}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              )}
              {errors.length > 0 && (
                <FieldErrors id={fieldErrorId(path)} errors={errors} />
              )}
            </li>
          );
        })}
      </ol>
      {!disabled && phones.length < MAX_PHONES && (
        <button
          ref={addRef}
          type="button"
          className="button button--quiet"
          onClick={add}
        >
          <PlusIcon /> Add phone
        </button>
      )}
    </fieldset>
  );
}
