import type { Department, Employee, Location } from "../../api/types";
import { Field } from "../../components/field";
import { PhoneFields } from "../../components/phone-fields";
import { TagInput } from "../../components/tag-input";
import type { EmployeeForm } from "../../lib/employee-form";
import { type FormPartProps, Section, TextField } from "./form-parts";
import { PrivateFields } from "./private-fields";
import { WorkFields } from "./work-fields";

interface EditorFieldsProps extends Omit<FormPartProps, "set"> {
  onChange: (form: EmployeeForm) => void;
  person: Employee | null;
  departments: Department[];
  locations: Location[];
}

const BIO_MAX = 5000;

/** The form's fields in sections; the ones the actor may not change are off. */
export function EditorFields({ onChange, ...rest }: EditorFieldsProps) {
  const { form, editable, errorsFor } = rest;
  const set: FormPartProps["set"] = (key, value) =>
    onChange({ ...form, [key]: value });
  const part = { form, set, editable, errorsFor };
  const off = (name: "bio" | "skills" | "badges") => !editable.has(name);

  return (
    <>
      <Section title="Name">
        <TextField {...part} name="givenName" label="Given name" required />
        <TextField {...part} name="familyName" label="Family name" required />
        <TextField
          {...part}
          name="preferredName"
          label="Preferred name"
          hint="Shown instead of the given name, if set."
        />
        <TextField
          {...part}
          name="pronouns"
          label="Pronouns"
          hint="For example: she/her"
        />
      </Section>

      <WorkFields {...rest} set={set} />

      <Section title="Contact" wide>
        <PhoneFields
          phones={form.phones}
          onChange={(phones) => set("phones", phones)}
          errorsFor={errorsFor}
          disabled={!editable.has("phones")}
        />
      </Section>

      <PrivateFields {...part} />

      <Section title="About" wide>
        <Field
          path="bio"
          label="Bio"
          errors={errorsFor("bio")}
          hint={`Line breaks are kept. ${[...form.bio].length} of ${BIO_MAX} characters.`}
          disabled={off("bio")}
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={6}
              value={form.bio}
              onChange={(e) => set("bio", e.target.value)}
            />
          )}
        </Field>
        <Field
          path="skills"
          label="Skills"
          errors={errorsFor("skills")}
          disabled={off("skills")}
        >
          {(control) => (
            <TagInput
              {...control}
              noun="skill"
              values={form.skills}
              onChange={(skills) => set("skills", skills)}
            />
          )}
        </Field>
        <Field
          path="badges"
          label="Badges"
          errors={errorsFor("badges")}
          disabled={off("badges")}
        >
          {(control) => (
            <TagInput
              {...control}
              noun="badge"
              values={form.badges}
              onChange={(badges) => set("badges", badges)}
            />
          )}
        </Field>
      </Section>
    </>
  );
}
