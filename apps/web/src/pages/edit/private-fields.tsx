import type { ChoosableField, Visibility } from "../../api/types";
import { Field } from "../../components/field";
import { type FormPartProps, Section } from "./form-parts";

const LEVELS: { value: Visibility; label: string }[] = [
  { value: "everyone", label: "Everyone" },
  { value: "colleagues", label: "My department, team and managers" },
  { value: "hr_and_self", label: "Only HR and me" },
];

/** The defaults the API applies when the owner has not chosen. */
const DEFAULTS: Record<ChoosableField, Visibility> = {
  pronouns: "everyone",
  personalPhone: "hr_and_self",
  birthday: "colleagues",
};

const CHOICES: { field: ChoosableField; label: string }[] = [
  { field: "pronouns", label: "Who sees my pronouns" },
  { field: "personalPhone", label: "Who sees my personal phone" },
  { field: "birthday", label: "Who sees my birthday" },
];

/**
 * The personal phone and birthday, and who may see them and the pronouns:
 * the owner chooses; HR always sees them.
 */
export function PrivateFields({
  form,
  set,
  editable,
  errorsFor,
}: FormPartProps) {
  const choose = (field: ChoosableField, level: Visibility) =>
    set("privacy", { ...form.privacy, [field]: level });
  return (
    <Section title="Private details">
      <Field
        path="personalPhone"
        label="Personal phone"
        errors={errorsFor("personalPhone")}
        disabled={!editable.has("personalPhone")}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="tel"
            autoComplete="off"
            value={form.personalPhone}
            onChange={(e) => set("personalPhone", e.target.value)}
          />
        )}
      </Field>
      <Field
        path="birthday"
        label="Birthday"
        hint="Month and day, like 03-14. The year is never asked."
        errors={errorsFor("birthday")}
        disabled={!editable.has("birthday")}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            inputMode="numeric"
            placeholder="MM-DD"
            maxLength={5}
            value={form.birthday}
            onChange={(e) => set("birthday", e.target.value)}
          />
        )}
      </Field>
      {CHOICES.map(({ field, label }) => (
        <Field
          key={field}
          path={`privacy.${field}`}
          label={label}
          errors={errorsFor(`privacy.${field}`)}
          disabled={!editable.has("privacy")}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={form.privacy[field] ?? DEFAULTS[field]}
              onChange={(e) => choose(field, e.target.value as Visibility)}
            >
              {LEVELS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </Section>
  );
}
