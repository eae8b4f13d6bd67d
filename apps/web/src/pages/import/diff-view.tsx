import { useEffect, useState } from "react";
import { type DiffRow, readDiff } from "../../api/imports";
import { diffFieldLabel, diffValueText } from "../../lib/import-text";

const KINDS = [
  ["new", "New"],
  ["changed", "Changed"],
  ["unchanged", "Unchanged"],
  ["rejected", "Rejected"],
  ["problems", "All problems"],
] as const;

/** The kind to show first: the first with rows the user should check. */
function firstKind(counts: Record<string, number>): string {
  const found = ["changed", "new", "rejected"].find(
    (k) => (counts[k] ?? 0) > 0,
  );
  return found ?? "changed";
}

/** A preview's diff, one kind at a time, fifty rows a page. */
export function DiffView({
  previewId,
  counts,
}: {
  previewId: string;
  counts: Record<string, number>;
}) {
  const [kind, setKind] = useState<string>(() => firstKind(counts));
  const [rows, setRows] = useState<DiffRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setRows([]);
    setFailed(false);
    readDiff(previewId, kind)
      .then((page) => {
        if (!live) return;
        setRows(page.items);
        setNext(page.next);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [previewId, kind]);
  const more = async () => {
    if (next === null) return;
    const page = await readDiff(previewId, kind, next);
    setRows((r) => [...r, ...page.items]);
    setNext(page.next);
  };
  return (
    <section className="import-diff" aria-label="What the import will do">
      <fieldset className="import-diff__kinds">
        <legend className="visually-hidden">Show</legend>
        {KINDS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            className="button button--quiet"
            aria-pressed={kind === key}
            onClick={() => setKind(key)}
          >
            {label}
            {key in counts ? ` (${counts[key]})` : ""}
          </button>
        ))}
      </fieldset>
      {failed && <p role="alert">The diff could not be loaded.</p>}
      <ul className="import-diff__rows">
        {rows.map((r) => (
          <li key={r.row} className="import-diff__row" data-kind={r.kind}>
            <p>
              <strong>Row {r.row}</strong> {r.label}
            </p>
            {r.changes.length > 0 && (
              <dl className="import-diff__changes">
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt>{diffFieldLabel(c.field)}</dt>
                    <dd>
                      {diffValueText(c.before)} → {diffValueText(c.after)}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {r.reasons.map((reason) => (
              <p
                key={`${reason.field}:${reason.message}`}
                className="form-error"
              >
                {reason.field ? `${reason.field}: ` : ""}
                {reason.message}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {rows.length === 0 && !failed && <p>No rows of this kind.</p>}
      {next !== null && (
        <button type="button" className="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </section>
  );
}
