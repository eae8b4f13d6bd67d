import { useState } from "react";
import { type AuditEntry, type AuditPage, getHistory } from "../../api/audit";
import { ErrorNotice, Loading } from "../../components/states";
import { useResource } from "../../hooks/use-resource";
import {
  type AuditNames,
  describeChange,
  describeEntry,
} from "../../lib/audit-text";

const when = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/**
 * The audit trail of one profile: who changed what, when, how, with the
 * values before and after. Shown to HR, admins and the person themself.
 */
export function HistoryPanel({ id }: { id: string }) {
  const first = useResource(
    (signal) => getHistory(id, undefined, signal),
    [id],
  );
  const [more, setMore] = useState<AuditPage[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const pages = first.status === "success" ? [first.data, ...more] : [];
  const next = pages.at(-1)?.nextCursor ?? null;

  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        History
      </h2>
      {first.status === "loading" && <Loading label="Loading history…" />}
      {first.status === "error" && (
        <ErrorNotice error={first.error} onRetry={first.reload} />
      )}
      {first.status === "success" && pages[0]?.items.length === 0 && (
        <p className="panel__empty">No recorded changes.</p>
      )}
      <ol className="history__list">
        {pages.flatMap((p) =>
          p.items.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} names={p.names} />
          )),
        )}
      </ol>
      {next && (
        <button
          type="button"
          className="button"
          disabled={loadingMore}
          onClick={() => {
            setLoadingMore(true);
            getHistory(id, next)
              .then((page) => setMore((m) => [...m, page]))
              .finally(() => setLoadingMore(false));
          }}
        >
          {loadingMore ? "Loading…" : "Show older changes"}
        </button>
      )}
    </section>
  );
}

function HistoryEntry({
  entry,
  names,
}: {
  entry: AuditEntry;
  names: AuditNames | undefined;
}) {
  return (
    <li className="history__entry">
      <p>
        <strong>{describeEntry(entry)}</strong>
        <span className="muted">
          {" "}
          · <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time> ·
          via {entry.channel}
        </span>
      </p>
      {entry.changes.length > 0 && (
        <ul className="history__changes">
          {entry.changes.map((c) => (
            <li key={c.field}>{describeChange(c, names)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
