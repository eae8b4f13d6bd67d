import type { Department, Location } from "../../api/types";
import type { EmployeeForm } from "../../lib/employee-form";
import {
  type Conflict,
  describeValue,
  FORM_LABELS,
  type Rebased,
} from "../../lib/rebase-form";

interface RebasedNoticeProps {
  rebased: Rebased;
  departments: Department[];
  locations: Location[];
}

function theirValue(
  { field, theirs }: Conflict,
  departments: Department[],
  locations: Location[],
): string {
  const id = theirs as EmployeeForm["departmentId"];
  if (field === "departmentId") {
    return departments.find((d) => d.id === id)?.name ?? describeValue(id);
  }
  if (field === "locationId") {
    return locations.find((l) => l.id === id)?.name ?? describeValue(id);
  }
  return describeValue(theirs);
}

/** What bringing in someone else's change did to the form. */
export function RebasedNotice({
  rebased,
  departments,
  locations,
}: RebasedNoticeProps) {
  const { taken, conflicts } = rebased;
  return (
    <div className="notice notice--info" role="status">
      <div className="notice__body">
        <p className="notice__title">
          Their changes are in the form, with your edits kept.
        </p>
        {taken.length > 0 && (
          <p>
            Updated from their version:{" "}
            {taken.map((f) => FORM_LABELS[f]).join(", ")}.
          </p>
        )}
        {conflicts.length > 0 && (
          <>
            <p>You both changed these; yours are kept until you change them:</p>
            <ul className="notice__changes">
              {conflicts.map((c) => (
                <li key={c.field}>
                  {FORM_LABELS[c.field]}: theirs is “
                  {theirValue(c, departments, locations)}”
                </li>
              ))}
            </ul>
          </>
        )}
        <p>Check the form, then save.</p>
      </div>
    </div>
  );
}
