interface StaleNoticeProps {
  /** Brings their version into the form, keeping the reader's edits. */
  onBringIn?: () => void;
  busy?: boolean;
  /** Throws the reader's edits away for the latest version. */
  onReload: () => void;
}

/** Shown when someone else saved this person first (a 412). */
export function StaleNotice({ onBringIn, busy, onReload }: StaleNoticeProps) {
  return (
    <div className="notice notice--warning" role="alert">
      <div className="notice__body">
        <p className="notice__title">
          This profile was changed by someone else while you were editing.
        </p>
        <p>
          Your changes were not saved.{" "}
          {onBringIn
            ? "Bring in their version to see what changed and keep your " +
              "edits, then save again."
            : "Reload the latest version to see what changed, then make " +
              "your edits again."}
        </p>
      </div>
      <div className="notice__actions">
        {onBringIn && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={onBringIn}
          >
            {busy ? "Loading…" : "Bring in their changes"}
          </button>
        )}
        <button type="button" className="button" onClick={onReload}>
          {onBringIn ? "Discard my edits" : "Reload latest version"}
        </button>
      </div>
    </div>
  );
}
