import type { ColumnMapping, UploadedFile } from "../../api/imports";

/** The Roster fields a mapping can fill, with what the user sees. */
const FIELDS: [key: string, label: string][] = [
  ["externalId", "HR id (required)"],
  ["email", "Email"],
  ["givenName", "Given name"],
  ["familyName", "Family name"],
  ["fullName", "Full name (instead of given and family)"],
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

/** The file's first rows and a column chooser for each Roster field. */
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
  const set = (key: string, column: string) =>
    onChange({
      ...mapping,
      columns: { ...mapping.columns, [key]: column || undefined },
    });
  return (
    <div className="import-mapping">
      <h2 className="section-title">The file's first rows</h2>
      <section className="import-sample" aria-label="Sample rows">
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
      <h2 className="section-title">Which column holds what</h2>
      <div className="import-fields">
        {FIELDS.map(([key, label]) => (
          <label key={key} className="field">
            <span className="field__label">{label}</span>
            <select
              value={mapping.columns[key] ?? ""}
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
        ))}
        <label className="field">
          <span className="field__label">The email column holds</span>
          <select
            value={mapping.emails ?? "address"}
            onChange={(e) =>
              onChange({
                ...mapping,
                emails: e.target.value as ColumnMapping["emails"],
              })
            }
          >
            <option value="address">whole addresses</option>
            <option value="userName">
              user names (add the company domain)
            </option>
            <option value="externalId">
              nothing: make addresses from the id
            </option>
          </select>
        </label>
      </div>
    </div>
  );
}
