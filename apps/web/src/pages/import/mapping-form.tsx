import { Fragment, useId } from "react";
import type { ColumnMapping, UploadedFile } from "../../api/imports";

/** The Roster fields a mapping can fill, with what the user sees. */
const FIELDS: [key: string, label: string, note?: string][] = [
  ["externalId", "HR id", "required"],
  ["email", "Email"],
  ["givenName", "Given name"],
  ["familyName", "Family name"],
  ["fullName", "Full name", "instead of given and family"],
  ["preferredName", "Preferred name"],
  ["managerExternalId", "Manager's HR id"],
  ["jobTitle", "Job title"],
  ["workPhone", "Work phone"],
  ["startDate", "Start date"],
  ["departmentName", "Department"],
  ["locationExternalId", "Office id"],
  ["locationName", "Office name"],
  ["locationCity", "Office city"],
  ["locationRegion", "Office region"],
  ["locationCountry", "Office country code"],
];

/** How many of the sample's values a field shows under its chooser. */
const SAMPLE_VALUES = 3;

/** The first non-empty values of `column` in the sample rows. */
function sampleValues(
  rows: readonly Record<string, string>[],
  column: string | undefined,
): string[] {
  if (!column) return [];
  return rows
    .map((row) => row[column]?.trim() ?? "")
    .filter((value) => value !== "")
    .slice(0, SAMPLE_VALUES);
}

/**
 * A column chooser for each Roster field, each with what the file's first
 * rows hold in the chosen column, and those rows themselves on demand.
 */
export function MappingForm({
  file,
  mapping,
  onChange,
}: {
  file: UploadedFile;
  mapping: ColumnMapping;
  onChange: (next: ColumnMapping) => void;
}) {
  const { columns, rows } = file.sample;
  const idBase = useId();
  const set = (key: string, column: string) =>
    onChange({
      ...mapping,
      columns: { ...mapping.columns, [key]: column || undefined },
    });
  return (
    <div className="import-mapping">
      <h2 className="section-title">Which column holds what</h2>
      <p className="import-mapping__intro">
        Under each field are the values the file's first rows hold in the chosen
        column. A field left as "Not imported" is never changed.
      </p>
      <div className="import-fields">
        {FIELDS.map(([key, label, note]) => {
          const chosen = mapping.columns[key];
          const values = sampleValues(rows, chosen);
          const sampleId = `${idBase}-${key}`;
          return (
            <Fragment key={key}>
              <div className="import-field">
                <label className="field">
                  <span className="field__label">
                    {label}
                    {note && <span className="field__required"> ({note})</span>}
                  </span>
                  <select
                    className="select"
                    value={chosen ?? ""}
                    aria-describedby={sampleId}
                    onChange={(e) => set(key, e.target.value)}
                  >
                    <option value="">Not imported</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <ul
                  id={sampleId}
                  className="import-field__sample"
                  aria-label={`${label}: first values`}
                >
                  {!chosen ? (
                    <li>—</li>
                  ) : values.length > 0 ? (
                    values.map((value, n) => (
                      // Values repeat (three rows in one department).
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed list
                      <li key={n} title={value}>
                        {value}
                      </li>
                    ))
                  ) : (
                    <li>Empty in the first rows</li>
                  )}
                </ul>
              </div>
              {key === "email" && (
                <EmailsChoice mapping={mapping} onChange={onChange} />
              )}
            </Fragment>
          );
        })}
      </div>
      <details className="import-sample">
        <summary>
          The file's first {rows.length === 1 ? "row" : `${rows.length} rows`}
        </summary>
        <section className="import-sample__table" aria-label="Sample rows">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                // The sample never changes order: its index is its identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{row[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </div>
  );
}

/** What the email column holds, and so how addresses are made. */
function EmailsChoice({
  mapping,
  onChange,
}: {
  mapping: ColumnMapping;
  onChange: (next: ColumnMapping) => void;
}) {
  return (
    <div className="import-field">
      <label className="field">
        <span className="field__label">The email column holds</span>
        <select
          className="select"
          value={mapping.emails ?? "address"}
          onChange={(e) =>
            onChange({
              ...mapping,
              emails: e.target.value as ColumnMapping["emails"],
            })
          }
        >
          <option value="address">whole addresses</option>
          <option value="userName">user names (add the domain)</option>
          <option value="externalId">
            nothing: make addresses from the id
          </option>
        </select>
      </label>
    </div>
  );
}
