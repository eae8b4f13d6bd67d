import type {
  Department,
  Employee,
  FieldName,
  Location,
  Role,
} from "../../api/types";
import { Field } from "../../components/field";
import { PersonPicker } from "../../components/person-picker";
import { type FormPartProps, Section, TextField } from "./form-parts";

interface WorkFieldsProps extends FormPartProps {
  person: Employee | null;
  departments: Department[];
  locations: Location[];
}

const ROLES: { value: Role; label: string }[] = [
  { value: "employee", label: "Employee" },
  { value: "hr", label: "HR" },
  { value: "admin", label: "Administrator" },
];

function locationLabel(l: Location): string {
  const place = l.city ?? l.region;
  return place && place !== l.name ? `${l.name}, ${place}` : l.name;
}

/** Email, title, team, place, manager, start date and access. */
export function WorkFields(props: WorkFieldsProps) {
  const { form, set, editable, errorsFor, person } = props;
  const off = (name: FieldName) => !editable.has(name);
  return (
    <Section title="Work">
      <TextField
        {...props}
        name="email"
        label="Work email"
        type="email"
        required
      />
      <TextField {...props} name="jobTitle" label="Job title" />
      <Field
        path="departmentId"
        label="Department"
        errors={errorsFor("departmentId")}
        disabled={off("departmentId")}
      >
        {(control) => (
          <select
            {...control}
            className="select"
            value={form.departmentId}
            onChange={(e) => set("departmentId", e.target.value)}
          >
            <option value="">No department</option>
            {props.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        path="locationId"
        label="Location"
        errors={errorsFor("locationId")}
        disabled={off("locationId")}
      >
        {(control) => (
          <select
            {...control}
            className="select"
            value={form.locationId}
            onChange={(e) => set("locationId", e.target.value)}
          >
            <option value="">No location</option>
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {locationLabel(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        path="managerId"
        label="Manager"
        errors={errorsFor("managerId")}
        hint={
          off("managerId")
            ? undefined
            : "Type to search; leave empty for the top of the organisation."
        }
        disabled={off("managerId")}
      >
        {(control) => (
          <PersonPicker
            {...control}
            value={form.manager}
            onChange={(m) => set("manager", m)}
            excludeIds={person ? [person.id] : []}
          />
        )}
      </Field>
      <Field
        path="startDate"
        label="Start date"
        errors={errorsFor("startDate")}
        disabled={off("startDate")}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            value={form.startDate}
            onChange={(e) => set("startDate", e.target.value)}
          />
        )}
      </Field>
      <Field
        path="role"
        label="Access"
        errors={errorsFor("role")}
        hint={off("role") ? "Only admins change access." : undefined}
        disabled={off("role")}
      >
        {(control) => (
          <select
            {...control}
            className="select"
            value={form.role}
            onChange={(e) => set("role", e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Section>
  );
}
