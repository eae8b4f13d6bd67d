// The words the import page uses for what the API reports in keys and
// numbers: the recognised export layouts, the fields of a preview's diff,
// their values, and a job's progress.

/** The export layouts the API recognises, as a sentence names them. */
const FORMATS: Record<string, string> = {
  "oracle-hr": "an Oracle HR export",
  "org-chart": "an org-chart export",
  ldap: "an LDAP export",
};

/**
 * What the page says about an uploaded file's layout: the export it
 * looks like, that its columns were guessed from their names, or that
 * the user has to choose them.
 */
export function detectedFormatMessage(
  fileName: string,
  suggestion: { name: string } | null,
): string {
  if (!suggestion) return `${fileName}: choose which column holds what.`;
  if (suggestion.name === "guessed") {
    return (
      `${fileName}: the columns were matched by their names; check ` +
      "the mapping."
    );
  }
  const known = FORMATS[suggestion.name];
  const format = known ?? `an export in the “${suggestion.name}” layout`;
  return `${fileName} looks like ${format}; check the mapping.`;
}

/** The fields a preview's diff names, as the mapping form labels them. */
const DIFF_FIELDS: Record<string, string> = {
  externalId: "HR id",
  email: "Email",
  givenName: "Given name",
  familyName: "Family name",
  preferredName: "Preferred name",
  jobTitle: "Job title",
  phones: "Phones",
  startDate: "Start date",
  department: "Department",
  location: "Office",
  manager: "Manager",
};

/**
 * A diff field's label: a known one, or any other key written out
 * ("someNewField" as "Some new field") rather than shown as code.
 */
export function diffFieldLabel(field: string): string {
  const known = DIFF_FIELDS[field];
  if (known) return known;
  const words = field
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words ? words[0]?.toUpperCase() + words.slice(1) : field;
}

const EMPTY = "—";

/**
 * Any value of a diff as one line of text: nothing as "—", lists joined
 * with commas, a phone as "work +1 408 555 4798", another object as its
 * labelled parts.
 */
export function diffValueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (Array.isArray(value)) {
    const items = value.map(diffValueText).filter((v) => v !== EMPTY);
    return items.length > 0 ? items.join(", ") : EMPTY;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.number === "string") {
      const kind = typeof record.kind === "string" ? record.kind : "";
      return kind ? `${kind} ${record.number}` : record.number;
    }
    const parts = Object.entries(record)
      .filter(([, v]) => diffValueText(v) !== EMPTY)
      .map(([k, v]) => `${diffFieldLabel(k)}: ${diffValueText(v)}`);
    return parts.length > 0 ? parts.join("; ") : EMPTY;
  }
  return String(value);
}

const count = new Intl.NumberFormat("en");

/** What a job's progress counts: the file's bytes read, or rows written. */
export type ProgressUnit = "bytes" | "rows";

interface ProgressOf {
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: { done: number; total: number | null };
}

/**
 * A job's progress in words. Bytes are an implementation detail, so a
 * preview says how much of the file it has read as a percentage; an
 * apply counts rows: "1,200 of 1,516 rows".
 */
export function progressText(job: ProgressOf, unit: ProgressUnit): string {
  const { total } = job.progress;
  const finished = job.status === "succeeded";
  const done = finished && total !== null ? total : job.progress.done;
  if (job.status === "queued") return "Waiting to start…";
  if (unit === "bytes") {
    if (finished) return "Read the whole file";
    const percent =
      total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    if (job.status === "running") return `Reading the file… ${percent}%`;
    return `Stopped after reading ${percent}% of the file`;
  }
  if (job.status === "running" && total === null && done === 0) {
    return "Starting…";
  }
  const rows =
    total === null
      ? `${count.format(done)} ${done === 1 ? "row" : "rows"}`
      : `${count.format(done)} of ${count.format(total)} ${total === 1 ? "row" : "rows"}`;
  return finished || job.status === "running" ? rows : `Stopped at ${rows}`;
}
